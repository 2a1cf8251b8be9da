package io.github.sshfaults.concurrent.internal;

import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.concurrent.FailureKind;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The built-in rules: how Apache MINA SSHD (2.x), JSch ({@code com.github.mwiede:jsch}), sshj and
 * the JDK report SSH failures, matched by class name so that no client library is needed on the
 * class path.
 *
 * <p>Rules are tried in order on one exception; the first that matches decides. Specific types come
 * first, then messages (the libraries throw one generic type for many failures: JSch's {@code
 * JSchException}, MINA's {@code SshException}), then SSH disconnect reason codes, then the generic
 * {@code java.net} / {@code java.io} types. The messages are those the libraries really produce,
 * checked against fake hosts and raw sockets in the tests of each rule.
 *
 * <p>The rules see one exception of the chain at a time, outermost first, and mostly read only that
 * exception. The exception: a login the client gave up ("Auth fail", "No more authentication
 * methods", "Exhausted available authentication methods") is judged by its causes when they show
 * that the server never answered (TIMEOUT) or that the connection ended under it (DISCONNECTED),
 * unless the server gave its own verdict first.
 */
public final class StandardClassifier implements FailureClassifier {

  /** The SFTP exceptions of the libraries. Before {@link #INSTANCE}: its rules read it. */
  private static final String[] SFTP_TYPES = {
    "org.apache.sshd.sftp.common.SftpException",
    "com.jcraft.jsch.SftpException",
    "net.schmizz.sshj.sftp.SFTPException"
  };

  /**
   * Messages that say the connection itself ended under the client. Also read by the rule for a
   * login given up, so both agree on what a connection's end looks like.
   */
  private static final String[] CONNECTION_END_MESSAGES = {
    "end of io stream read", // JSch: the server closed the connection mid-packet
    "encountered eof", // sshj: "Broken transport; encountered EOF"
    "server closed connection", // sshj
    "connection reset",
    "broken pipe",
    "socket closed",
    "connection closed"
  };

  /** The {@code java} types that say the connection ended; see {@link #CONNECTION_END_MESSAGES}. */
  private static final String[] CONNECTION_END_TYPES = {
    "java.net.SocketException", "java.io.EOFException", "java.nio.channels.ClosedChannelException"
  };

  /** The only instance: the rules are immutable. */
  public static final StandardClassifier INSTANCE = new StandardClassifier();

  private static final String RUNNER = "io.github.sshfaults.concurrent.";
  private static final String CLIENTS = "io.github.sshfaults.clients.";

  /**
   * The types whose message is worth reading: the libraries' catch-all types and the JDK types they
   * use for state and I/O errors. Any other exception is classified by type only, so that a user's
   * {@code IllegalArgumentException("...timed out...")} stays UNEXPECTED.
   */
  private static final Set<String> MESSAGE_BEARING =
      Set.of(
          "java.io.IOException",
          "java.lang.IllegalStateException",
          "com.jcraft.jsch.JSchException",
          "org.apache.sshd.common.RuntimeSshException",
          "net.schmizz.sshj.common.SSHRuntimeException");

  private final List<Rule> rules =
      List.of(
          // The verdicts of our own client adapters.
          type(FailureKind.COMMAND_FAILED, CLIENTS + "CommandFailedException"),
          type(FailureKind.DISCONNECTED, CLIENTS + "NoExitCodeException"),
          type(FailureKind.TIMEOUT, RUNNER + "DeadlineExceededException"),
          // A transfer cut by the connection's end is no SFTP status: JSch wraps the end of the
          // channel's data in an SftpException ("inputstream is closed"), sshj the transport's
          // failure in an SFTPException ("Broken transport; encountered EOF", "Connection
          // reset"). Such an SFTP exception has a cause; a status from the server has none.
          failure -> kindOfSftpCause(failure),
          // Dedicated types. Before the generic SSH types: sshj's SFTPException is an SSHException.
          type(FailureKind.SFTP, SFTP_TYPES),
          type(FailureKind.HOST_KEY, "com.jcraft.jsch.JSchHostKeyException"),
          // A login that gave up because the server never answered is no rejection: sshj's
          // UserAuthException over a TimeoutException, JSch's "Auth fail" over the read timeout
          // (which the JSch adapter chains, JSch itself only logs it). Not the server's own
          // verdicts ("Too many authentication failures"), whatever came after them.
          rule(FailureKind.TIMEOUT, t -> isLoginGivenUp(t) && causedByTimeout(t)),
          // Nor is a login that gave up because the connection ended under it: JSch's "Auth fail"
          // over "End of IO Stream Read" or "Connection reset" (chained by the JSch adapter). The
          // one place where an inner exception overrides the outermost recognised one: the outer
          // is the client's own summary, the cause is what happened. Again not when the server
          // spoke first (a disconnect with its reason, "Too many authentication failures").
          rule(FailureKind.DISCONNECTED, t -> isLoginGivenUp(t) && causedByConnectionEnd(t)),
          type(
              FailureKind.AUTH,
              "net.schmizz.sshj.userauth.UserAuthException",
              "com.jcraft.jsch.JSchAuthCancelException",
              "com.jcraft.jsch.JSchPartialAuthException"),
          type(
              FailureKind.CHANNEL,
              "org.apache.sshd.common.channel.exception.SshChannelOpenException",
              "net.schmizz.sshj.connection.channel.OpenFailException"),
          type(
              FailureKind.PROTOCOL,
              "com.jcraft.jsch.JSchAlgoNegoFailException",
              "com.jcraft.jsch.JSchStrictKexException",
              "org.apache.sshd.common.util.buffer.BufferException",
              "net.schmizz.sshj.common.Buffer$BufferException",
              "java.io.StreamCorruptedException"),
          type(
              FailureKind.UNKNOWN_HOST,
              "java.net.UnknownHostException",
              "java.nio.channels.UnresolvedAddressException"),
          // MINA's own connect timeout is a ConnectException: "I/O connection time-out of 300ms".
          rule(
              FailureKind.CONNECT_TIMEOUT,
              t ->
                  isA(t, "java.net.ConnectException")
                      && (mentions(t, "timed out", "time-out", "timeout")
                          || t.getCause() instanceof TimeoutException)),
          type(
              FailureKind.CONNECT_REFUSED,
              "java.net.ConnectException",
              "java.net.NoRouteToHostException",
              "java.net.PortUnreachableException"),
          rule(
              FailureKind.CONNECT_TIMEOUT,
              t -> isA(t, "java.net.SocketTimeoutException") && mentions(t, "connect")),
          type(
              FailureKind.TIMEOUT,
              "java.net.SocketTimeoutException",
              "java.util.concurrent.TimeoutException"),
          // MINA's ClientSession.executeRemoteCommand reports a command that ended without an
          // exit status this way: the connection ended under it (a server killed mid-command), as
          // the adapters' own NoExitCodeException says. A live server's command killed by a signal
          // ends the same way, with an exit-signal MINA does not show in the exception.
          rule(
              FailureKind.DISCONNECTED,
              t -> isA(t, "java.rmi.RemoteException") && mentions(t, "no exit status returned")),
          // MINA's ClientSession.executeRemoteCommand reports a non-zero exit this way.
          rule(
              FailureKind.COMMAND_FAILED,
              t -> isA(t, "java.rmi.RemoteException") && mentions(t, "remote command")),
          // The libraries' catch-all types, by message.
          message(
              FailureKind.AUTH,
              "auth fail", // JSch: "Auth fail for methods 'publickey,password'"
              "auth cancel",
              "no more authentication methods", // MINA
              "too many authentication failures", // OpenSSH's disconnect text
              "exhausted available authentication methods"), // sshj
          message(
              FailureKind.HOST_KEY,
              "server key did not validate", // MINA
              "hostkey has been changed", // JSch
              "reject hostkey",
              "revoked hostkey",
              "could not verify"), // sshj: "Could not verify `ecdsa-...` host key with fingerprint"
          rule(
              FailureKind.CONNECT_TIMEOUT,
              t ->
                  isMessageBearing(t)
                      && (mentions(t, "socket is not established", "connect timed out")
                          // MINA: "DefaultConnectFuture[...]: Failed to get operation result
                          // within specified timeout"
                          || (mentions(t, "connectfuture") && mentions(t, "timeout", "time-out")))),
          message(
              FailureKind.TIMEOUT,
              "within specified timeout", // MINA's verify(timeout)
              "timeout expired", // sshj's Promise
              "timeout in waiting", // JSch
              "timed out"),
          message(
              FailureKind.PROTOCOL,
              "invalid server's version string", // JSch
              "invalid protocol", // JSch
              "packet corrupt", // JSch
              "mac error",
              "incorrect identification", // MINA and sshj
              "unsupported protocol version", // MINA
              "does not support sshv2", // sshj
              "unable to reach a settlement", // sshj: no common algorithm
              "unable to negotiate", // MINA: no common algorithm
              "algorithm negotiation fail",
              "invalid packet length"),
          message(
              FailureKind.CHANNEL,
              "failed to send channel request", // JSch: shell / subsystem request refused
              "channel is not opened"), // JSch: channel open refused
          rule(
              FailureKind.CHANNEL,
              t -> // sshj: shell / subsystem / exec request refused
              isA(t, "net.schmizz.sshj.connection.ConnectionException")
                      && mentions(t, "request failed")),
          message(
              FailureKind.DISCONNECTED,
              "is being closed", // MINA: "Session is being closed", "...because session is..."
              "has been closed", // MINA
              // MINA's ClientUserAuthService, when the session closes under a login (a write of
              // its key exchange crossed the FIN of a server that died)
              "session is closed",
              "already closed", // MINA's WindowClosedException
              "on closing session", // MINA: "Write attempt on closing session: SSH_MSG_..."
              // MINA: a write queued as the session closed at once, e.g. the next SFTP read
              // request of a download cut by a FIN ("...Failed (WriteAbortedException) to
              // execute: Write request aborted due to immediate session close")
              "aborted due to immediate session close",
              "session closing", // MINA: "Session closing while KEX in progress"
              "session is down", // JSch
              "not connected", // sshj: IllegalStateException("Not connected")
              "closed by foreign host", // JSch
              "inputstream is closed", // JSch's ChannelSftp: the channel's data ended
              "channel is broken", // JSch
              "connection lost",
              // JSch's ChannelSftp reads its channel through a pipe that closes with the channel:
              // SftpException("java.io.IOException: Pipe closed") over the pipe's IOException
              "pipe closed"),
          message(FailureKind.DISCONNECTED, CONNECTION_END_MESSAGES),
          // sshj: ConnectionException("Stream closed") when an SFTP request is written on a
          // channel that the connection's end has closed (a download cut by a FIN or RST).
          rule(
              FailureKind.DISCONNECTED,
              t ->
                  isA(t, "net.schmizz.sshj.connection.ConnectionException")
                      && "Stream closed".equals(t.getMessage())),
          // MINA: SshException("Closed") when the session closed under a pending request (a
          // connection dropped or reset while authenticating or opening a channel).
          rule(
              FailureKind.DISCONNECTED,
              t ->
                  isA(t, "org.apache.sshd.common.SshException") && "Closed".equals(t.getMessage())),
          // SSH_MSG_DISCONNECT reason codes (RFC 4253, 11.1), as each library exposes them.
          failure -> kindOfDisconnectReason(disconnectReason(failure)),
          type(FailureKind.DISCONNECTED, CONNECTION_END_TYPES),
          type(
              FailureKind.DISCONNECTED,
              "org.apache.sshd.common.channel.exception.SshChannelClosedException",
              // MINA: "No session attached to Nio2Session[...]", an I/O event (a reset before
              // the banner) on a connection whose SSH session is already gone.
              "org.apache.sshd.common.session.helpers.MissingAttachedSessionException"));

  private StandardClassifier() {}

  @Override
  public Optional<FailureKind> classify(Throwable failure) {
    if (failure instanceof HopFailedException hopFailure) {
      return kindOfHop(hopFailure);
    }
    if (isA(failure, "com.jcraft.jsch.JSchException")
        && failure.getCause() instanceof HopFailedException) {
      // The JSch adapter's connect() can only throw JSchException: its message repeats the hop's,
      // which its cause classifies.
      return Optional.empty();
    }
    for (Rule rule : rules) {
      Optional<FailureKind> kind = rule.apply(failure);
      if (kind.isPresent()) {
        return kind;
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "FailureClassifier.standard()";
  }

  /** One rule: the kind of a failure, or empty when the rule does not apply. */
  @FunctionalInterface
  private interface Rule {
    Optional<FailureKind> apply(Throwable failure);
  }

  private static Rule rule(FailureKind kind, Predicate<Throwable> test) {
    Optional<FailureKind> verdict = Optional.of(kind);
    return failure -> test.test(failure) ? verdict : Optional.empty();
  }

  private static Rule type(FailureKind kind, String... classNames) {
    return rule(kind, t -> isA(t, classNames));
  }

  private static Rule message(FailureKind kind, String... fragments) {
    return rule(kind, t -> isMessageBearing(t) && mentions(t, fragments));
  }

  /**
   * For an SFTP exception with a cause: DISCONNECTED or TIMEOUT when its cause is one (the
   * connection ended or went silent under the transfer); otherwise empty, and the SFTP rule
   * decides.
   */
  private static Optional<FailureKind> kindOfSftpCause(Throwable failure) {
    Throwable cause = failure.getCause();
    if (cause == null || cause == failure || !isA(failure, SFTP_TYPES)) {
      return Optional.empty();
    }
    FailureKind kind = Classification.classify(cause, null);
    return kind == FailureKind.DISCONNECTED || kind == FailureKind.TIMEOUT
        ? Optional.of(kind)
        : Optional.empty();
  }

  /**
   * A failure on one hop is classified by its cause, as if that hop had been reached directly;
   * except a tunnel the jump host refused or never opened, which is how an inner host that is down
   * or unreachable looks through a bastion (see {@link HopFailedException}).
   */
  private static Optional<FailureKind> kindOfHop(HopFailedException failure) {
    if (failure.hop() != HopFailedException.Hop.TUNNEL || failure.getCause() == null) {
      return Optional.empty();
    }
    FailureKind kind = Classification.classify(failure.getCause(), null);
    return Optional.of(
        switch (kind) {
          case CHANNEL -> FailureKind.CONNECT_REFUSED;
          case TIMEOUT -> FailureKind.CONNECT_TIMEOUT;
          default -> kind;
        });
  }

  /** The client ran out of authentication methods to try (whatever the reason). */
  private static boolean isLoginGivenUp(Throwable failure) {
    return isA(failure, "net.schmizz.sshj.userauth.UserAuthException")
        || (isMessageBearing(failure)
            && mentions(
                failure,
                "auth fail", // JSch
                "auth cancel", // JSch
                "no more authentication methods", // MINA
                "exhausted available authentication methods")); // sshj
  }

  /** Whether a cause of {@code failure} (not itself) is a timeout. */
  private static boolean causedByTimeout(Throwable failure) {
    List<Throwable> chain = Classification.chain(failure);
    for (Throwable cause : chain.subList(1, chain.size())) {
      if (isA(cause, "java.util.concurrent.TimeoutException", "java.net.SocketTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a cause of {@code failure} (not itself) says the connection ended (end of stream,
   * reset, closed socket) before any cause that is the server's own verdict (an SSH disconnect with
   * a reason code, "Too many authentication failures").
   */
  private static boolean causedByConnectionEnd(Throwable failure) {
    List<Throwable> chain = Classification.chain(failure);
    for (Throwable cause : chain.subList(1, chain.size())) {
      if (disconnectReason(cause) != 0 || mentions(cause, "too many authentication failures")) {
        return false;
      }
      if (isA(cause, CONNECTION_END_TYPES)
          || (isMessageBearing(cause) && mentions(cause, CONNECTION_END_MESSAGES))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code failure}'s class or a superclass has one of these names. */
  static boolean isA(Throwable failure, String... classNames) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      for (String name : classNames) {
        if (type.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMessageBearing(Throwable failure) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      if (MESSAGE_BEARING.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the message contains one of the lower-case {@code fragments}, ignoring case. */
  private static boolean mentions(Throwable failure, String... fragments) {
    String message = failure.getMessage();
    if (message == null) {
      return false;
    }
    String lowerCase = message.toLowerCase(Locale.ROOT);
    for (String fragment : fragments) {
      if (lowerCase.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The SSH disconnect reason the library attached to {@code failure}, or 0. MINA: {@code
   * SshException.getDisconnectCode()}; JSch: {@code
   * JSchSessionDisconnectException.getReasonCode()}; sshj: {@code
   * SSHException.getDisconnectReason()}, an enum whose ordinal is the code.
   */
  static int disconnectReason(Throwable failure) {
    Object reason;
    if (isA(failure, "org.apache.sshd.common.SshException")) {
      reason = invoke(failure, "getDisconnectCode");
    } else if (isA(failure, "com.jcraft.jsch.JSchSessionDisconnectException")) {
      reason = invoke(failure, "getReasonCode");
    } else if (isA(failure, "net.schmizz.sshj.common.SSHException")) {
      reason = invoke(failure, "getDisconnectReason");
    } else {
      return 0;
    }
    if (reason instanceof Integer code) {
      return code;
    }
    return reason instanceof Enum<?> constant ? constant.ordinal() : 0;
  }

  private static Object invoke(Throwable failure, String accessor) {
    try {
      Method method = failure.getClass().getMethod(accessor);
      return method.invoke(failure);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** RFC 4253, 11.1: SSH_DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT (1) to ILLEGAL_USER_NAME (15). */
  static Optional<FailureKind> kindOfDisconnectReason(int code) {
    return Optional.ofNullable(
        switch (code) {
          case 1 -> FailureKind.CONNECT_REFUSED; // host not allowed to connect
          case 2, 3, 4, 5, 6, 7, 8 -> FailureKind.PROTOCOL; // protocol, kex, MAC, version...
          case 9 -> FailureKind.HOST_KEY; // host key not verifiable
          case 10, 11, 12 -> FailureKind.DISCONNECTED; // connection lost, by application, too many
          case 13, 14, 15 -> FailureKind.AUTH; // cancelled, no more methods, illegal user name
          default -> null;
        });
  }
}
