package io.github.sshfaults.clients.mina;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.clients.JumpHost;
import io.github.sshfaults.clients.NoExitCodeException;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.internal.AdapterTimeouts;
import io.github.sshfaults.clients.internal.DirectoryListing;
import io.github.sshfaults.clients.internal.Hops;
import io.github.sshfaults.clients.internal.OpenConnections;
import io.github.sshfaults.clients.internal.Verdict;
import io.github.sshfaults.clients.internal.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.channel.exception.SshChannelClosedException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.forward.TcpipClientChannel;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.SshFutureListener;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SshClientAdapter} for the Apache MINA SSHD client. One adapter per worker thread, each
 * with its own started {@link SshClient}; each {@link #exec}, {@link #upload}, {@link #download}
 * and {@link #list} opens its own session.
 *
 * <pre>{@code
 * runner.run(hosts, MinaClientAdapter.factory(Duration.ofSeconds(5)),
 *     (mina, host) -> mina.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>MINA reports a command whose connection was cut as a null exit code without throwing, and a
 * command still running at the timeout as just another wake-up; this adapter throws {@link
 * NoExitCodeException} and a {@link java.util.concurrent.TimeoutException} for them. MINA's SFTP
 * client waits for an unanswered request as long as the session's idle timeout (10 minutes by
 * default): one timer thread per adapter ({@code sshfaults-mina-timer-1}, started by the first
 * transfer) closes the session of a transfer still running at the adapter's timeout, reported as a
 * {@code TimeoutException}; and the SFTP client of the transfers is that of {@link #sftp}, which
 * reports a request cut by the end of the connection as a closed channel, not as MINA's "Timeout
 * expired". Everything else is MINA's own exception: an {@link
 * org.apache.sshd.sftp.common.SftpException} with the server's status for a refused SFTP request.
 * The I/O back-end is pinned to NIO2, as on the fake hosts.
 */
public final class MinaClientAdapter implements SshClientAdapter {

  /** The timeout of {@link #factory()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(MinaClientAdapter.class);

  /**
   * What the host key verifier of a session needs to know: where it connects and whom it trusts.
   */
  private static final AttributeRepository.AttributeKey<Expected> EXPECTED =
      new AttributeRepository.AttributeKey<>();

  private final Duration timeout;
  private final SshClient client;
  private final OpenConnections<ClientSession> sessions =
      new OpenConnections<>("MinaClientAdapter", session -> session.close(true));
  private final Watchdog watchdog = new Watchdog("MinaClientAdapter", "sshfaults-mina-timer");

  private MinaClientAdapter(Duration timeout) {
    this.timeout = timeout;
    this.client = SshClient.setUpDefaultClient();
    client.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    // Without it every exec pays a ~40 ms Nagle / delayed-ACK stall.
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
    client.setServerKeyVerifier(MinaClientAdapter::verifyServerKey);
    client.start();
  }

  /** Makes adapters whose every step is bounded by {@link #DEFAULT_TIMEOUT}. */
  public static ClientFactory<MinaClientAdapter> factory() {
    return factory(DEFAULT_TIMEOUT);
  }

  /**
   * Makes adapters whose every step (connect, key exchange and login, channel open, command) is
   * bounded by {@code timeout}.
   *
   * @throws IllegalArgumentException when {@code timeout} is not 1 ms to 1 day
   */
  public static ClientFactory<MinaClientAdapter> factory(Duration timeout) {
    Duration checked = AdapterTimeouts.checkTimeout(timeout);
    return () -> new MinaClientAdapter(checked);
  }

  /**
   * Opens a session to {@code target} and logs in: for tasks that need more than this adapter's
   * methods (a shell, port forwarding). The session is closed when this adapter is closed, or
   * earlier by the caller.
   *
   * <p>For a target with a {@linkplain SshTarget#jumpHost() jump host}, it does what MINA's own
   * {@code ProxyJump} does, with a login of its own for each hop: it opens a session to the jump
   * host, forwards a local loopback port through it to the target ({@code direct-tcpip}), and opens
   * the target's session through that port. Closing either session closes the other.
   *
   * @throws IOException as MINA reports connection and login failures; through a jump host, a
   *     {@link HopFailedException} naming the hop that failed, with MINA's exception as its cause
   */
  public ClientSession connect(SshTarget target, SshLogin login) throws IOException {
    notNull(target, "target");
    notNull(login, "login");
    sessions.checkOpen();
    Optional<JumpHost> jump = target.jumpHost();
    if (jump.isEmpty()) {
      return connectDirectly(target, target.host(), target.port(), login);
    }
    ClientSession bastion;
    try {
      JumpHost hop = jump.get();
      bastion =
          connectDirectly(hop.target(), hop.target().host(), hop.target().port(), hop.login());
    } catch (IOException | RuntimeException e) {
      throw new HopFailedException(Hop.JUMP_HOST, target, e);
    }
    TunnelWitness tunnel = new TunnelWitness(bastion);
    bastion.addChannelListener(tunnel);
    SshdSocketAddress bound;
    try {
      ExplicitPortForwardingTracker forwarding =
          bastion.createLocalPortForwardingTracker(
              new SshdSocketAddress("127.0.0.1", 0),
              new SshdSocketAddress(target.host(), target.port()));
      bastion.addCloseFutureListener(closed -> closeQuietly(forwarding));
      bound = forwarding.getBoundAddress();
    } catch (IOException | RuntimeException e) {
      sessions.release(bastion);
      throw new HopFailedException(Hop.TUNNEL, target, e);
    }
    try {
      ClientSession inner = connectDirectly(target, bound.getHostName(), bound.getPort(), login);
      inner.addCloseFutureListener(closed -> sessions.release(bastion));
      bastion.addCloseFutureListener(closed -> sessions.release(inner));
      return inner;
    } catch (IOException | RuntimeException e) {
      sessions.release(bastion);
      throw tunnel.failed(target, e);
    }
  }

  /**
   * Opens a session to {@code host} and {@code port} (the target's own, or a tunnel's entrance),
   * verifying the host key of {@code target}, and logs in.
   */
  private ClientSession connectDirectly(SshTarget target, String host, int port, SshLogin login)
      throws IOException {
    ConnectFuture connecting =
        client.connect(
            login.user(),
            host,
            port,
            AttributeRepository.ofKeyValuePair(EXPECTED, new Expected(target, login)));
    ClientSession session;
    try {
      session = connecting.verify(timeout).getSession();
    } catch (IOException | RuntimeException e) {
      connecting.cancel();
      throw e;
    }
    sessions.add(session);
    try {
      if (login.keyPair().isPresent()) {
        session.addPublicKeyIdentity(login.keyPair().get());
      } else {
        session.addPasswordIdentity(login.password().orElseThrow());
      }
      session.auth().verify(timeout);
      return session;
    } catch (IOException | RuntimeException e) {
      sessions.release(session);
      throw e;
    }
  }

  private static void closeQuietly(ExplicitPortForwardingTracker forwarding) {
    try {
      forwarding.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing a local port forwarding of a jump host failed", e);
    }
  }

  /**
   * Whether the jump host opened the tunnel of a session through it. MINA's port forwarding opens
   * the {@code direct-tcpip} channel when the inner session connects to the forwarded port, and
   * when the jump host refuses it, only closes that connection: the inner session then fails as if
   * the inner host had closed it. The channel's events on the jump host's session tell the two
   * apart: a refused channel closes without having opened, before the forwarded connection closes.
   */
  private static final class TunnelWitness implements ChannelListener {
    private final ClientSession bastion;

    /** Null once the tunnel opened; else why it closed unopened, as the cause to report. */
    private final CompletableFuture<IOException> verdict = new CompletableFuture<>();

    TunnelWitness(ClientSession bastion) {
      this.bastion = bastion;
    }

    @Override
    public void channelOpenSuccess(Channel channel) {
      if (channel instanceof TcpipClientChannel) {
        verdict.complete(null);
      }
    }

    @Override
    public void channelClosed(Channel channel, Throwable reason) {
      if (channel instanceof TcpipClientChannel && !verdict.isDone()) {
        verdict.complete(
            bastion.isOpen()
                ? new ConnectException(
                    "the jump host refused to open the tunnel (SSH_MSG_CHANNEL_OPEN_FAILURE; MINA"
                        + " does not report the reason code of a forwarded port's channel)")
                : new SshChannelClosedException(
                    channel.getChannelId(),
                    "the jump host's session ended before the tunnel opened"));
      }
    }

    /** The failure of the inner session {@code failure}, named after the hop that caused it. */
    HopFailedException failed(SshTarget target, Exception failure) {
      if (!verdict.isDone()) {
        // The tunnel was still opening: the inner session gave up waiting for it.
        return new HopFailedException(Hop.TUNNEL, target, failure);
      }
      IOException tunnelFailure = verdict.getNow(null);
      if (tunnelFailure == null) {
        return new HopFailedException(Hop.INNER_HOST, target, failure);
      }
      tunnelFailure.addSuppressed(failure);
      return new HopFailedException(Hop.TUNNEL, target, tunnelFailure);
    }
  }

  /**
   * Opens a session to {@code target} as {@link #connect} does, and an SFTP client on it. Closing
   * the SFTP client closes its channel; the session is closed with this adapter.
   *
   * <p>MINA SSHD's SFTP client reports a request cut short by the end of the connection (a transfer
   * cut by a FIN or RST) as {@code SshException: Timeout expired while waiting for id=N}, the text
   * of a request the server never answered. The client returned here throws a {@link
   * org.apache.sshd.common.channel.exception.SshChannelClosedException} instead (with MINA's
   * exception as its cause) when the channel or session had closed, not for its own idle timeout,
   * so that the runner classifies it as {@link
   * io.github.sshfaults.concurrent.FailureKind#DISCONNECTED}; a real timeout stays a timeout. The
   * streams of {@code read} and {@code write} do the same.
   *
   * @throws IOException as MINA reports connection, login and SFTP start-up failures
   */
  // SFTP is optional (requires static): whoever calls this has it, and reads it.
  @SuppressWarnings("exports")
  public SftpClient sftp(SshTarget target, SshLogin login) throws IOException {
    return openSftp(connect(target, login));
  }

  private static SftpClient openSftp(ClientSession session) throws IOException {
    return ClosedSftpRequests.wrap(SftpClientFactory.instance().createSftpClient(session));
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
          // Creates the file or truncates it.
          try (OutputStream out = sftp.write(path)) {
            out.write(content);
          }
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
          try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
          }
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
            DirectoryListing.of(
                StreamSupport.stream(sftp.readDir(directory).spliterator(), false)
                    .map(SftpClient.DirEntry::getFilename)));
  }

  /** An SFTP operation on an open SFTP client. */
  @FunctionalInterface
  private interface SftpCall<T> {
    T call(SftpClient sftp) throws Exception;
  }

  /**
   * Opens a session and an SFTP client on it as {@link #sftp} does, runs {@code call} under the
   * watchdog, and closes both.
   */
  private <T> T transfer(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    return Hops.onInnerHost(target, () -> transferOn(target, login, operation, path, call));
  }

  private <T> T transferOn(
      SshTarget target, SshLogin login, String operation, String path, SftpCall<T> call)
      throws Exception {
    ClientSession session = connect(target, login);
    try {
      return watchdog.call(
          timeout,
          () -> sessions.release(session),
          () -> Verdict.unfinishedTransfer("MINA", operation, path, target, timeout),
          () -> {
            try (SftpClient sftp = openSftp(session)) {
              return call.call(sftp);
            }
          });
    } finally {
      sessions.release(session);
    }
  }

  @Override
  public CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception {
    notBlank(command, "command");
    return Hops.onInnerHost(target, () -> execOn(target, login, command));
  }

  private CommandOutput execOn(SshTarget target, SshLogin login, String command) throws Exception {
    ClientSession session = connect(target, login);
    try (ChannelExec channel = session.createExecChannel(command)) {
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      channel.setOut(stdout);
      channel.setErr(stderr);
      openUnlessClosed(session, channel).verify(timeout);
      channel.getInvertedIn().close();
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      if (events.contains(ClientChannelEvent.TIMEOUT)) {
        throw Verdict.unfinished("MINA", command, target, timeout);
      }
      return Verdict.of(
          command,
          target,
          stdout.toString(StandardCharsets.UTF_8),
          stderr.toString(StandardCharsets.UTF_8),
          channel.getExitStatus());
    } finally {
      sessions.release(session);
    }
  }

  /**
   * Opens {@code channel}, failing the open as soon as the channel or the session closes. MINA
   * fails a pending open when its channel closes, except when the close races the open: then the
   * open is never answered and would wait out the timeout (seen once in a few hundred connections
   * dropped just after login), a DISCONNECTED reported as a TIMEOUT.
   */
  private static OpenFuture openUnlessClosed(ClientSession session, ChannelExec channel)
      throws IOException {
    OpenFuture opening = channel.open();
    SshFutureListener<CloseFuture> failPendingOpen =
        closed -> {
          if (!opening.isDone() && opening instanceof DefaultOpenFuture pending) {
            pending.setException(
                new SshException(
                    "Channel " + channel.getChannelId() + " has been closed before it opened"));
          }
        };
    // Listeners added to a closed channel or session run at once.
    channel.addCloseFutureListener(failPendingOpen);
    session.addCloseFutureListener(failPendingOpen);
    return opening;
  }

  /**
   * Closes every session, then stops the MINA client and its threads (bounded by MINA), and the
   * adapter's timer thread if a transfer started it.
   */
  @Override
  public void close() {
    sessions.closeAll();
    watchdog.close();
    client.stop();
  }

  /** Accepts any key when the login trusts none; else only a trusted key of a matching host. */
  private static boolean verifyServerKey(
      ClientSession session, SocketAddress remote, PublicKey serverKey) {
    Expected expected = session.getConnectionContext().getAttribute(EXPECTED);
    if (expected == null) {
      return false;
    }
    if (expected.login().knownHostsLines().isEmpty()) {
      return true;
    }
    for (String line : expected.login().knownHostsLines()) {
      try {
        KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
        if (entry != null
            && entry.isHostMatch(expected.target().host(), expected.target().port())
            && KeyUtils.compareKeys(
                entry.getKeyEntry().resolvePublicKey(session, PublicKeyEntryResolver.IGNORING),
                serverKey)) {
          return true;
        }
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        LOG.debug("Ignoring a known_hosts line that does not parse: {}", line, e);
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "MinaClientAdapter[timeout " + timeout + (sessions.isClosed() ? ", closed]" : "]");
  }

  private record Expected(SshTarget target, SshLogin login) {}
}
