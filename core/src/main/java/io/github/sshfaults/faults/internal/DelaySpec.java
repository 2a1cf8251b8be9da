package io.github.sshfaults.faults.internal;

import io.github.sshfaults.internal.Durations;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The distribution behind a {@link io.github.sshfaults.faults.Delay}, and its sampling.
 *
 * @param kind which distribution
 * @param first the fixed duration, the minimum, or the median
 * @param second the fixed duration, the maximum, or the median
 * @param sigma the standard deviation of the logarithm, for {@link Kind#LOGNORMAL}; else 0
 * @param longest the cap on every sample
 */
public record DelaySpec(
    Kind kind, Duration first, Duration second, double sigma, Duration longest) {

  /** The distributions. */
  public enum Kind {
    /** Always the same. */
    FIXED,
    /** Uniform between two durations, both included. */
    UNIFORM,
    /** Log-normal around a median. */
    LOGNORMAL
  }

  /** Draws one delay with {@code random}; a fixed delay draws nothing. */
  public Duration sample(RandomGenerator random) {
    return switch (kind) {
      case FIXED -> first;
      case UNIFORM -> {
        long min = first.toNanos();
        long span = second.toNanos() - min;
        yield Duration.ofNanos(min + random.nextLong(span + 1));
      }
      case LOGNORMAL -> {
        double nanos = first.toNanos() * Math.exp(sigma * random.nextGaussian());
        yield nanos >= longest.toNanos() ? longest : Duration.ofNanos((long) nanos);
      }
    };
  }

  /** {@code fixed(500ms)}, {@code uniform(40ms..60ms)} or {@code lognormal(200ms, sigma=0.5)}. */
  @Override
  public String toString() {
    return switch (kind) {
      case FIXED -> "fixed(" + Durations.format(first) + ")";
      case UNIFORM -> "uniform(" + Durations.format(first) + ".." + Durations.format(second) + ")";
      case LOGNORMAL -> "lognormal(" + Durations.format(first) + ", sigma=" + sigma + ")";
    };
  }
}
