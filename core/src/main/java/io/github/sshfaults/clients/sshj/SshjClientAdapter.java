package io.github.sshfaults.clients.sshj;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

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
import io.github.sshfaults.clients.internal.NoDelaySockets;
import io.github.sshfaults.clients.internal.OpenConnections;
import io.github.sshfaults.clients.internal.Verdict;
import io.github.sshfaults.clients.internal.Watchdog;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.DisconnectListener;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SshClientAdapter} for sshj ({@code com.hierynomus:sshj}, which you put on the class
 * path). One adapter per worker thread; each {@link #exec}, {@link #upload}, {@link #download} and
 * {@link #list} opens its own connection.
 *
 * <pre>{@code
 * runner.run(hosts, SshjClientAdapter.factory(Duration.ofSeconds(5)),
 *     (sshj, host) -> sshj.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>Every step is bounded by the adapter's timeout: sshj without a timeout waits forever for a
 * silent server, and sshj 0.40 has no timeout at all for reading a command's output, so each
 * adapter has one timer thread ({@code sshfaults-sshj-timer-1}) that cuts the connection of a
 * command or transfer still running at the timeout, reported as a {@link
 * java.util.concurrent.TimeoutException}; each SFTP request is also bounded by the timeout, as
 * sshj's {@link SFTPClient} bounds it. A channel that closes without an exit code throws {@link
 * io.github.sshfaults.clients.NoExitCodeException}. When the connection dies during key exchange or
 * authentication (no algorithm in common, the server sends "Too many authentication failures" as
 * OpenSSH does, or just closes), sshj's reader thread knows why, but the connecting thread often
 * reports only what it met next on the dead connection ("Socket closed", or its timeout: at
 * authentication sshj goes on with its next method); this adapter then throws a {@link
 * net.schmizz.sshj.transport.TransportException} with the reason and message the connection died
 * of, sshj's exception as its cause. Everything else is sshj's own exception: an {@link
 * net.schmizz.sshj.sftp.SFTPException} with the server's status for a refused SFTP request, and
 * with the end of the connection as its cause for a cut transfer.
 */
public final class SshjClientAdapter implements SshClientAdapter {

  /** The largest write request the upload sends: far below any server's limit (MINA: 256 KiB). */
  private static final int WRITE_CHUNK = 32 * 1024;

  /** How many read-ahead or unconfirmed write requests a transfer keeps in flight. */
  private static final int UNCONFIRMED_REQUESTS = 16;

  /** The timeout of {@link #factory()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(SshjClientAdapter.class);

  private final Duration timeout;
  private final Config config = new DefaultConfig();

  /** The jump host's client of each client connected through one, closed with it. */
  private final Map<SSHClient, SSHClient> jumpedThrough = new ConcurrentHashMap<>();

  private final OpenConnections<SSHClient> connections =
      new OpenConnections<>("SshjClientAdapter", this::closeWithJumpHost);
  private final Watchdog watchdog = new Watchdog("SshjClientAdapter", "sshfaults-sshj-timer");

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
   * Connects to {@code target} and logs in: for tasks that need more than this adapter's methods (a
   * shell, other SFTP requests, port forwarding). The client is closed when this adapter is closed,
   * or earlier by the caller.
   *
   * <p>For a target with a {@linkplain SshTarget#jumpHost() jump host}, it first connects to the
   * jump host and logs in, opens a {@code DirectConnection} from it to the target, and connects
   * over that with {@code connectVia}; closing the target's client closes the jump host's too.
   *
   * @throws IOException as sshj reports connection and login failures; through a jump host, a
   *     {@link HopFailedException} naming the hop that failed, with sshj's exception as its cause
   */
  // sshj is optional (requires static): whoever calls this has it, and reads it.
  @SuppressWarnings("exports")
  public SSHClient connect(SshTarget target, SshLogin login) throws IOException {
    notNull(target, "target");
    notNull(login, "login");
    connections.checkOpen();
    Optional<JumpHost> jump = target.jumpHost();
    if (jump.isEmpty()) {
      return connectDirectly(target, login, null);
    }
    SSHClient bastion;
    try {
      bastion = connectDirectly(jump.get().target(), jump.get().login(), null);
    } catch (IOException | RuntimeException e) {
      throw new HopFailedException(Hop.JUMP_HOST, target, e);
    }
    DirectConnection tunnel;
    try {
      tunnel = bastion.newDirectConnection(target.host(), target.port());
    } catch (IOException | RuntimeException e) {
      connections.release(bastion);
      throw new HopFailedException(Hop.TUNNEL, target, e);
    }
    try {
      SSHClient inner = connectDirectly(target, login, tunnel);
      jumpedThrough.put(inner, bastion);
      return inner;
    } catch (IOException | RuntimeException e) {
      connections.release(bastion);
      throw new HopFailedException(Hop.INNER_HOST, target, e);
    }
  }

  /** Connects to {@code target} and logs in, over {@code tunnel} unless it is null. */
  private SSHClient connectDirectly(SshTarget target, SshLogin login, DirectConnection tunnel)
      throws IOException {
    SSHClient ssh = connections.add(new SSHClient(config));
    try {
      int millis = (int) timeout.toMillis();
      ssh.setSocketFactory(NoDelaySockets.FACTORY);
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
        if (tunnel != null) {
          ssh.connectVia(tunnel);
        } else {
          ssh.connect(target.host(), target.port());
        }
        if (login.keyPair().isPresent()) {
          ssh.authPublickey(login.user(), ssh.loadKeys(login.keyPair().get()));
        } else {
          ssh.authPassword(login.user(), login.password().orElseThrow());
        }
      } catch (SSHException e) {
        throw goodbye.explain(e);
      } catch (IllegalStateException notConnected) {
        // sshj's reader thread may end the transport (no common algorithm, say) before the
        // connecting thread checks the connection, which then knows only "Not connected".
        TransportException died = goodbye.diedOf(notConnected);
        if (died == null) {
          throw notConnected;
        }
        throw died;
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
    return Hops.onInnerHost(target, () -> execOn(target, login, command));
  }

  private CommandOutput execOn(SshTarget target, SshLogin login, String command) throws Exception {
    SSHClient ssh = connect(target, login);
    try {
      // sshj 0.40 reads channel streams without any timeout: cut the connection at the deadline.
      return watchdog.call(
          timeout,
          () -> connections.release(ssh),
          () -> Verdict.unfinished("sshj", command, target, timeout),
          () -> {
            try (Session session = ssh.startSession()) {
              Session.Command running = session.exec(command);
              running.getOutputStream().close();
              String stdout = readAll(running.getInputStream());
              String stderr = readAll(running.getErrorStream());
              running.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
              return Verdict.of(command, target, stdout, stderr, running.getExitStatus());
            }
          });
    } finally {
      connections.release(ssh);
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
          RemoteFile file =
              sftp.open(path, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
          return thenClose(
              file,
              () -> {
                OutputStream out = file.new RemoteFileOutputStream(0, UNCONFIRMED_REQUESTS);
                return thenClose(
                    out,
                    () -> {
                      // One write request per chunk: a request must stay below the server's limit.
                      for (int offset = 0; offset < content.length; offset += WRITE_CHUNK) {
                        out.write(content, offset, Math.min(WRITE_CHUNK, content.length - offset));
                      }
                      return null;
                    });
              });
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
          RemoteFile file = sftp.open(path);
          return thenClose(
              file,
              () -> {
                InputStream in = file.new ReadAheadRemoteFileInputStream(UNCONFIRMED_REQUESTS);
                return thenClose(in, in::readAllBytes);
              });
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
        sftp -> DirectoryListing.of(sftp.ls(directory).stream().map(RemoteResourceInfo::getName)));
  }

  /** An SFTP operation on an open SFTP client. */
  @FunctionalInterface
  private interface SftpCall<T> {
    T call(SFTPClient sftp) throws Exception;
  }

  /**
   * Connects, starts an SFTP client whose requests are bounded by the timeout, runs {@code call}
   * under the watchdog, and closes both.
   */
  private <T> T transfer(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    return Hops.onInnerHost(target, () -> transferOn(target, login, operation, path, call));
  }

  private <T> T transferOn(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    SSHClient ssh = connect(target, login);
    try {
      return watchdog.call(
          timeout,
          () -> connections.release(ssh),
          () -> Verdict.unfinishedTransfer("sshj", operation, path, target, timeout),
          () -> {
            SFTPClient sftp = ssh.newSFTPClient();
            return thenClose(
                sftp,
                () -> {
                  sftp.getSFTPEngine().setTimeoutMs((int) timeout.toMillis());
                  return call.call(sftp);
                });
          });
    } finally {
      connections.release(ssh);
    }
  }

  /** Closes every connection and stops the adapter's timer thread. */
  @Override
  public void close() {
    connections.closeAll();
    watchdog.close();
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
      if (failure instanceof TransportException transport
          && transport.getDisconnectReason() == reason()) {
        return failure;
      }
      TransportException died = diedOf(failure);
      return died == null ? failure : died;
    }

    /** What the transport died of, with {@code failure} as its cause; null while it lives. */
    TransportException diedOf(Exception failure) {
      DisconnectReason died;
      String why;
      synchronized (this) {
        died = reason;
        why = message;
      }
      return died == null ? null : new TransportException(died, why, failure);
    }

    private synchronized DisconnectReason reason() {
      return reason;
    }
  }

  /** Work on an sshj resource. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws Exception;
  }

  /**
   * The result of {@code work}, then closes {@code resource}; as try-with-resources, except when
   * closing throws the very exception {@code work} threw, as sshj's {@code RemoteFile} and its
   * streams now and then do after a cut: try-with-resources would then throw an {@code
   * IllegalArgumentException} ("Self-suppression not permitted") instead of sshj's exception.
   */
  private static <T> T thenClose(Closeable resource, Work<T> work) throws Exception {
    T result;
    try {
      result = work.run();
    } catch (Exception | Error e) {
      try {
        resource.close();
      } catch (IOException | RuntimeException closing) {
        if (closing != e) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
    resource.close();
    return result;
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private void closeWithJumpHost(SSHClient ssh) {
    closeQuietly(ssh);
    SSHClient bastion = jumpedThrough.remove(ssh);
    if (bastion != null) {
      connections.release(bastion);
    }
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
