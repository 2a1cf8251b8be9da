package io.github.sshfaults.sshd.internal.tunnel;

import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.ForwardingEnded;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.TcpipServerChannel;

/**
 * MINA SSHD's {@code direct-tcpip} channel, with the destination resolved by the host's {@link
 * Routes} before MINA sees it, and what the tunnel does recorded in the journal. MINA keeps doing
 * the rest: the connection to the destination, flow control both ways, EOF and close.
 */
final class TunnelChannel extends TcpipServerChannel {

  private final Routes routes;
  private final RecordingJournal journal;
  private final AtomicLong toDestination = new AtomicLong();
  private final AtomicLong fromDestination = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicReference<String> firstToClose = new AtomicReference<>();
  private volatile boolean opened;
  private long openedNanos;
  private String user;
  private String requested;
  private String destination;

  TunnelChannel(Routes routes, RecordingJournal journal) {
    super(TcpForwardingFilter.Type.Direct, null);
    this.routes = routes;
    this.journal = journal;
  }

  @Override
  protected OpenFuture doInit(Buffer buffer) {
    String host = buffer.getString();
    int port = buffer.getInt();
    String originatorAddress = buffer.getString();
    int originatorPort = buffer.getInt();
    user = getSession().getUsername();
    requested = hostAndPort(host, port);
    Routes.Route route = routes.route(user, host, port);
    if (!route.allowed()) {
      recordRefusal(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, route.refusal());
      OpenFuture refused = new DefaultOpenFuture(this, futureLock);
      refused.setException(
          new SshChannelOpenException(
              getChannelId(), SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, route.refusal()));
      // Gone from the connection's channels at once; MINA sends the open failure. Not close():
      // MINA's close starts a cleanup thread for a connector that a refused channel never made,
      // and that thread outlives the test.
      service.unregisterChannel(this);
      return refused;
    }
    destination = route.destination();
    // The request as MINA reads it, naming the loopback address the route resolved: MINA never
    // resolves the client's name itself.
    Buffer resolved = new ByteArrayBuffer();
    resolved.putString(route.address().getAddress().getHostAddress());
    resolved.putUInt(route.address().getPort());
    resolved.putString(originatorAddress);
    resolved.putUInt(originatorPort);
    return super.doInit(resolved);
  }

  @Override
  protected void handleChannelOpenSuccess(OpenFuture future, IoSession portSession) {
    SocketAddress source = portSession.getLocalAddress();
    openedNanos = System.nanoTime();
    opened = true;
    portSession.addCloseFutureListener(
        closed -> firstToClose.compareAndSet(null, "destination closed"));
    long channel = getChannelId();
    journal.record(
        getSession(),
        (s, t, c) ->
            new Forwarding(
                s,
                t,
                c,
                channel,
                user,
                requested,
                destination,
                true,
                OptionalInt.empty(),
                null,
                source instanceof InetSocketAddress inet ? inet : null));
    super.handleChannelOpenSuccess(future, portSession);
  }

  @Override
  protected void handleChannelOpenFailure(OpenFuture future, Throwable problem) {
    int code =
        problem instanceof ConnectException
            ? SshConstants.SSH_OPEN_CONNECT_FAILED
            : problem instanceof SshChannelOpenException open
                ? open.getReasonCode()
                : SshConstants.SSH_OPEN_CONNECT_FAILED;
    recordRefusal(
        code, destination + " refused the connection: " + String.valueOf(problem.getMessage()));
    super.handleChannelOpenFailure(future, problem);
  }

  private void recordRefusal(int code, String reason) {
    long channel = getChannelId();
    String resolved = destination;
    journal.record(
        getSession(),
        (s, t, c) ->
            new Forwarding(
                s,
                t,
                c,
                channel,
                user,
                requested,
                resolved,
                false,
                OptionalInt.of(code),
                reason,
                null));
  }

  @Override
  protected void doWriteData(byte[] data, int off, long len) throws IOException {
    toDestination.addAndGet(len);
    super.doWriteData(data, off, len);
  }

  // Every byte for the client passes here, as SSH_MSG_CHANNEL_DATA packets: cmd, recipient,
  // length, data.
  @Override
  public IoWriteFuture writePacket(Buffer buffer) throws IOException {
    int at = buffer.rpos();
    if (buffer.available() >= 9 && buffer.array()[at] == SshConstants.SSH_MSG_CHANNEL_DATA) {
      byte[] bytes = buffer.array();
      long length =
          ((bytes[at + 5] & 0xFFL) << 24)
              | ((bytes[at + 6] & 0xFFL) << 16)
              | ((bytes[at + 7] & 0xFFL) << 8)
              | (bytes[at + 8] & 0xFFL);
      fromDestination.addAndGet(length);
    }
    return super.writePacket(buffer);
  }

  @Override
  public void handleEof() throws IOException {
    firstToClose.compareAndSet(null, "client closed");
    super.handleEof();
  }

  @Override
  public void handleClose() throws IOException {
    firstToClose.compareAndSet(null, "client closed");
    super.handleClose();
  }

  @Override
  protected void preClose() {
    recordEnd();
    super.preClose();
  }

  private void recordEnd() {
    if (!opened || !ended.compareAndSet(false, true)) {
      return;
    }
    long channel = getChannelId();
    Duration duration = Duration.ofNanos(System.nanoTime() - openedNanos);
    String reason =
        firstToClose.compareAndSet(null, "connection closed")
            ? "connection closed"
            : firstToClose.get();
    long to = toDestination.get();
    long from = fromDestination.get();
    journal.record(
        getSession(),
        (s, t, c) ->
            new ForwardingEnded(s, t, c, channel, user, destination, to, from, reason, duration));
  }

  static String hostAndPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
