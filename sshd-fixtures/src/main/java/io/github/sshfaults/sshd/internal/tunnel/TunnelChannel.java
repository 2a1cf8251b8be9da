package io.github.sshfaults.sshd.internal.tunnel;

import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.internal.faults.TunnelFaults;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.ForwardingEnded;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.channel.IoWriteFutureImpl;
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
  private final FaultEngine engine;
  private TunnelFaults faults;
  private CompletableFuture<Void> toDestinationQueue = CompletableFuture.completedFuture(null);
  private CompletableFuture<Void> toClientQueue = CompletableFuture.completedFuture(null);
  private final AtomicBoolean cutFromClient = new AtomicBoolean();
  private final AtomicBoolean cutToClient = new AtomicBoolean();
  private IoWriteFuture lastBeforeCut;
  private final AtomicLong toDestination = new AtomicLong();
  private final AtomicLong fromDestination = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicReference<String> firstToClose = new AtomicReference<>();
  private volatile boolean opened;
  private long openedNanos;
  private String user;
  private String requested;
  private String destination;

  TunnelChannel(Routes routes, RecordingJournal journal, FaultEngine engine) {
    super(TcpForwardingFilter.Type.Direct, null);
    this.routes = routes;
    this.journal = journal;
    this.engine = engine;
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
      return refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, route.refusal());
    }
    destination = route.destination();
    faults = TunnelFaults.decide(engine, getSession(), destination);
    if (faults.refusal() != null) {
      return refuse(faults.refusal(), "a fault refused the tunnel to " + destination);
    }
    if (faults.ended()) {
      // The connection is ending or hangs: the client never hears about this channel.
      return new DefaultOpenFuture(this, futureLock);
    }
    // The request as MINA reads it, naming the loopback address the route resolved: MINA never
    // resolves the client's name itself.
    Buffer resolved = new ByteArrayBuffer();
    resolved.putString(route.address().getAddress().getHostAddress());
    resolved.putUInt(route.address().getPort());
    resolved.putString(originatorAddress);
    resolved.putUInt(originatorPort);
    return super.doInit(resolved);
  }

  private OpenFuture refuse(int code, String reason) {
    recordRefusal(code, reason);
    OpenFuture refused = new DefaultOpenFuture(this, futureLock);
    refused.setException(new SshChannelOpenException(getChannelId(), code, reason));
    // Gone from the connection's channels at once; MINA sends the open failure. Not close():
    // MINA's close starts a cleanup thread for a connector that a refused channel never made,
    // and that thread outlives the test.
    service.unregisterChannel(this);
    return refused;
  }

  @Override
  protected void handleChannelOpenSuccess(OpenFuture future, IoSession portSession) {
    long late = faults == null ? 0 : faults.late().toNanos();
    if (late > 0) {
      // The destination is connected and MINA reads nothing from it yet: the client hears late.
      faults.schedule(() -> opened(future, portSession), late);
    } else {
      opened(future, portSession);
    }
  }

  private void opened(OpenFuture future, IoSession portSession) {
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
    if (faults == null
        || (!faults.paced(Direction.FROM_CLIENT) && faults.cutAt(Direction.FROM_CLIENT) < 0)) {
      toDestination.addAndGet(len);
      super.doWriteData(data, off, len);
      return;
    }
    if (cutFromClient.get()) {
      return;
    }
    long limit = faults.cutAt(Direction.FROM_CLIENT);
    long before = toDestination.get();
    long pass = len;
    boolean cutNow = false;
    if (limit >= 0 && before + len >= limit) {
      pass = limit - before;
      cutNow = true;
      cutFromClient.set(true);
    }
    toDestination.addAndGet(pass);
    if (!faults.paced(Direction.FROM_CLIENT)) {
      if (!cutNow) {
        super.doWriteData(data, off, pass);
      } else if (pass > 0) {
        // The cut waits until the destination has the bytes before it: the connection's end
        // closes the destination's socket, and would lose a write still pending.
        getPort()
            .sendToPort(ByteArrayBuffer.getCompactClone(data, off, (int) pass))
            .addListener(written -> faults.cut(Direction.FROM_CLIENT));
      } else {
        faults.cut(Direction.FROM_CLIENT);
      }
      return;
    }
    byte[] copy = Arrays.copyOfRange(data, off, off + (int) pass);
    boolean cut = cutNow;
    synchronized (this) {
      int from = 0;
      while (from < copy.length) {
        long[] piece = faults.nextPiece(Direction.FROM_CLIENT, copy.length - from);
        int start = from;
        int size = (int) piece[0];
        boolean last = cut && start + size == copy.length;
        toDestinationQueue =
            toDestinationQueue.thenCompose(v -> later(piece[1], copy, start, size, last));
        from += size;
      }
      if (cut) {
        toDestinationQueue = toDestinationQueue.thenRun(() -> faults.cut(Direction.FROM_CLIENT));
      }
    }
  }

  // Sends a piece to the destination at its time. The last piece before a cut completes once the
  // destination has it, so that the cut does not lose it.
  private CompletableFuture<Void> later(
      long atNanos, byte[] bytes, int from, int size, boolean beforeCut) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    faults.schedule(
        () -> {
          try {
            if (beforeCut) {
              getPort()
                  .sendToPort(ByteArrayBuffer.getCompactClone(bytes, from, size))
                  .addListener(written -> done.complete(null));
              return;
            }
            super.doWriteData(bytes, from, size);
          } catch (IOException | RuntimeException e) {
            getSession().exceptionCaught(e);
          }
          done.complete(null);
        },
        atNanos - System.nanoTime());
    return done;
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
      if (faults != null
          && (faults.paced(Direction.TO_CLIENT) || faults.cutAt(Direction.TO_CLIENT) >= 0)) {
        return faultyData(buffer, (int) length);
      }
      fromDestination.addAndGet(length);
    }
    return super.writePacket(buffer);
  }

  // A data packet to the client, when a fault slows or cuts what comes back from the
  // destination: pieces of it paced, and none past the cut. MINA writes the next packet once the
  // future of this one is done, so a late future slows the destination's reads too.
  private IoWriteFuture faultyData(Buffer packet, int length) throws IOException {
    if (cutToClient.get()) {
      return lastBeforeCut != null ? lastBeforeCut : written();
    }
    byte[] bytes = packet.array();
    int dataAt = packet.rpos() + 9;
    long limit = faults.cutAt(Direction.TO_CLIENT);
    long before = fromDestination.get();
    int pass = length;
    boolean cutNow = false;
    if (limit >= 0 && before + length >= limit) {
      pass = (int) (limit - before);
      cutNow = true;
      cutToClient.set(true);
    }
    fromDestination.addAndGet(pass);
    byte[] data = Arrays.copyOfRange(bytes, dataAt, dataAt + pass);
    IoWriteFutureImpl result = new IoWriteFutureImpl(this, packet);
    boolean paced = faults.paced(Direction.TO_CLIENT);
    boolean cut = cutNow;
    synchronized (this) {
      int from = 0;
      do {
        int start = from;
        int size;
        long at;
        if (paced) {
          long[] piece = faults.nextPiece(Direction.TO_CLIENT, data.length - from);
          size = (int) piece[0];
          at = piece[1];
        } else {
          size = data.length - from;
          at = System.nanoTime();
        }
        toClientQueue =
            toClientQueue.thenCompose(
                v -> {
                  CompletableFuture<Void> sent = new CompletableFuture<>();
                  Runnable send =
                      () -> {
                        try {
                          Buffer piece =
                              getSession()
                                  .createBuffer(SshConstants.SSH_MSG_CHANNEL_DATA, size + 16);
                          piece.putUInt(getRecipient());
                          piece.putBytes(data, start, size);
                          super.writePacket(piece).addListener(w -> sent.complete(null));
                        } catch (IOException | RuntimeException e) {
                          sent.complete(null);
                          getSession().exceptionCaught(e);
                        }
                      };
                  if (paced) {
                    faults.schedule(send, at - System.nanoTime());
                  } else {
                    send.run();
                  }
                  return sent;
                });
        from += size;
      } while (from < data.length);
      toClientQueue =
          toClientQueue.thenRun(
              () -> {
                result.setValue(Boolean.TRUE);
                if (cut) {
                  faults.cut(Direction.TO_CLIENT);
                }
              });
      if (cut) {
        lastBeforeCut = result;
      }
    }
    return result;
  }

  private IoWriteFuture written() {
    IoWriteFutureImpl done = new IoWriteFutureImpl(this, null);
    done.setValue(Boolean.TRUE);
    return done;
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
