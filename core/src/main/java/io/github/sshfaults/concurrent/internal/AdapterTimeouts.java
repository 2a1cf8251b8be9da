package io.github.sshfaults.concurrent.internal;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import java.time.Duration;

/** The one rule for the timeouts of every client adapter. */
public final class AdapterTimeouts {

  private static final Duration MIN = Duration.ofMillis(1);

  private AdapterTimeouts() {}

  /**
   * Returns {@code timeout} if it is 1 ms to {@link ConcurrentSsh#MAX_DEADLINE}: the client
   * libraries take whole milliseconds as an {@code int}.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static Duration checkTimeout(Duration timeout) {
    positive(timeout, "client timeout");
    check(
        timeout.compareTo(MIN) >= 0 && timeout.compareTo(ConcurrentSsh.MAX_DEADLINE) <= 0,
        "client timeout must be between 1 ms and "
            + ConcurrentSsh.MAX_DEADLINE
            + ", but was "
            + timeout);
    return timeout;
  }
}
