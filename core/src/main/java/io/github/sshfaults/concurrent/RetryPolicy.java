package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.CheckReturnValue;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * When {@link ConcurrentSsh} tries a failed task again: on which {@link FailureKind}s, how many
 * attempts in all, and how long to wait before each retry. Immutable; each {@code with...} method
 * returns a copy.
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.on(FailureKind.DISCONNECTED, FailureKind.TIMEOUT)
 *     .withMaxAttempts(3)                    // the first attempt and two retries
 *     .withBackoff(Duration.ofMillis(50))    // 50 ms before the 2nd attempt...
 *     .withBackoffMultiplier(2.0);           // ...100 ms before the 3rd
 * }</pre>
 *
 * <p>Every attempt is recorded in the {@link RunReport}; a retry never starts after the run's
 * deadline. Unless changed: 3 attempts, 100 ms backoff, multiplier 1 (a fixed backoff).
 */
@CheckReturnValue
public final class RetryPolicy {

  /** The most attempts a policy may ask for: more would hide a real failure behind retries. */
  public static final int MAX_ATTEMPTS = 100;

  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private static final RetryPolicy NONE =
      new RetryPolicy(EnumSet.noneOf(FailureKind.class), 1, Duration.ZERO, 1.0);

  private final Set<FailureKind> kinds;
  private final int maxAttempts;
  private final Duration backoff;
  private final double multiplier;

  private RetryPolicy(
      Set<FailureKind> kinds, int maxAttempts, Duration backoff, double multiplier) {
    this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.multiplier = multiplier;
  }

  /** Never retries: each task runs once. The default of {@link ConcurrentSsh}. */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Retries tasks that failed with one of these kinds: up to 3 attempts in all, 100 ms apart.
   *
   * @throws NullPointerException when a kind is null
   */
  public static RetryPolicy on(FailureKind kind, FailureKind... more) {
    EnumSet<FailureKind> kinds = EnumSet.of(notNull(kind, "failure kind"));
    for (FailureKind other : notNull(more, "failure kinds")) {
      kinds.add(notNull(other, "failure kind"));
    }
    return new RetryPolicy(kinds, 3, Duration.ofMillis(100), 1.0);
  }

  /**
   * A copy that makes at most {@code attempts} attempts per task, the first one included.
   *
   * @throws IllegalArgumentException when {@code attempts} is not 1 to {@value #MAX_ATTEMPTS}
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(
        kinds, inRange(attempts, 1, MAX_ATTEMPTS, "max attempts"), backoff, multiplier);
  }

  /**
   * A copy that waits {@code delay} before the second attempt (zero retries at once).
   *
   * @throws IllegalArgumentException when {@code delay} is negative or longer than an hour
   */
  public RetryPolicy withBackoff(Duration delay) {
    notNegative(delay, "backoff");
    check(
        delay.compareTo(MAX_BACKOFF) <= 0,
        "backoff must be at most " + MAX_BACKOFF + ", but was " + delay);
    return new RetryPolicy(kinds, maxAttempts, delay, multiplier);
  }

  /**
   * A copy that multiplies the wait by {@code factor} before each further attempt.
   *
   * @throws IllegalArgumentException when {@code factor} is not 1.0 to 10.0
   */
  public RetryPolicy withBackoffMultiplier(double factor) {
    check(
        factor >= 1.0 && factor <= 10.0,
        "backoff multiplier must be between 1.0 and 10.0, but was " + factor);
    return new RetryPolicy(kinds, maxAttempts, backoff, factor);
  }

  /** The kinds that are retried; empty for {@link #none()}. */
  public Set<FailureKind> kinds() {
    return kinds;
  }

  /** The most attempts per task, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  // The runner's decisions (Execution), package-private: public values carry no engine logic.

  /**
   * Whether a task whose attempt number {@code attempt} failed with {@code kind} gets another
   * attempt.
   */
  boolean retries(FailureKind kind, int attempt) {
    return attempt < maxAttempts && kinds.contains(kind);
  }

  /** How long to wait before attempt number {@code attempt} (2 or more). */
  Duration delayBefore(int attempt) {
    check(attempt >= 2, "only attempts from the second on wait, but asked for attempt " + attempt);
    double nanos = backoff.toNanos() * Math.pow(multiplier, attempt - 2);
    return Duration.ofNanos((long) Math.min(nanos, MAX_BACKOFF.toNanos()));
  }

  @Override
  public String toString() {
    return kinds.isEmpty()
        ? "RetryPolicy.none()"
        : "RetryPolicy[on "
            + kinds
            + ", "
            + maxAttempts
            + " attempts, backoff "
            + backoff
            + (multiplier == 1.0 ? "" : " x" + multiplier)
            + "]";
  }
}
