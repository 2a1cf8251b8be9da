package io.github.sshfaults.sshd.assertions;

import io.github.sshfaults.internal.CheckReturnValue;

/**
 * How many matching events a {@link Verification} expects: exactly {@code n}, at least, at most.
 * Obtained from {@link SshFaultsAssertions#times(int)}, {@link SshFaultsAssertions#once()}, {@link
 * SshFaultsAssertions#never()}, {@link SshFaultsAssertions#atLeast(int)} and {@link
 * SshFaultsAssertions#atMost(int)}; immutable, and read back as the call that made it ({@code
 * times(3)}).
 *
 * <pre>{@code
 * verify(host, times(3)).ranCommand("uptime");
 * }</pre>
 */
@CheckReturnValue
public final class ExpectedCount {

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  private final int min;
  private final int max;
  private final String call;

  private ExpectedCount(int min, int max, String call) {
    this.min = min;
    this.max = max;
    this.call = call;
  }

  static ExpectedCount exactly(int n, String call) {
    return new ExpectedCount(n, n, call);
  }

  static ExpectedCount atLeast(int n, String call) {
    return new ExpectedCount(n, UNBOUNDED, call);
  }

  static ExpectedCount atMost(int n, String call) {
    return new ExpectedCount(0, n, call);
  }

  /** Whether {@code count} events meet the expectation. */
  boolean isMetBy(int count) {
    return count >= min && count <= max;
  }

  /**
   * Whether events the journal dropped could break the expectation although the kept ones meet it:
   * only an upper bound can be broken by more events.
   */
  boolean hasUpperBound() {
    return max != UNBOUNDED;
  }

  /** Whether {@code count} events already break the upper bound, whatever was dropped. */
  boolean isExceededBy(int count) {
    return count > max;
  }

  /**
   * The expectation in words, for failure messages: {@code exactly 3 times}, {@code at least 1}.
   */
  String describe() {
    if (min == max) {
      return "exactly " + times(min);
    }
    return max == UNBOUNDED ? "at least " + times(min) : "at most " + times(max);
  }

  private static String times(int n) {
    return n + (n == 1 ? " time" : " times");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExpectedCount that && min == that.min && max == that.max;
  }

  @Override
  public int hashCode() {
    return 31 * min + max;
  }

  /** The call that made it: {@code times(3)}, {@code once()}, {@code atLeast(2)}. */
  @Override
  public String toString() {
    return call;
  }
}
