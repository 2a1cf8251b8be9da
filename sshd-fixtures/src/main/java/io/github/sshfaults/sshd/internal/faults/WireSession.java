package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import java.io.WriteAbortedException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.io.AbstractIoWriteFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of one connection: MINA SSHD's NIO2 session, with a {@link Wire} between SSH and the
 * socket once a fault needs one. Without faults the wire is null and every call goes straight to
 * {@link Nio2Session}: one volatile read per write and per read.
 *
 * <p>What the wire can do, and how it looks to the client:
 *
 * <ul>
 *   <li>delay, throttle and cut writes: an ordered queue drained one chunk at a time on the host's
 *       scheduler, so a delayed write is never overtaken by a later one, nor by the end of file;
 *   <li>hold both directions (a network partition) and release them;
 *   <li>drop: the pending writes go out, then a FIN; nothing more is sent and what the client says
 *       is read and ignored until it closes;
 *   <li>hang: nothing more is sent, what the client says is ignored;
 *   <li>reset: the host reads one byte of what the client sends next and closes with the rest
 *       unread, which makes the kernel answer with an RST (NIO2 offers no {@code SO_LINGER}). Once
 *       authenticated, a global request with want-reply makes every client say something.
 * </ul>
 *
 * <p>After a session is closed, its writes fail and its reads end, as with MINA SSHD's own
 * sessions. The wire's monitor is never held while calling into SSH (which takes the session's
 * encode lock), so the two cannot deadlock.
 */
final class WireSession extends Nio2Session {

  private static final Logger LOG = LoggerFactory.getLogger(WireSession.class);

  private final Connection connection;
  private final Object wireLock = new Object();
  private volatile Wire wire;

  WireSession(
      Nio2Service service,
      PropertyResolver properties,
      IoHandler handler,
      AsynchronousSocketChannel socket,
      SocketAddress acceptanceAddress,
      Connection connection)
      throws IOException {
    super(service, properties, handler, socket, acceptanceAddress);
    this.connection = connection;
    connection.attach(this);
  }

  Connection connection() {
    return connection;
  }

  /** The wire, created on first need; from then on every write and read goes through it. */
  Wire wire() {
    Wire current = wire;
    if (current != null) {
      return current;
    }
    synchronized (wireLock) {
      if (wire == null) {
        wire = new Wire();
      }
      return wire;
    }
  }

