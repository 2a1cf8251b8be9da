package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import java.io.WriteAbortedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.sshd.common.io.AbstractIoWriteFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's side of a wire: an ordered queue of writes, drained one piece at a time on the host's
 * scheduler, so that a delayed write is never overtaken by a later one, nor by the end of file.
 * What it can do to them: hold them back (a banner delay, a delay per write, a partition), pace
 * them ({@link Pace}), cut them after a byte count ({@link ByteCut}), run an action in their order
 * (the FIN of a drop), and close them (nothing more goes out).
 *
 * <p>Guarded by its own monitor, which is never held while calling into SSH or the socket's
 * session, so the two cannot deadlock.
 */
final class Writes {

  private static final Logger LOG = LoggerFactory.getLogger(Writes.class);

  private final WireSession session;
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private final List<Runnable> drainWaiters = new ArrayList<>();
  private final Pace pace = new Pace();
  private final ByteCut cut = new ByteCut();
  private boolean pumping;
  private boolean held;
  private boolean closed;
  private boolean finQueued;
  private boolean aborted;
  private boolean delayed;
  private long notBeforeNanos;
  private LongSupplier latency;
  private Runnable afterNextWrite;

  Writes(WireSession session) {
    this.session = session;
  }

  // ------------------------------------------------------------ configuration

  /** Holds every write until {@code delayNanos} after now. */
  synchronized void delayFirst(long delayNanos) {
    delayed = true;
    notBeforeNanos = System.nanoTime() + delayNanos;
  }

  /** Delays each later write by a new sample of {@code latencyNanos}, in order. */
  synchronized void delayEach(LongSupplier latencyNanos) {
    latency = latencyNanos;
  }

  /** Sends at most {@code bytesPerSecond}, in pieces of at most {@code chunk}. */
  synchronized void throttle(long bytesPerSecond, int chunk) {
    pace.limit(bytesPerSecond, chunk);
  }

  /**
   * Asks {@code action} once {@code bytes} bytes have gone out, before anything more goes: when it
   * answers true (it applied its ending), nothing more goes; else the bytes flow on.
   */
  synchronized void cutAfter(long bytes, BooleanSupplier action) {
    cut.arm(bytes, action);
  }

  /** Runs {@code action} right after the next write has been handed to the socket. */
  synchronized void afterNext(Runnable action) {
    afterNextWrite = action;
  }

  // ------------------------------------------------------------ the faults

  /** Holds every write back until {@link #release()}. */
  synchronized void hold() {
    held = true;
  }

  /** Sends what {@link #hold()} held back, in order. */
  void release() {
    synchronized (this) {
      held = false;
    }
    pump();
  }

  /** Queues {@code bytes} after the pending writes. */
  synchronized void enqueue(byte[] bytes) {
    queue.add(new Outgoing(bytes, 0, new PendingWrite("garbage")));
  }

  /**
   * The pending writes go out, then a FIN, then the socket closes; later writes vanish. The close
   * right after the FIN is what the kernel of a process that died does: the client's late bytes
   * find no socket and get an RST, as from a killed server, instead of being read and ignored.
   */
  void finish() {
    finish(session::shutdownOutputThenClose);
  }

  /**
   * The pending writes go out, then a FIN, and the socket stays open to be read until the client
   * closes: a live server that closes politely (a web server's lingering close), so the client's
   * late bytes get no RST.
   */
  void finishLingering() {
    finish(session::shutdownOutputQuietly);
  }

  private void finish(Runnable fin) {
    synchronized (this) {
      closed = true;
      if (!finQueued) {
        finQueued = true;
        queue.add(new Outgoing(fin));
      }
    }
    pump();
  }

  /** Nothing more goes out; what is pending stays pending. */
  synchronized void close() {
    closed = true;
  }

  // ------------------------------------------------------------ writes

