package io.github.sshfaults.sshd.internal.faults;

import java.util.function.BooleanSupplier;

/**
 * Counts the bytes of one direction of a wire and, once armed, says when a count is reached: a
 * fault that cuts the stream there. Not thread-safe: the side of the wire that owns it guards it
 * with its monitor.
 */
final class ByteCut {

  private long counted;
  private long at = -1;
  private BooleanSupplier action;

  /**
   * Arms the cut at {@code bytes}; {@code action} decides there whether the stream is cut, applying
   * the fault's ending when it is.
   */
  void arm(long bytes, BooleanSupplier action) {
    this.at = bytes;
    this.action = action;
  }

  /** Whether a cut is armed and not yet reached. */
  boolean armed() {
    return at >= 0;
  }

  /** How much of {@code length} may pass before the cut. */
  int allow(int length) {
    return at >= 0 ? (int) Math.min(length, at - counted) : length;
  }

  /**
   * Counts {@code bytes} that passed.
   *
   * @return the cut's action when they reach the count (the cut is then disarmed), else null
   */
  BooleanSupplier count(int bytes) {
    counted += bytes;
    if (at < 0 || counted < at) {
      return null;
    }
    BooleanSupplier reached = action;
    at = -1;
    action = null;
    return reached;
  }
}
