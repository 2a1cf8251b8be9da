package io.github.sshfaults.sshd.internal.faults;

/**
 * A bandwidth limit for one direction of a wire: how many bytes may go in one piece, and when the
 * next piece may start. Unlimited until {@link #limit(long, int)}. Not thread-safe: the side of the
 * wire that owns it guards it with its monitor.
 */
final class Pace {

  private long bytesPerSecond;
  private int chunk = Integer.MAX_VALUE;
  private boolean started;
  private long nextSlot;

  /** At most {@code bytesPerSecond}, in pieces of at most {@code chunk} bytes. */
  void limit(long bytesPerSecond, int chunk) {
    this.bytesPerSecond = bytesPerSecond;
    this.chunk = chunk;
  }

  /** Whether a limit is set. */
  boolean limited() {
    return bytesPerSecond > 0;
  }

  /** The size of the next piece, at most {@code wanted}. */
  int piece(int wanted) {
    return Math.min(wanted, chunk);
  }

  /** When the next piece may start, no earlier than {@code due} ({@link System#nanoTime()}). */
  long notBefore(long due) {
    return limited() && started && nextSlot - due > 0 ? nextSlot : due;
  }

  /** A piece of {@code bytes} started at {@code startNanos}: the next must wait its share. */
  void passed(int bytes, long startNanos) {
    if (limited()) {
      long from = started && nextSlot - startNanos > 0 ? nextSlot : startNanos;
      nextSlot = from + bytes * 1_000_000_000L / bytesPerSecond;
      started = true;
    }
  }
}
