package io.github.sshfaults.sshd.internal.faults;

import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of a wire: MINA SSHD's reads, taken over once a fault needs them. What it can
 * do to what the client sends: hand it to SSH, paced ({@link Pace}) or cut after a byte count
 * ({@link ByteCut}); hold the next read (a partition); read and ignore it until the client closes
 * (a drop, a hang); or read one byte and close with the rest unread, which makes the kernel answer
 * with an RST (a reset, with the help of a {@link ResetProbe}).
 *
 * <p>Guarded by its own monitor, which is never held while calling into SSH or the socket.
 */
final class Reads {

  private static final Logger LOG = LoggerFactory.getLogger(Reads.class);

  /** What the reads do with the client's bytes. */
  private enum Mode {
    /** Hand them to SSH, possibly paced or counted. */
    PASS,
    /** Read and ignore them until the client closes. */
    DISCARD,
    /** Read one byte of the next ones and close with the rest unread: an RST. */
    RESET
  }

  private final WireSession session;
  private final ResetProbe probe;
  private final Pace pace = new Pace();
  private final ByteCut cut = new ByteCut();
  private volatile Mode mode = Mode.PASS;
  private boolean held;
  private Runnable parkedRead;
  private BooleanSupplier cutDue;
  private boolean resetReading;
  private boolean smallReads;

  /**
   * The most a read takes while {@link #readInSmallPieces()} holds: half the smallest SSH packet
   * (16 bytes), so that whatever the client sends next, some of it stays unread for a reset.
   */
  static final int SMALL_READ = 8;

  Reads(WireSession session, ResetProbe probe) {
    this.session = session;
    this.probe = probe;
  }

  // ------------------------------------------------------------ configuration

  /** Reads at most {@code bytesPerSecond}, in reads of at most {@code chunk}. */
  synchronized void throttle(long bytesPerSecond, int chunk) {
    pace.limit(bytesPerSecond, chunk);
  }

  /**
   * Asks {@code action} once {@code bytes} bytes have come from the client, at SSH's next read:
   * when it answers true (it applied its ending), no more reach SSH; else they flow on.
   */
  synchronized void cutAfter(long bytes, BooleanSupplier action) {
    cut.arm(bytes, action);
  }

  /**
   * From now on each read takes at most {@link #SMALL_READ} bytes: a reset that waits for the
   * client's next bytes then finds some of them unread, however little the client sends.
   */
  synchronized void readInSmallPieces() {
    smallReads = true;
  }

  // ------------------------------------------------------------ the faults

  /** Holds the next read until {@link #release()}. */
  synchronized void hold() {
    held = true;
  }

  /** Runs the read {@link #hold()} held, where it stopped. */
  void release() {
    Runnable read;
    synchronized (this) {
      held = false;
      read = parkedRead;
      parkedRead = null;
    }
    if (read != null) {
      read.run();
    }
  }

  /** From now on, what the client sends is read and ignored. */
  void discard() {
    mode = Mode.DISCARD;
  }

  /** From now on, the next bytes the client sends are left unread and the connection closes. */
  void reset() {
    mode = Mode.RESET;
  }

  /**
   * Resets the connection as soon as the client's first byte arrives, without waiting for MINA
   * SSHD to set its session up and start reading: a killed server's kernel resets at once. Every
   * SSH client sends its identification line as soon as it is connected, so for them this is right
   * away. Called at accept, before MINA SSHD reads; its reads then wait for the close.
   */
  void resetAtFirstByte() {
    synchronized (this) {
      mode = Mode.RESET;
      if (resetReading) {
        return;
      }
      resetReading = true;
    }
    resetStep(false);
  }

  /** The session closes at once: a read held by a partition has nothing left to read from. */
  synchronized void abort() {
    parkedRead = null;
  }

  // ------------------------------------------------------------ reads

  /** Takes over MINA SSHD's next read. */
  void read(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    BooleanSupplier reached;
    synchronized (this) {
      if (held) {
        parkedRead = () -> read(buffer, completion);
        return;
      }
      reached = cutDue;
      cutDue = null;
    }
    if (reached != null) {
      // When the fault applies its ending, the mode changes before the switch below.
      reached.getAsBoolean();
    }
    switch (mode) {
      case DISCARD -> discard(buffer);
      case RESET -> {
        synchronized (this) {
          if (resetReading) {
            // The reset's own read is under way: the session closes when it completes.
            return;
          }
          resetReading = true;
        }
        resetStep(false);
      }
      case PASS -> {
        boolean shaped;
        synchronized (this) {
          shaped = pace.limited() || cut.armed() || smallReads;
        }
        if (shaped) {
          shapedRead(buffer, completion);
        } else {
          session.readThrough(buffer, completion);
        }
      }
    }
  }

  /** Takes over a read MINA SSHD had already started; false when SSH should have its bytes. */
  boolean divert(ByteBuffer buffer, Integer result) {
    Mode now = mode;
    if (now == Mode.PASS) {
      return false;
    }
    if (result == null || result < 0) {
      session.closeNow();
    } else if (now == Mode.DISCARD) {
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
            session.closeNow();
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
    if (consumed) {
      probe.again();
    }
    rawRead(
        ByteBuffer.allocate(1),
        count -> {
          LOG.debug("Resetting {}: read {} byte(s), closing with the rest unread", session, count);
          session.closeNow();
        });
  }

  private void shapedRead(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      waitNanos = pace.notBefore(now) - now;
    }
    Runnable go =
        () -> {
          int limit;
          synchronized (this) {
            limit = cut.allow(pace.piece(buffer.capacity()));
            if (smallReads) {
              limit = Math.min(limit, SMALL_READ);
            }
          }
          buffer.clear();
          buffer.limit(limit);
          long start = System.nanoTime();
          session
              .socket()
              .read(
                  buffer,
                  null,
                  new CompletionHandler<Integer, Object>() {
                    @Override
                    public void completed(Integer count, Object attachment) {
                      if (count > 0) {
                        counted(count, start);
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
      session.connection().engine().schedule(go, waitNanos);
    } else {
      go.run();
    }
  }

  private synchronized void counted(int count, long start) {
    pace.passed(count, start);
    BooleanSupplier reached = cut.count(count);
    if (reached != null) {
      cutDue = reached;
    }
  }

  private void rawRead(ByteBuffer buffer, IntConsumer then) {
    try {
      session
          .socket()
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
                  LOG.debug("Read on {} failed", session, cause);
                  session.closeNow();
                }
              });
    } catch (RuntimeException e) {
      LOG.debug("Cannot read on {}", session, e);
      // The socket closed under us (host shutdown): nothing left to read.
      session.closeNow();
    }
  }
}
