package io.github.sshfaults.sshd.internal.tunnel;

import io.github.sshfaults.sshd.journal.ForwardedConnectionEnded;
import io.github.sshfaults.sshd.journal.RemoteForwarding;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.Factory;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.forward.DefaultForwarder;
import org.apache.sshd.common.forward.TcpipClientChannel;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.SshFutureListener;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * MINA SSHD's forwarder of one connection, which serves {@code tcpip-forward} and {@code
 * cancel-tcpip-forward} and carries each connection to a bound port to the client in a {@code
 * forwarded-tcpip} channel. Three things are ours: the per-user permission, the bind on loopback
 * whatever address the client named (as OpenSSH's sshd with its default {@code GatewayPorts no}),
 * and the journal. MINA keeps the rest, among it unbinding on cancel and when the connection closes.
 */
final class RemoteForwarder extends DefaultForwarder {

  private final RemotePermits permits;
  private final RecordingJournal journal;

  RemoteForwarder(ConnectionService service, RemotePermits permits, RecordingJournal journal) {
    super(service);
    this.permits = permits;
    this.journal = journal;
  }

  @Override
  public SshdSocketAddress localPortForwardingRequested(SshdSocketAddress local)
      throws IOException {
    String user = getSession().getUsername();
    String requested = TunnelChannel.hostAndPort(local.getHostName(), local.getPort());
    String refusal = permits.refusal(user);
    if (refusal != null) {
      recordRequest(user, requested, null, refusal);
      return null;
    }
    SshdSocketAddress bound;
    try {
      bound = super.localPortForwardingRequested(local);
    } catch (IOException e) {
      // MINA answers a failed bind as a refusal too; the journal says why.
      recordRequest(
          user, requested, null, "could not bind " + requested + " on loopback: " + e.getMessage());
      return null;
    }
    if (bound == null) {
      recordRequest(user, requested, null, "refused by the host's forwarding filter");
      return null;
    }
    recordRequest(user, requested, bound.toInetSocketAddress(), null);
    return bound;
  }

  private void recordRequest(
      String user, String requested, InetSocketAddress bound, String refusal) {
    journal.record(
        getSession(),
        (s, t, c) ->
            new RemoteForwarding(s, t, c, user, requested, bound, refusal == null, refusal));
  }

  @Override
  protected InetSocketAddress doBind(SshdSocketAddress address, IoAcceptor acceptor)
      throws IOException {
    return super.doBind(new SshdSocketAddress(loopbackFor(address)), acceptor);
  }

  // ::1 for a client that named an IPv6 address (:: included), 127.0.0.1 for anything else: a
  // name, the empty wildcard, 0.0.0.0 or another host's address. Never looked up.
  static InetSocketAddress loopbackFor(SshdSocketAddress requested) {
    // Literals: InetSocketAddress parses them without a lookup.
    String loopback = requested.getHostName().contains(":") ? "::1" : "127.0.0.1";
    return new InetSocketAddress(loopback, requested.getPort());
  }

  @Override
  protected IoAcceptor createIoAcceptor(Factory<? extends IoHandler> handlerFactory) {
    return super.createIoAcceptor(() -> new Recording(handlerFactory.create()));
  }

  /** MINA's handler of connections to a bound port, with each connection's bytes counted. */
  private final class Recording implements IoHandler {

    private final IoHandler delegate;

    Recording(IoHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void sessionCreated(IoSession session) throws Exception {
      Counted counted = new Counted(session);
      session.setAttribute(Counted.class, counted);
      delegate.sessionCreated(counted);
    }

    @Override
    public void messageReceived(IoSession session, Readable message) throws Exception {
      Counted counted = (Counted) session.getAttribute(Counted.class);
      if (counted != null) {
        counted.toClient.addAndGet(message.available());
      }
      delegate.messageReceived(session, message);
    }

    @Override
    public void sessionClosed(IoSession session) throws Exception {
      try {
        delegate.sessionClosed(session);
      } finally {
        Counted counted = (Counted) session.removeAttribute(Counted.class);
        if (counted != null) {
          counted.recordEnd();
        }
      }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) throws Exception {
      delegate.exceptionCaught(session, cause);
    }
  }

  /**
   * A connection to a bound port as MINA's channel sees it: every write to it is a byte from the
   * client, and the channel it is given tells whether the client accepted it.
   */
  private final class Counted implements IoSession {

    private final IoSession session;
    private final long startNanos = System.nanoTime();
    private final AtomicLong toClient = new AtomicLong();
    private final AtomicLong fromClient = new AtomicLong();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    Counted(IoSession session) {
      this.session = session;
    }

    void recordEnd() {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      String user = getSession().getUsername();
      InetSocketAddress bound = inet(session.getLocalAddress());
      InetSocketAddress peer = inet(session.getRemoteAddress());
      boolean wasOpened = opened.get();
      long to = toClient.get();
      long from = fromClient.get();
      Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
      journal.record(
          getSession(),
          (s, t, c) ->
              new ForwardedConnectionEnded(
                  s, t, c, user, bound, peer, wasOpened, to, from, duration));
    }

    private static InetSocketAddress inet(SocketAddress address) {
      return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public Object setAttribute(Object key, Object value) {
      // MINA hands the session its channel before opening it: the listener sees the answer.
      if (key == TcpipClientChannel.class && value instanceof Channel channel) {
        channel.addChannelListener(
            new ChannelListener() {
              @Override
              public void channelOpenSuccess(Channel opened) {
                Counted.this.opened.set(true);
              }
            });
      }
      return session.setAttribute(key, value);
    }

    @Override
    public IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
      fromClient.addAndGet(buffer.available());
      return session.writeBuffer(buffer);
    }

    @Override
    public long getId() {
      return session.getId();
    }

    @Override
    public SocketAddress getAcceptanceAddress() {
      return session.getAcceptanceAddress();
    }

    @Override
    public Object getAttribute(Object key) {
      return session.getAttribute(key);
    }

    @Override
    public Object setAttributeIfAbsent(Object key, Object value) {
      return session.setAttributeIfAbsent(key, value);
    }

    @Override
    public Object removeAttribute(Object key) {
      return session.removeAttribute(key);
    }

    @Override
    public CloseFuture close(boolean immediately) {
      return session.close(immediately);
    }

    @Override
    public void addCloseFutureListener(SshFutureListener<CloseFuture> listener) {
      session.addCloseFutureListener(listener);
    }

    @Override
    public void removeCloseFutureListener(SshFutureListener<CloseFuture> listener) {
      session.removeCloseFutureListener(listener);
    }

    @Override
    public boolean isClosed() {
      return session.isClosed();
    }

    @Override
    public boolean isClosing() {
      return session.isClosing();
    }

    @Override
    public IoService getService() {
      return session.getService();
    }

    @Override
    public void shutdownOutputStream() throws IOException {
      session.shutdownOutputStream();
    }

    @Override
    public void suspendRead() {
      session.suspendRead();
    }

    @Override
    public void resumeRead() {
      session.resumeRead();
    }

    @Override
    public SocketAddress getRemoteAddress() {
      return session.getRemoteAddress();
    }

    @Override
    public SocketAddress getLocalAddress() {
      return session.getLocalAddress();
    }

    @Override
    public String toString() {
      return session.toString();
    }
  }
}
