package io.github.sshfaults.internal;

import java.time.Duration;

/** Short, readable forms of durations for messages and descriptions: {@code 250ms}, {@code 2s}. */
public final class Durations {

  private Durations() {}

  /** {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 3m}; falls back to ISO-8601 for the rest. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos % 1_000_000 != 0) {
      return duration.toString();
    }
    long millis = nanos / 1_000_000;
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis % 60_000 == 0) {
      return (millis / 60_000) + "m";
    }
    if (millis % 1000 == 0) {
      return (millis / 1000) + "s";
    }
    return (millis / 1000.0) + "s";
  }
}
