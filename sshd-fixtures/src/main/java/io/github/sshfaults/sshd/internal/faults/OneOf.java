package io.github.sshfaults.sshd.internal.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Faults of one occasion that exclude each other (two endings, two exit codes, two delays of one
 * answer), in the order the plan's dispatch handed them over: the first whose effect can still take
 * effect wins, the others are passed over and count nothing. Each candidate reports and applies its
 * effect and says whether it took effect ({@link
 * io.github.sshfaults.faults.internal.Firing#takeEffect()}); one that cannot (its fault reached its
 * limit in the meantime) leaves the place to the next.
 */
final class OneOf {

  private final List<BooleanSupplier> candidates = new ArrayList<>(1);

  /** Adds {@code candidate} after those added before. */
  void add(BooleanSupplier candidate) {
    candidates.add(candidate);
  }

  /** Whether no fault of the occasion is of this kind. */
  boolean isEmpty() {
    return candidates.isEmpty();
  }

  /** Applies the first candidate that takes effect; whether one did. */
  boolean apply() {
    for (BooleanSupplier candidate : candidates) {
      if (candidate.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }
}