  /** Sends {@code buffer}, at once when nothing holds writes back, else in its turn. */
  IoWriteFuture write(Buffer buffer) throws IOException {
    PendingWrite future;
    synchronized (this) {
      if (closed) {
        return AbstractIoWriteFuture.fulfilled(session, Boolean.TRUE);
      }
      long now = System.nanoTime();
      boolean direct =
          queue.isEmpty()
              && !pumping
              && !held
              && afterNextWrite == null
              && latency == null
              && !pace.limited()
              && !cut.armed()
              && (!delayed || now - notBeforeNanos >= 0);
      if (direct || aborted) {
        // Under the monitor, so that a write queued after this one cannot overtake it.
        return session.writeThrough(buffer);
      }
      byte[] bytes = buffer.getCompactData();
      long due = latency == null ? now : now + latency.getAsLong();
      future = new PendingWrite(session);
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
      if (pumping || held || aborted || queue.isEmpty()) {
        notifyIfDrained();
        return;
      }
      pumping = true;
      head = queue.peek();
      if (head.action != null) {
        queue.poll();
      } else {
        long due = delayed && notBeforeNanos - head.dueNanos > 0 ? notBeforeNanos : head.dueNanos;
        waitNanos = pace.notBefore(due) - System.nanoTime();
      }
    }
    if (head.action != null) {
      runQuietly(head.action);
      stepDone();
    } else if (waitNanos > 0) {
      session.connection().engine().schedule(this::sendHead, waitNanos);
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
      if (head == null || head.action != null || held || aborted) {
        pumping = false;
        if (head != null && head.action != null) {
          pump();
        }
        return;
      }
      length = cut.allow(pace.piece(head.remaining()));
    }
    long start = System.nanoTime();
    IoWriteFuture written;
    try {
      written = session.writeThrough(new ByteArrayBuffer(head.data, head.offset, length));
    } catch (IOException | RuntimeException e) {
      failAll(e);
      return;
    }
    int piece = length;
    written.addListener(f -> pieceWritten(head, piece, f, start));
  }

  private void pieceWritten(Outgoing head, int length, IoWriteFuture result, long start) {
    if (!result.isWritten()) {
      Throwable cause = result.getException();
      failAll(cause == null ? new IOException("write failed") : cause);
      return;
    }
    List<PendingWrite> done = new ArrayList<>(1);
    BooleanSupplier reached;
    synchronized (this) {
      head.offset += length;
      pace.passed(length, start);
      if (head.remaining() == 0 && queue.peek() == head) {
        queue.poll();
        done.add(head.future);
      }
      reached = cut.count(length);
      if (reached == null) {
        pumping = false;
      }
      // Else still pumping while the cut is decided, so that nothing more goes out meanwhile.
    }
    done.forEach(PendingWrite::written);
    if (reached != null) {
      cutHere(reached);
    }
    pump();
  }

  /** Cuts the writes if {@code decision} applies its ending; else lets them flow on. */
  private void cutHere(BooleanSupplier decision) {
    boolean applied = false;
    try {
      applied = decision.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.debug("A fault action failed on {}", session, e);
    }
    List<PendingWrite> lost = new ArrayList<>();
    synchronized (this) {
      if (applied) {
        closed = true;
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
    session.closeNow();
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
      session.connection().engine().execute(() -> waiters.forEach(Runnable::run));
    }
  }

  /** The session closes at once: what is still queued never goes out. */
  void abort() {
    List<PendingWrite> dropped = new ArrayList<>();
    synchronized (this) {
      aborted = true;
      for (Outgoing item : queue) {
        if (item.future != null) {
          dropped.add(item.future);
        }
      }
      queue.clear();
      drainWaiters.clear();
    }
    WriteAbortedException cause =
        new WriteAbortedException("Write aborted: the session closed at once", null);
    dropped.forEach(f -> f.failed(cause));
  }

  private void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.debug("A fault action failed on {}", session, e);
    }
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
}
