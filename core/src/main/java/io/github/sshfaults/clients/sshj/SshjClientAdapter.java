package io.github.sshfaults.clients.sshj;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.internal.AdapterTimeouts;
import io.github.sshfaults.clients.internal.OpenConnections;
import io.github.sshfaults.clients.internal.Verdict;
import io.github.sshfaults.internal.NamedThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.DisconnectListener;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SshClientAdapter} for sshj ({@code com.hierynomus:sshj}, which you put on the class
 * path). One adapter per worker thread; each {@link #exec} opens its own connection.
 *
 * <pre>{@code
 * runner.run(hosts, SshjClientAdapter.factory(Duration.ofSeconds(5)),
 *     (sshj, host) -> sshj.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>Every step is bounded by the adapter's timeout: sshj without a timeout waits forever for a
 * silent server, and sshj 0.40 has no timeout at all for reading a command's output, so each
 * adapter has one timer thread ({@code sshfaults-sshj-timer-1}) that cuts the connection of a
 * command still running at the timeout, reported as a {@link
 * java.util.concurrent.TimeoutException}. A channel that closes without an exit status throws
 * {@link io.github.sshfaults.clients.NoExitStatusException}. When the connection dies during key
 * exchange or authentication (no algorithm in common, the server sends "Too many authentication
 * failures" as OpenSSH does, or just closes), sshj's reader thread knows why, but the connecting
 * thread often reports only what it met next on the dead connection ("Socket closed", or its
 * timeout: at authentication sshj goes on with its next method); this adapter then throws a {@link
 * net.schmizz.sshj.transport.TransportException} with the reason and message the connection died
 * of, sshj's exception as its cause. Everything else is sshj's own exception.
 */
public final class SshjClientAdapter implements SshClientAdapter {

  /** The timeout of {@link #factory()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(SshjClientAdapter.class);

  private final Duration timeout;
  private final Config config = new DefaultConfig();
  private final OpenConnections<SSHClient> connections =
      new OpenConnections<>("SshjClientAdapter", SshjClientAdapter::closeQuietly);
  private ScheduledExecutorService timer;

  private SshjClientAdapter(Duration timeout) {
    this.timeout = timeout;
  }

  /** Makes adapters whose every step is bounded by {@link #DEFAULT_TIMEOUT}. */
  public static ClientFactory<SshjClientAdapter> factory() {
    return factory(DEFAULT_TIMEOUT);
  }

  /**
   * Makes adapters whose every step (connect, socket reads, channel reads, the command) is bounded
   * by {@code timeout}.
   *
   * @throws IllegalArgumentException when {@code timeout} is not 1 ms to 1 day
   */
  public static ClientFactory<SshjClientAdapter> factory(Duration timeout) {
    Duration checked = AdapterTimeouts.checkTimeout(timeout);
    return () -> new SshjClientAdapter(checked);
  }

  /**
   * Connects to {@code target} and logs in: for tasks that need more than {@link #exec} (a shell,
   * SFTP, port forwarding). The client is closed when this adapter is closed, or earlier by the
   * caller.
   *
   * @throws IOException as sshj reports connection and login failures
   */
  public SSHClient connect(SshTarget target, SshLogin login) throws IOException {
    notNull(target, "target");
    notNull(login, "login");
    connections.checkOpen();
    SSHClient ssh = connections.add(new SSHClient(config));
    try {
      int millis = (int) timeout.toMillis();
      ssh.setConnectTimeout(millis);
      ssh.setTimeout(millis);
      ssh.getTransport().setTimeoutMs(millis);
      ssh.getConnection().setTimeoutMs(millis);
      if (login.knownHostsLines().isEmpty()) {
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
      } else {
        String lines = String.join("\n", login.knownHostsLines()) + "\n";
        ssh.addHostKeyVerifier(new OpenSSHKnownHosts(new StringReader(lines)));
      }
      ServerGoodbye goodbye = new ServerGoodbye(ssh.getTransport().getDisconnectListener());
      ssh.getTransport().setDisconnectListener(goodbye);
      try {
        ssh.connect(target.host(), target.port());
        if (login.keyPair().isPresent()) {
          ssh.authPublickey(login.user(), ssh.loadKeys(login.keyPair().get()));
        } else {
          ssh.authPassword(login.user(), login.password().orElseThrow());
        }
      } catch (SSHException e) {
        throw goodbye.explain(e);
      }
      return ssh;
    } catch (IOException | RuntimeException e) {
      connections.release(ssh);
      throw e;
    }
  }

  @Override
  public CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception {
    notBlank(command, "command");
    SSHClient ssh = connect(target, login);
    AtomicBoolean timedOut = new AtomicBoolean();
    // sshj 0.40 reads channel streams without any timeout: cut the connection at the deadline.
    ScheduledFuture<?> alarm =
        timer()
            .schedule(
                () -> {
                  timedOut.set(true);
                  connections.release(ssh);
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    try (Session session = ssh.startSession()) {
      Session.Command running = session.exec(command);
      running.getOutputStream().close();
      String stdout = readAll(running.getInputStream());
      String stderr = readAll(running.getErrorStream());
      running.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (timedOut.get()) {
        throw Verdict.unfinished("sshj", command, target, timeout);
      }
      return Verdict.of(command, target, stdout, stderr, running.getExitStatus());
    } catch (Exception e) {
      if (timedOut.get()) {
        TimeoutException unfinished = Verdict.unfinished("sshj", command, target, timeout);
        unfinished.initCause(e);
        throw unfinished;
      }
      throw e;
    } finally {
      alarm.cancel(false);
      connections.release(ssh);
    }
  }

  /** Closes every connection and stops the adapter's timer thread. */
  @Override
  public void close() {
    connections.closeAll();
    synchronized (this) {
      if (timer != null) {
        timer.shutdownNow();
      }
    }
  }

  private synchronized ScheduledExecutorService timer() {
    connections.checkOpen();
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              new NamedThreadFactory("sshfaults-sshj-timer"));
    }
    return timer;
  }

  /**
   * Remembers why the transport died (sshj tells its listener before it fails the pending key
   * exchange or login).
   */
  private static final class ServerGoodbye implements DisconnectListener {
    private final DisconnectListener delegate;
    private DisconnectReason reason;
    private String message;

    ServerGoodbye(DisconnectListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void notifyDisconnect(DisconnectReason reason, String message) {
      synchronized (this) {
        if (this.reason == null) {
          this.message = message;
          this.reason = reason == null ? DisconnectReason.UNKNOWN : reason;
        }
      }
      if (delegate != null) {
        delegate.notifyDisconnect(reason, message);
      }
    }

    /**
     * {@code failure}, under what the transport died of when it died while connecting or logging
     * in, unless {@code failure} already says so.
     */
    SSHException explain(SSHException failure) {
      DisconnectReason died;
      String why;
      synchronized (this) {
        died = reason;
        why = message;
      }
      if (died == null
          || (failure instanceof TransportException && failure.getDisconnectReason() == died)) {
        return failure;
      }
      return new TransportException(died, why, failure);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(SSHClient ssh) {
    try {
      ssh.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing an sshj client failed", e);
    }
  }

  @Override
  public String toString() {
    return "SshjClientAdapter[timeout " + timeout + (connections.isClosed() ? ", closed]" : "]");
  }
}
