package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.internal.DelaySpec;
import io.github.sshfaults.faults.internal.DelaySpec.Kind;
import io.github.sshfaults.faults.internal.ModelAccess;
import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.internal.Durations;
import java.time.Duration;

/**
 * How long a {@linkplain Fault#delay(Delay) delay} lasts: a fixed duration or a random one drawn,
 * for each occasion, from a distribution. Immutable.
 *
 * <pre>{@code
 * Delay.fixed(Duration.ofMillis(500));                                 // always 500 ms
 * Delay.uniform(Duration.ofMillis(40), Duration.ofMillis(60));         // 50 ms with ±10 ms jitter
 * Delay.lognormal(Duration.ofMillis(200), 0.5);                        // a long-tailed server
 * }</pre>
 *
 * <p>Random delays come from the seeded generator of the connection (see {@link
 * HostFaults#seed()}), so a seed replays the same delays. Every sample is capped at {@link
 * #LONGEST}.
 */
@CheckReturnValue
public final class Delay {

  /** The longest delay any distribution yields: longer samples are cut to it. */
  public static final Duration LONGEST = Duration.ofHours(1);

  static {
    // The engine reads a delay's distribution through this reader only; see ModelAccess.
    ModelAccess.readDelaysWith(delay -> delay.spec);
  }

  private final DelaySpec spec;

  private Delay(Kind kind, Duration first, Duration second, double sigma) {
    this.spec = new DelaySpec(kind, first, second, sigma, LONGEST);
  }

  /**
   * Always {@code duration}.
   *
   * @throws IllegalArgumentException when the duration is zero or negative
   */
  public static Delay fixed(Duration duration) {
    positive(duration, "fixed delay");
    check(
        duration.compareTo(LONGEST) <= 0,
        "fixed delay must be at most "
            + Durations.format(LONGEST)
            + ", but was "
            + Durations.format(duration));
    return new Delay(Kind.FIXED, duration, duration, 0);
  }

  /**
   * Uniformly distributed between {@code min} and {@code max}: a latency of {@code (min + max) / 2}
   * with a jitter of {@code ±(max - min) / 2}.
   *
   * @throws IllegalArgumentException when {@code min} is negative or {@code max} not longer than
   *     {@code min}
   */
  public static Delay uniform(Duration min, Duration max) {
    notNegative(min, "minimum delay");
    notNull(max, "maximum delay");
    check(
        max.compareTo(min) > 0,
        "maximum delay must be longer than the minimum "
            + Durations.format(min)
            + ", but was "
            + Durations.format(max));
    return new Delay(Kind.UNIFORM, min, max, 0);
  }

  /**
   * Log-normally distributed: half the samples are shorter than {@code median}, and a few are much
   * longer, as response times of real servers are. {@code sigma} is the standard deviation of the
   * logarithm: 0.25 is a tight spread, 1 a long tail.
   *
   * @throws IllegalArgumentException when the median is not positive or sigma not in {@code (0,
   *     10]}
   */
  public static Delay lognormal(Duration median, double sigma) {
    positive(median, "median delay");
    check(
        sigma > 0 && sigma <= 10,
        "sigma of a lognormal delay must be in (0, 10], but was " + sigma);
    return new Delay(Kind.LOGNORMAL, median, median, sigma);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Delay that && spec.equals(that.spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  /** {@code fixed(500ms)}, {@code uniform(40ms..60ms)} or {@code lognormal(200ms, sigma=0.5)}. */
  @Override
  public String toString() {
    return spec.toString();
  }
}
