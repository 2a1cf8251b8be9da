package io.github.sshfaults.clients.jsch;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.clients.JumpHost;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.internal.AdapterTimeouts;
import io.github.sshfaults.clients.internal.DirectoryListing;
import io.github.sshfaults.clients.internal.Hops;
import io.github.sshfaults.clients.internal.OpenConnections;
import io.github.sshfaults.clients.internal.OpenSshPrivateKey;
import io.github.sshfaults.clients.internal.Verdict;
import io.github.sshfaults.clients.internal.Watchdog;
import io.github.sshfaults.internal.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link SshClientAdapter} for JSch ({@code com.github.mwiede:jsch}, which you put on the class
 * path). One adapter per worker thread; each {@link #exec}, {@link #upload}, {@link #download} and
 * {@link #list} opens its own session.
 *
 * <pre>{@code
 * runner.run(hosts, JschClientAdapter.factory(Duration.ofSeconds(5)),
 *     (jsch, host) -> jsch.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>JSch reports a command whose connection was cut as exit code -1 without throwing, and has no
 * timeout for a command that never ends; this adapter throws {@link
 * io.github.sshfaults.clients.NoExitCodeException} and a {@link
 * java.util.concurrent.TimeoutException} for them; a channel the server never answers is also a
 * {@code TimeoutException} (JSch says "channel is not opened.", as for a refused one). JSch ends a
 * login whose read timed out or whose connection broke with a plain "Auth fail" and only logs why;
 * this adapter chains that exception as the cause of "Auth fail", so a server that never answers
 * the login classifies as {@link io.github.sshfaults.concurrent.FailureKind#TIMEOUT} and a
 * connection that ends during it as {@link
 * io.github.sshfaults.concurrent.FailureKind#DISCONNECTED}.
 *
 * <p>The SFTP operations use JSch's {@link ChannelSftp}, which has no timeout for a request the
 * server never answers: one timer thread per adapter ({@code sshfaults-jsch-timer-1}, started by
 * the first transfer) cuts the session of a transfer still running at the timeout, reported as a
 * {@link java.util.concurrent.TimeoutException}. Everything else is JSch's own exception: an {@link
 * com.jcraft.jsch.SftpException} with the server's status for a refused request, and with the end
 * of the connection as its cause for a cut transfer.
 */
public final class JschClientAdapter implements SshClientAdapter {

  /** The timeout of {@link #factory()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;

  /** The jump host's session of each session opened through one, disconnected with it. */
  private final Map<Session, Session> jumpedThrough = new ConcurrentHashMap<>();

  private final OpenConnections<Session> sessions =
      new OpenConnections<>("JschClientAdapter", this::disconnect);
  private final Watchdog watchdog = new Watchdog("JschClientAdapter", "sshfaults-jsch-timer");

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
   * Opens a session to {@code target} and logs in: for tasks that need more than this adapter's
   * methods (a shell, other SFTP requests, port forwarding). The session is disconnected when this
   * adapter is closed, or earlier by the caller.
   *
   * <p>For a target with a {@linkplain SshTarget#jumpHost() jump host}, it first opens a session to
   * the jump host, then the target's session over a channel of it ({@code getStreamForwarder}, a
   * {@code direct-tcpip} channel), as JSch's users do for {@code ProxyJump}; disconnecting the
   * target's session disconnects the jump host's too.
   *
   * @throws JSchException as JSch reports connection and login failures; through a jump host, with
   *     a {@link HopFailedException} naming the hop that failed as its cause (the adapter's other
   *     methods throw the {@code HopFailedException} itself)
   */
  // JSch is optional (requires static): whoever calls this has it, and reads it.
  @SuppressWarnings("exports")
  public Session connect(SshTarget target, SshLogin login) throws JSchException {
    try {
      return open(target, login);
    } catch (HopFailedException e) {
      throw new JSchException(e.getMessage(), e);
    }
  }

  /** {@link #connect}, throwing a failure through a jump host as it is. */
  private Session open(SshTarget target, SshLogin login) throws JSchException, HopFailedException {
    notNull(target, "target");
    notNull(login, "login");
    sessions.checkOpen();
    Optional<JumpHost> jump = target.jumpHost();
    if (jump.isEmpty()) {
      return connectDirectly(target, login, null);
    }
    Session bastion;
    try {
      bastion = connectDirectly(jump.get().target(), jump.get().login(), null);
    } catch (JSchException | RuntimeException e) {
      throw new HopFailedException(Hop.JUMP_HOST, target, e);
    }
    TunnelProxy tunnel = new TunnelProxy(bastion, target);
    try {
      Session inner = connectDirectly(target, login, tunnel);
      jumpedThrough.put(inner, bastion);
      return inner;
    } catch (JSchException | RuntimeException e) {
      sessions.release(bastion);
      Exception refused = tunnel.failure;
      throw refused != null
          ? new HopFailedException(Hop.TUNNEL, target, refused)
          : new HopFailedException(Hop.INNER_HOST, target, e);
    }
  }

  /** Opens a session to {@code target} and logs in, over {@code proxy} unless it is null. */
  private Session connectDirectly(SshTarget target, SshLogin login, Proxy proxy)
      throws JSchException {
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
    if (proxy != null) {
      session.setProxy(proxy);
    }
    AuthFailureWitness witness = new AuthFailureWitness(session.getLogger());
    session.setLogger(witness);
    sessions.add(session);
    try {
      session.connect(millis());
    } catch (JSchException e) {
      sessions.release(session);
      throw witness.explain(e);
    } catch (RuntimeException e) {
      sessions.release(session);
      throw e;
    }
    return session;
  }

  @Override
  public CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception {
    notBlank(command, "command");
    return Hops.onInnerHost(target, () -> execOn(target, login, command));
  }

  private CommandOutput execOn(SshTarget target, SshLogin login, String command) throws Exception {
    Session session = open(target, login);
    String purpose = "command " + Text.abbreviate(command, 80);
    AtomicBoolean opened = new AtomicBoolean();
    try {
      return watchdog.call(
          timeout,
          () -> sessions.release(session),
          () ->
              opened.get()
                  ? Verdict.unfinished("JSch", command, target, timeout)
                  : unanswered(purpose, target),
          () -> {
            ChannelExec channel = openExec(session);
            channel.setCommand(command);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ClosedSignal stderr = new ClosedSignal();
            channel.setOutputStream(stdout);
            // JSch closes the extended stream only when the channel goes away (its CLOSE arrived
            // or the session died), after any exit-status message: the command is over.
            channel.setExtOutputStream(stderr);
            connectChannel(channel, session, purpose, target);
            opened.set(true);
            channel.getOutputStream().close();
            stderr.closed.await();
            int status = channel.getExitStatus();
            return Verdict.of(
                command,
                target,
                stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8),
                status == -1 ? null : status);
          });
    } finally {
      sessions.release(session);
    }
  }

  @Override
  public void upload(SshTarget target, SshLogin login, String path, byte[] content)
      throws Exception {
    notBlank(path, "path");
    notNull(content, "content of " + quote(path));
    transfer(
        target,
        login,
        "upload",
        path,
        sftp -> {
          sftp.put(new ByteArrayInputStream(content), path, ChannelSftp.OVERWRITE);
          return null;
        });
  }

  @Override
  public byte[] download(SshTarget target, SshLogin login, String path) throws Exception {
    notBlank(path, "path");
    return transfer(
        target,
        login,
        "download",
        path,
        sftp -> {
          ByteArrayOutputStream content = new ByteArrayOutputStream();
          sftp.get(path, content);
          return content.toByteArray();
        });
  }

  @Override
  public List<String> list(SshTarget target, SshLogin login, String directory) throws Exception {
    notBlank(directory, "directory");
    return transfer(
        target,
        login,
        "listing",
        directory,
        sftp ->
            DirectoryListing.of(sftp.ls(directory).stream().map(ChannelSftp.LsEntry::getFilename)));
  }

  /** An SFTP operation on an open channel. */
  @FunctionalInterface
  private interface SftpCall<T> {
    T call(ChannelSftp sftp) throws Exception;
  }

  /**
   * Opens a session and an SFTP channel on it, runs {@code call} under the watchdog, and closes
   * both.
   */
  private <T> T transfer(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    return Hops.onInnerHost(target, () -> transferOn(target, login, operation, path, call));
  }

  private <T> T transferOn(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    Session session = open(target, login);
    try {
      return watchdog.call(
          timeout,
          () -> sessions.release(session),
          () -> Verdict.unfinishedTransfer("JSch", operation, path, target, timeout),
          () -> {
            ChannelSftp sftp = openSftp(session);
            try {
              connectChannel(sftp, session, "SFTP", target);
              return call.call(sftp);
            } finally {
              sftp.disconnect();
            }
          });
    } finally {
      sessions.release(session);
    }
  }

  /**
   * Opens {@code channel} without JSch's own timeout, under the watchdog of the caller: with a
   * timeout, JSch waits for the answer to each channel request in 10 ms sleeps, which made every
   * command 10 ms slower. JSch says "channel is not opened." both when the server refuses the
   * channel and when it never answers (it gives up after 20 s of its own); only a refusal sets what
   * the channel's getExitStatus() returns (the reason code). The second is a timeout, thrown as one
   * with JSch's exception as its cause.
   *
   * @param purpose what the channel is for, in the message: {@code command "uptime"}, {@code SFTP}
   */
  private void connectChannel(Channel channel, Session session, String purpose, SshTarget target)
      throws Exception {
    try {
      channel.connect();
    } catch (JSchException e) {
      if (channel.getExitStatus() == -1
          && session.isConnected()
          && "channel is not opened.".equals(e.getMessage())) {
        TimeoutException unanswered = unanswered(purpose, target);
        unanswered.initCause(e);
        throw unanswered;
      }
      throw e;
    }
  }

  private TimeoutException unanswered(String purpose, SshTarget target) {
    return new TimeoutException(
        "JSch: no answer within "
            + timeout.toMillis()
            + " ms to the request to open a channel for "
            + purpose
            + " on "
            + target.displayName());
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

  /** As {@link #openExec}, for an SFTP channel. */
  private static ChannelSftp openSftp(Session session) throws JSchException {
    if (session.isConnected() && session.openChannel("sftp") instanceof ChannelSftp channel) {
      return channel;
    }
    throw new JSchException("session is down: JSch could not open an SFTP channel");
  }

  private void disconnect(Session session) {
    session.disconnect();
    Session bastion = jumpedThrough.remove(session);
    if (bastion != null) {
      sessions.release(bastion);
    }
  }

  /** Closes every session, and stops the adapter's timer thread if a transfer started it. */
  @Override
  public void close() {
    sessions.closeAll();
    watchdog.close();
  }

  private int millis() {
    return (int) timeout.toMillis();
  }

  @Override
  public String toString() {
    return "JschClientAdapter[timeout " + timeout + (sessions.isClosed() ? ", closed]" : "]");
  }

  /**
   * JSch ends a login whose read timed out or whose connection broke with a plain "Auth fail", and
   * only logs what happened (at WARN, with the exception). This logger keeps that exception so that
   * the adapter can chain it as the cause of "Auth fail": the read timeout then classifies as
   * TIMEOUT, the end of the stream as DISCONNECTED, and the user sees what really happened.
   * Everything is passed on to JSch's logger.
   */
  private static final class AuthFailureWitness implements com.jcraft.jsch.Logger {
    private final com.jcraft.jsch.Logger delegate;
    private volatile Throwable duringAuthentication;

    AuthFailureWitness(com.jcraft.jsch.Logger delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean isEnabled(int level) {
      return level == WARN || delegate.isEnabled(level);
    }

    @Override
    public void log(int level, String message) {
      if (delegate.isEnabled(level)) {
        delegate.log(level, message);
      }
    }

    @Override
    public void log(int level, String message, Throwable cause) {
      if (level == WARN
          && cause != null
          && message != null
          && message.startsWith("an exception during authentication")) {
        duringAuthentication = cause;
      }
      if (delegate.isEnabled(level)) {
        delegate.log(level, message, cause);
      }
    }

    /** {@code failure}, with the swallowed exception as its cause when JSch dropped one. */
    JSchException explain(JSchException failure) {
      Throwable swallowed = duringAuthentication;
      if (swallowed != null && failure.getCause() == null && failure != swallowed) {
        try {
          failure.initCause(swallowed);
        } catch (IllegalStateException alreadySet) {
          failure.addSuppressed(swallowed);
        }
      }
      return failure;
    }
  }

  /** A stderr buffer that says when JSch closed it. */
  private static final class ClosedSignal extends ByteArrayOutputStream {
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void close() {
      closed.countDown();
    }
  }

  /**
   * The session of a target behind a jump host, over a {@code direct-tcpip} channel of the jump
   * host's session. Remembers why the channel did not open, which JSch only wraps in its own
   * "Session.connect" failure: a refusal (with the jump host's reason code) or no answer.
   */
  private final class TunnelProxy implements Proxy {
    private final Session bastion;
    private final SshTarget target;
    private Channel channel;
    private InputStream in;
    private OutputStream out;
    volatile Exception failure;

    TunnelProxy(Session bastion, SshTarget target) {
      this.bastion = bastion;
      this.target = target;
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int connectTimeout)
        throws Exception {
      try {
        channel = bastion.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(millis());
      } catch (JSchException e) {
        int reason = channel == null ? -1 : channel.getExitStatus();
        if (reason == -1 && bastion.isConnected()) {
          TimeoutException unanswered = unanswered("a tunnel to " + host + ":" + port, target);
          unanswered.initCause(e);
          failure = unanswered;
        } else if (reason != -1) {
          failure =
              new JSchException(
                  "the jump host refused the tunnel to "
                      + host
                      + ":"
                      + port
                      + " with reason code "
                      + reason
                      + " (SSH_MSG_CHANNEL_OPEN_FAILURE)",
                  e);
        } else {
          failure = e;
        }
        throw failure;
      }
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public Socket getSocket() {
      return null;
    }

    @Override
    public void close() {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }
}
