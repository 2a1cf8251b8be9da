package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.concurrent.internal.Classification;

/**
 * What went wrong with an SSH task, as one word a test can assert on, whichever client library
 * reported it.
 *
 * <pre>{@code
 * FailureKind kind = FailureKind.of(exception);   // AUTH for JSch's "Auth fail", MINA's
 *                                                 // "No more authentication methods", sshj's
 *                                                 // UserAuthException...
 * }</pre>
 *
 * <p>{@link #of(Throwable)} knows the exceptions of Apache MINA SSHD, JSch and sshj (by class name,
 * so none of them has to be on the class path), those of {@code java.net}, and the verdicts of the
 * sshfaults client adapters. It walks the cause chain from the outermost exception inwards and
 * takes the first one it recognises, so wrapping an exception in your own does not hide its kind.
 * One exception to outermost-wins: a login the client gave up on (JSch's "Auth fail", MINA's "No
 * more authentication methods", sshj's {@code UserAuthException}) is {@link #TIMEOUT} when its
 * cause shows the server never answered, and {@link #DISCONNECTED} when its cause shows the
 * connection ended (end of stream, reset, closed socket), unless the server had given its own
 * verdict ("Too many authentication failures"). Teach it your own exceptions with a {@link
 * FailureClassifier}.
 */
public enum FailureKind {

  /**
   * The server refused the credentials: wrong password, unknown user, key not accepted, too many
   * authentication failures. Not a login that failed because the server never answered ({@link
   * #TIMEOUT}) or because the connection ended under it ({@link #DISCONNECTED}).
   */
  AUTH,

  /**
   * Nothing accepted the TCP connection: nothing listening on the port ({@code
   * java.net.ConnectException: Connection refused}), or no route to the host.
   */
  CONNECT_REFUSED,

  /** The TCP connection was not established within the client's connect timeout. */
  CONNECT_TIMEOUT,

  /** The host name could not be resolved to an address. */
  UNKNOWN_HOST,

  /** The server's host key was not the one the client trusts (changed, unknown or revoked). */
  HOST_KEY,

  /**
   * The connection or channel went away before the work was done: closed or reset by the server
   * (also during the login), a session that was closing or down when used, or a command that ended
   * without an exit code (a cut connection, not a success).
   */
  DISCONNECTED,

  /**
   * Something took longer than its bound after connecting: no banner, a slow authentication, a
   * command that did not finish, a read that saw no data, or a task past its deadline (hung).
   */
  TIMEOUT,

  /**
   * The peer did not speak SSH as expected: garbage instead of a banner, an unsupported protocol
   * version, a corrupt packet, no algorithm both sides support.
   */
  PROTOCOL,

  /**
   * The server refused a channel or a request on it: a channel open failure, or a shell, subsystem
   * or other channel request answered with a failure.
   */
  CHANNEL,

  /** The remote command ran and exited with a non-zero status. */
  COMMAND_FAILED,

  /** An SFTP operation got an error status from the server (no such file, permission denied...). */
  SFTP,

  /**
   * Nothing above: a bug in the task or the client (a {@code NullPointerException}, an {@code
   * Error}), or an exception no classifier knows.
   */
  UNEXPECTED;

  /**
   * Classifies {@code failure} with the built-in rules, walking its cause chain.
   *
   * @return the kind of the outermost exception in the chain that a rule recognises, or {@link
   *     #UNEXPECTED} when none is recognised
   * @throws NullPointerException when {@code failure} is null
   */
  public static FailureKind of(Throwable failure) {
    return Classification.classify(failure, null);
  }

  /**
   * Classifies {@code failure} with {@code classifier} first, then with the built-in rules.
   *
   * <p>{@code classifier} sees every exception of the chain, outermost first, before any built-in
   * rule is tried, so your rules win wherever in the chain they match.
   *
   * @throws NullPointerException when {@code failure} or {@code classifier} is null
   */
  public static FailureKind of(Throwable failure, FailureClassifier classifier) {
    return Classification.classify(failure, notNull(classifier, "classifier"));
  }
}
