package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.github.sshfaults.concurrent.internal.AdapterTimeouts;
import io.github.sshfaults.concurrent.internal.OpenConnections;
import io.github.sshfaults.concurrent.internal.OpenSshPrivateKey;
import io.github.sshfaults.concurrent.internal.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SshClientAdapter} for JSch ({@code com.github.mwiede:jsch}, which you put on the class
 * path). One adapter per worker thread; each {@link #exec} opens its own session.
 *
 * <pre>{@code
 * runner.run(hosts, JschClientAdapter.factory(Duration.ofSeconds(5)),
 *     (jsch, host) -> jsch.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>JSch reports a command whose connection was cut as exit status -1 without throwing, and has no
 * timeout for a command that never ends; this adapter throws {@link NoExitStatusException} and a
 * {@link java.util.concurrent.TimeoutException} for them. Everything else is JSch's own exception.
 */
public final class JschClientAdapter implements SshClientAdapter {

  /** The timeout of {@link #factory()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;
  private final OpenConnections<Session> sessions =
      new OpenConnections<>("JschClientAdapter", Session::disconnect);

  private JschClientAdapter(Duration timeout) {
    this.timeout = timeout;
  }

  /** Makes adapters whose every step is bounded by {@link #DEFAULT_TIMEOUT}. */
  public static ClientFactory<JschClientAdapter> factory() {
    return factory(DEFAULT_TIMEOUT);
  }

  /**
   * Makes adapters whose every step (connect, key exchange and login, channel open, command) is
   * bounded by {@code timeout}.
   *
   * @throws IllegalArgumentException when {@code timeout} is not 1 ms to 1 day
   */
  public static ClientFactory<JschClientAdapter> factory(Duration timeout) {
    Duration checked = AdapterTimeouts.checkTimeout(timeout);
    return () -> new JschClientAdapter(checked);
  }

  /**
   * Opens a session to {@code target} and logs in: for tasks that need more than {@link #exec} (a
   * shell, SFTP, port forwarding). The session is disconnected when this adapter is closed, or
   * earlier by the caller.
   *
   * @throws JSchException as JSch reports connection and login failures
   */
  public Session connect(SshTarget target, SshLogin login) throws JSchException {
    notNull(target, "target");
    notNull(login, "login");
    sessions.checkOpen();
    JSch jsch = new JSch();
    if (login.keyPair().isPresent()) {
      jsch.addIdentity(
          login.user(), OpenSshPrivateKey.pem(login.keyPair().get(), login.user()), null, null);
    }
    if (!login.knownHostsLines().isEmpty()) {
      String lines = String.join("\n", login.knownHostsLines()) + "\n";
      jsch.setKnownHosts(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }
    Session session = jsch.getSession(login.user(), target.host(), target.port());
    session.setConfig("StrictHostKeyChecking", login.knownHostsLines().isEmpty() ? "no" : "yes");
    login.password().ifPresent(p -> session.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    sessions.add(session);
    try {
      session.connect(millis());
    } catch (JSchException | RuntimeException e) {
      sessions.release(session);
      throw e;
    }
    return session;
  }

  @Override
  public CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception {
    notBlank(command, "command");
    Session session = connect(target, login);
    try {
      ChannelExec channel = openExec(session);
      channel.setCommand(command);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ClosedSignal stderr = new ClosedSignal();
      channel.setOutputStream(stdout);
      // JSch closes the extended stream only when the channel goes away (its CLOSE arrived or the
      // session died), after any exit status: our signal that the command is over.
      channel.setExtOutputStream(stderr);
      channel.connect(millis());
      channel.getOutputStream().close();
      if (!stderr.closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw Verdict.unfinished("JSch", command, target, timeout);
      }
      int status = channel.getExitStatus();
      return Verdict.of(
          command,
          target,
          stdout.toString(StandardCharsets.UTF_8),
          stderr.toString(StandardCharsets.UTF_8),
          status == -1 ? null : status);
    } finally {
      sessions.release(session);
    }
  }

  /**
   * JSch's {@code openChannel} throws "session is down" only when it already knows; when the
   * session dies under it, it swallows the failure and returns null.
   */
  private static ChannelExec openExec(Session session) throws JSchException {
    if (session.isConnected() && session.openChannel("exec") instanceof ChannelExec channel) {
      return channel;
    }
    throw new JSchException("session is down: JSch could not open an exec channel");
  }

  @Override
  public void close() {
    sessions.closeAll();
  }

  private int millis() {
    return (int) timeout.toMillis();
  }

  @Override
  public String toString() {
    return "JschClientAdapter[timeout " + timeout + (sessions.isClosed() ? ", closed]" : "]");
  }

  /** A stderr buffer that says when JSch closed it. */
  private static final class ClosedSignal extends ByteArrayOutputStream {
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
