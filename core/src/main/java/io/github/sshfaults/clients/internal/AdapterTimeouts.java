package io.github.sshfaults.clients.internal;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.positive;

import java.time.Duration;

/** The one rule for the timeouts of every client adapter. */
public final class AdapterTimeouts {

  private static final Duration MIN = Duration.ofMillis(1);

  /** The longest timeout: one day, as the runner's longest deadline. */
  private static final Duration MAX = Duration.ofDays(1);

  private AdapterTimeouts() {}

  /**
   * Returns {@code timeout} if it is 1 ms to 1 day: the client libraries take whole milliseconds as
   * an {@code int}.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static Duration checkTimeout(Duration timeout) {
    positive(timeout, "client timeout");
    check(
        timeout.compareTo(MIN) >= 0 && timeout.compareTo(MAX) <= 0,
        "client timeout must be between 1 ms and " + MAX + ", but was " + timeout);
    return timeout;
  }
}