  @Override
  public IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
    Wire current = wire;
    return current == null ? super.writeBuffer(buffer) : current.write(buffer);
  }

  @Override
  protected void doReadCycle(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    Wire current = wire;
    if (current == null) {
      super.doReadCycle(buffer, completion);
    } else {
      current.read(buffer, completion);
    }
  }

  @Override
  protected void handleReadCycleCompletion(
      ByteBuffer buffer,
      Readable reader,
      Nio2CompletionHandler<Integer, Object> completion,
      Integer result,
      Object attachment) {
    Wire current = wire;
    if (current == null || !current.divert(buffer, result)) {
      super.handleReadCycleCompletion(buffer, reader, completion, result, attachment);
    }
  }

  @Override
  protected CloseFuture doCloseGracefully() {
    Wire current = wire;
    if (current == null) {
      return super.doCloseGracefully();
    }
    // Writes still queued on the wire must go out before the FIN of a graceful close.
    DefaultCloseFuture closed = new DefaultCloseFuture(toString(), futureLock);
    current.whenDrained(() -> super.doCloseGracefully().addListener(f -> closed.setClosed()));
    return closed;
  }

  @Override
  protected void doCloseImmediately() {
    Wire current = wire;
    if (current != null) {
      current.abort();
    }
    connection.engine().forget(this);
    super.doCloseImmediately();
  }

  private void shutdownOutputQuietly() {
    try {
      super.shutdownOutputStream();
    } catch (IOException e) {
      LOG.debug("Cannot shut down the output of {}", this, e);
    }
  }

  private IoWriteFuture writeThrough(Buffer buffer) throws IOException {
    return super.writeBuffer(buffer);
  }

  private void readThrough(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    super.doReadCycle(buffer, completion);
  }

  /** What the reads of a wire do with the client's bytes. */
  private enum ReadMode {
    /** Hand them to SSH, possibly throttled or counted. */
    PASS,
    /** Read and ignore them until the client closes. */
    DISCARD,
    /** Read one byte of the next ones and close with the rest unread: an RST. */
    RESET
  }

  /** A write waiting on the wire: the bytes still to send, or an action to run in order. */
  private static final class Outgoing {
    final byte[] data;
    int offset;
    final long dueNanos;
    final PendingWrite future;
    final Runnable action;

    Outgoing(byte[] data, long dueNanos, PendingWrite future) {
      this.data = data;
      this.dueNanos = dueNanos;
      this.future = future;
      this.action = null;
    }

    Outgoing(Runnable action) {
      this.data = null;
      this.dueNanos = 0;
      this.future = null;
      this.action = action;
    }

    int remaining() {
      return data.length - offset;
    }
  }

  /** The future MINA SSHD gets for a write the wire holds. */
  private static final class PendingWrite extends AbstractIoWriteFuture {
    PendingWrite(Object id) {
      super(id, null);
    }

    void written() {
      setValue(Boolean.TRUE);
    }

    void failed(Throwable cause) {
      setValue(cause);
    }
  }

  /** The fault machinery between SSH and the socket. Guarded by its own monitor. */
  final class Wire {

    // Write side.
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final List<Runnable> drainWaiters = new ArrayList<>();
    private boolean pumping;
    private boolean writesHeld;
    private boolean writesClosed;
    private boolean finQueued;
    private boolean aborted;
    private long notBeforeNanos;
    private LongSupplier latency;
    private long outRate;
    private int outChunk = Integer.MAX_VALUE;
    private long outNextSlot;
    private long outCutAt = -1;
    private BooleanSupplier onOutCut;
    private long sent;
    private Runnable afterNextWrite;

    // Read side.
    private volatile ReadMode readMode = ReadMode.PASS;
    private boolean readsHeld;
    private Runnable parkedRead;
    private boolean probing;
    private boolean secondProbeSent;
    private long inRate;
    private int inChunk = Integer.MAX_VALUE;
    private long inNextSlot;
    private long inCutAt = -1;
    private BooleanSupplier onInCut;
    private boolean inCutDue;
    private long received;

    // ------------------------------------------------------------ configuration

    /** Holds every write until {@code delay} after now. */
    synchronized void delayFirstWrites(long delayNanos) {
      notBeforeNanos = System.nanoTime() + delayNanos;
    }

    /** Delays each later write by a new sample of {@code latencyNanos}, in order. */
    synchronized void delayEachWrite(LongSupplier latencyNanos) {
      latency = latencyNanos;
    }

    /** Sends at most {@code bytesPerSecond} to the client, in chunks of at most {@code chunk}. */
    synchronized void throttleWrites(long bytesPerSecond, int chunk) {
      outRate = bytesPerSecond;
      outChunk = chunk;
    }

    /** Reads at most {@code bytesPerSecond} from the client, in reads of at most {@code chunk}. */
    synchronized void throttleReads(long bytesPerSecond, int chunk) {
      inRate = bytesPerSecond;
      inChunk = chunk;
    }

    /**
     * Asks {@code action} once {@code bytes} bytes have gone to the client, before anything more
     * goes: when it answers true (it applied its ending), nothing more goes; else the bytes flow
     * on.
     */
    synchronized void cutWritesAfter(long bytes, BooleanSupplier action) {
      outCutAt = bytes;
      onOutCut = action;
    }

    /**
     * Asks {@code action} once {@code bytes} bytes have come from the client, at SSH's next read:
     * when it answers true (it applied its ending), no more reach SSH; else they flow on.
     */
    synchronized void cutReadsAfter(long bytes, BooleanSupplier action) {
      inCutAt = bytes;
      onInCut = action;
    }

    /** Runs {@code action} right after the next write has been handed to the socket. */
    synchronized void afterNextWrite(Runnable action) {
      afterNextWrite = action;
    }

    // ------------------------------------------------------------ the faults

    /** Holds both directions: writes queue up, the next read waits. */
    void hold() {
      synchronized (this) {
        writesHeld = true;
        readsHeld = true;
      }
    }

    /** Releases what {@link #hold()} held, in order. */
    void release() {
      Runnable read;
      synchronized (this) {
        writesHeld = false;
        readsHeld = false;
        read = parkedRead;
        parkedRead = null;
      }
      pump();
      if (read != null) {
        read.run();
      }
    }

    /** Sends {@code bytes} after the pending writes, then drops the connection. */
    void sendThenDrop(byte[] bytes) {
      synchronized (this) {
        queue.add(new Outgoing(bytes, 0, new PendingWrite("garbage")));
      }
      drop();
    }

    /** The pending writes go out, then a FIN; later writes vanish; the client is not heard. */
    void drop() {
      synchronized (this) {
        writesClosed = true;
        if (!finQueued) {
          finQueued = true;
          queue.add(new Outgoing(WireSession.this::shutdownOutputQuietly));
        }
      }
      readMode = ReadMode.DISCARD;
      pump();
    }

    /** Nothing more goes out, the client is not heard; the connection stays open. */
    void hang() {
      synchronized (this) {
        writesClosed = true;
      }
      readMode = ReadMode.DISCARD;
    }

    /**
     * Resets the connection as soon as the client sends something. With {@code probe}, after key
     * exchange only, global requests make sure it does; with {@code silent} nothing more goes out.
     */
    void reset(boolean probe, boolean silent) {
      synchronized (this) {
        probing = probe;
        writesClosed |= silent;
      }
      readMode = ReadMode.RESET;
      if (probe) {
        sendProbe();
      }
    }

    /** From now on, what the client sends is read and ignored. */
    void discardReads() {
      readMode = ReadMode.DISCARD;
    }

    /**
     * From now on, what the client sends is not heard; once the next write is out, a probe makes
     * the client answer, and its answer is left unread for the reset.
     */
    void resetAfterNextWrite() {
      synchronized (this) {
        probing = true;
        afterNextWrite = this::sendProbe;
      }
      readMode = ReadMode.RESET;
    }

    // Something the client must answer: a global request with want-reply once authenticated;
    // before that, MINA SSHD's client closes on one, so a new key exchange (which sshj 0.40 does
    // not answer while it authenticates: resets are not offered at Stage.AUTH for that reason).
    private void sendProbe() {
      ServerSession session = connection.session();
      if (session == null) {
        return;
      }
      try {
        if (connection.authenticated) {
          Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 32);
          request.putString("keepalive@openssh.com");
          request.putBoolean(true);
          session.writePacket(request);
        } else {
          session.reExchangeKeys();
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("Cannot send the probe that resets {}", WireSession.this, e);
        closeNow();
      }
    }

    // ------------------------------------------------------------ writes

    IoWriteFuture write(Buffer buffer) throws IOException {
      PendingWrite future;
      synchronized (this) {
        if (writesClosed) {
          return AbstractIoWriteFuture.fulfilled(WireSession.this, Boolean.TRUE);
        }
        long now = System.nanoTime();
        boolean direct =
            queue.isEmpty()
                && !pumping
                && !writesHeld
                && afterNextWrite == null
                && latency == null
                && outRate == 0
                && outCutAt < 0
                && now - notBeforeNanos >= 0;
        if (direct || aborted) {
          // Under the wire's monitor, so that a write queued after this one cannot overtake it.
          return writeThrough(buffer);
        }
        byte[] bytes = buffer.getCompactData();
        long due = latency == null ? now : now + latency.getAsLong();
        future = new PendingWrite(WireSession.this);
        queue.add(new Outgoing(bytes, due, future));
        if (afterNextWrite != null) {
          queue.add(new Outgoing(afterNextWrite));
          afterNextWrite = null;
        }
      }
      pump();
      return future;
    }

    private void pump() {
      Outgoing head;
      long waitNanos = 0;
      synchronized (this) {
        if (pumping || writesHeld || aborted || queue.isEmpty()) {
          notifyIfDrained();
          return;
        }
        pumping = true;
        head = queue.peek();
        if (head.action != null) {
          queue.poll();
        } else {
          long due = Math.max(head.dueNanos, Math.max(notBeforeNanos, outNextSlot));
          waitNanos = due - System.nanoTime();
        }
      }
      if (head.action != null) {
        runQuietly(head.action);
        stepDone();
      } else if (waitNanos > 0) {
        connection.engine().schedule(this::sendHead, waitNanos);
      } else {
        sendHead();
      }
    }

    private void stepDone() {
      synchronized (this) {
        pumping = false;
      }
      pump();
    }

    private void sendHead() {
      Outgoing head;
      int length;
      synchronized (this) {
        head = queue.peek();
        if (head == null || head.action != null || writesHeld || aborted) {
          pumping = false;
          if (head != null && head.action != null) {
            pump();
          }
          return;
        }
        length = Math.min(head.remaining(), outChunk);
        if (outCutAt >= 0) {
          length = (int) Math.min(length, outCutAt - sent);
        }
      }
      long start = System.nanoTime();
      IoWriteFuture written;
      try {
        written = writeThrough(new ByteArrayBuffer(head.data, head.offset, length));
      } catch (IOException | RuntimeException e) {
        failAll(e);
        return;
      }
      int chunk = length;
      written.addListener(f -> chunkWritten(head, chunk, f, start));
    }

    private void chunkWritten(Outgoing head, int length, IoWriteFuture result, long start) {
      if (!result.isWritten()) {
        Throwable cause = result.getException();
        failAll(cause == null ? new IOException("write failed") : cause);
        return;
      }
      List<PendingWrite> done = new ArrayList<>(1);
      BooleanSupplier cut = null;
      synchronized (this) {
        head.offset += length;
        sent += length;
        if (outRate > 0) {
          outNextSlot = Math.max(outNextSlot, start) + length * 1_000_000_000L / outRate;
        }
        if (head.remaining() == 0 && queue.peek() == head) {
          queue.poll();
          done.add(head.future);
        }
        if (outCutAt >= 0 && sent >= outCutAt) {
          // Still pumping while the cut is decided, so that nothing more goes out meanwhile.
          cut = onOutCut;
          outCutAt = -1;
          onOutCut = null;
        } else {
          pumping = false;
        }
      }
      done.forEach(PendingWrite::written);
      if (cut != null) {
        cutWrites(cut);
      }
      pump();
    }

    /** Cuts the writes if {@code cut} applies its ending; else lets them flow on. */
    private void cutWrites(BooleanSupplier cut) {
      boolean applied = false;
      try {
        applied = cut.getAsBoolean();
      } catch (RuntimeException e) {
        LOG.debug("A fault action failed on {}", WireSession.this, e);
      }
      List<PendingWrite> lost = new ArrayList<>();
      synchronized (this) {
        if (applied) {
          writesClosed = true;
          // Nothing after the cut reaches the wire; SSH believes it did, as with a lost link.
          for (Outgoing rest : queue) {
            if (rest.future != null) {
              lost.add(rest.future);
            }
          }
          queue.removeIf(rest -> rest.future != null);
        }
        pumping = false;
      }
      lost.forEach(PendingWrite::written);
    }

    private void failAll(Throwable cause) {
      List<PendingWrite> failed = new ArrayList<>();
      synchronized (this) {
        for (Outgoing item : queue) {
          if (item.future != null) {
            failed.add(item.future);
          }
        }
        queue.clear();
        pumping = false;
        aborted = true;
      }
      failed.forEach(f -> f.failed(cause));
      closeNow();
    }

    /** Runs {@code action} once every queued write has been handed to the socket. */
    void whenDrained(Runnable action) {
      synchronized (this) {
        if (!queue.isEmpty() || pumping) {
          drainWaiters.add(action);
          return;
        }
      }
      action.run();
    }

    private void notifyIfDrained() {
      // Called with the monitor held; the waiters run after it is released.
      if (queue.isEmpty() && !pumping && !drainWaiters.isEmpty()) {
        List<Runnable> waiters = new ArrayList<>(drainWaiters);
        drainWaiters.clear();
        connection.engine().execute(() -> waiters.forEach(Runnable::run));
      }
    }

    /** The session closes at once: what is still queued never goes out. */
    void abort() {
      List<PendingWrite> aborted = new ArrayList<>();
      synchronized (this) {
        this.aborted = true;
        for (Outgoing item : queue) {
          if (item.future != null) {
            aborted.add(item.future);
          }
        }
        queue.clear();
        drainWaiters.clear();
        // A read held by a partition has nothing left to read from.
        parkedRead = null;
      }
      WriteAbortedException cause =
          new WriteAbortedException("Write aborted: the session closed at once", null);
      aborted.forEach(f -> f.failed(cause));
    }

    // ------------------------------------------------------------ reads

    /** Takes over MINA SSHD's next read. */
    void read(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
      BooleanSupplier cutAction = null;
      synchronized (this) {
        if (readsHeld) {
          parkedRead = () -> read(buffer, completion);
          return;
        }
        if (inCutDue) {
          inCutDue = false;
          cutAction = onInCut;
          onInCut = null;
        }
      }
      if (cutAction != null) {
        // When the fault applies its ending, the read mode changes before the switch below.
        cutAction.getAsBoolean();
      }
      switch (readMode) {
        case DISCARD -> discard(buffer);
        case RESET -> resetStep(false);
        case PASS -> {
          boolean shaped;
          synchronized (this) {
            shaped = inRate > 0 || inCutAt >= 0;
          }
          if (shaped) {
            shapedRead(buffer, completion);
          } else {
            readThrough(buffer, completion);
          }
        }
      }
    }

    /** Takes over a read MINA SSHD had already started; false when SSH should have its bytes. */
    boolean divert(ByteBuffer buffer, Integer result) {
      ReadMode mode = readMode;
      if (mode == ReadMode.PASS) {
        return false;
      }
      if (result == null || result < 0) {
        closeNow();
      } else if (mode == ReadMode.DISCARD) {
        discard(buffer);
      } else {
        resetStep(true);
      }
      return true;
    }

    private void discard(ByteBuffer buffer) {
      buffer.clear();
      rawRead(
          buffer,
          count -> {
            if (count < 0) {
              closeNow();
            } else {
              discard(buffer);
            }
          });
    }

    /**
     * Reads one byte and closes. When the read MINA SSHD had started took what the client said
     * ({@code consumed}), the answer to the first probe may be gone with it: ask again.
     */
    private void resetStep(boolean consumed) {
      boolean probe;
      synchronized (this) {
        probe = consumed && probing && !secondProbeSent;
        secondProbeSent |= probe;
      }
      if (probe) {
        sendProbe();
      }
      rawRead(
          ByteBuffer.allocate(1),
          count -> {
            LOG.debug(
                "Resetting {}: read {} byte(s), closing with the rest unread",
                WireSession.this,
                count);
            closeNow();
          });
    }

    private void shapedRead(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
      long waitNanos;
      synchronized (this) {
        waitNanos = inRate > 0 ? inNextSlot - System.nanoTime() : 0;
      }
      Runnable go =
          () -> {
            int limit;
            synchronized (this) {
              limit = Math.min(buffer.capacity(), inChunk);
              if (inCutAt >= 0) {
                limit = (int) Math.min(limit, inCutAt - received);
              }
            }
            buffer.clear();
            buffer.limit(limit);
            long start = System.nanoTime();
            getSocket()
                .read(
                    buffer,
                    null,
                    new CompletionHandler<Integer, Object>() {
                      @Override
                      public void completed(Integer count, Object attachment) {
                        if (count > 0) {
                          synchronized (Wire.this) {
                            received += count;
                            if (inRate > 0) {
                              inNextSlot =
                                  Math.max(inNextSlot, start) + count * 1_000_000_000L / inRate;
                            }
                            if (inCutAt >= 0 && received >= inCutAt) {
                              inCutAt = -1;
                              inCutDue = true;
                            }
                          }
                        }
                        // SSH gets the bytes first; the cut applies from its next read on.
                        completion.completed(count, attachment);
                      }

                      @Override
                      public void failed(Throwable cause, Object attachment) {
                        completion.failed(cause, attachment);
                      }
                    });
          };
      if (waitNanos > 0) {
        connection.engine().schedule(go, waitNanos);
      } else {
        go.run();
      }
    }

    private void rawRead(ByteBuffer buffer, IntConsumer then) {
      try {
        getSocket()
            .read(
                buffer,
                null,
                new CompletionHandler<Integer, Object>() {
                  @Override
                  public void completed(Integer count, Object attachment) {
                    then.accept(count);
                  }

                  @Override
                  public void failed(Throwable cause, Object attachment) {
                    LOG.debug("Read on {} failed", WireSession.this, cause);
                    closeNow();
                  }
                });
      } catch (RuntimeException e) {
        LOG.debug("Cannot read on {}", WireSession.this, e);
        // The socket closed under us (host shutdown): nothing left to read.
        closeNow();
      }
    }

    private void closeNow() {
      WireSession.this.close(true);
    }

    private void runQuietly(Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.debug("A fault action failed on {}", WireSession.this, e);
      }
    }
  }
}
