package io.github.sshfaults.assertions;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.internal.CheckReturnValue;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for asynchronous effects, always bounded and always described, on Awaitility: a host has
 * seen N connections, a background job finished. Immutable: {@link #withPollInterval(Duration)}
 * returns a copy.
 *
 * <pre>{@code
 * SshAwait.atMost(Duration.ofSeconds(5))
 *     .untilAtLeast("connections seen by the host", () -> connections.get(), 3);
 * String uptime = SshAwait.await().untilDone("the nightly job", nightlyJob);
 * }</pre>
 *
 * <p>On timeout it throws Awaitility's {@link ConditionTimeoutException} with the description and
 * the last value seen. It polls in the calling thread, so it starts no thread, and it never touches
 * Awaitility's global defaults nor the JVM's default uncaught-exception handler.
 */
public final class SshAwait {

  /** The bound of {@link #await()}: far above what loopback needs, so only a real hang trips it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(10);

  private final Duration timeout;
  private final Duration pollInterval;

  private SshAwait(Duration timeout, Duration pollInterval) {
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  /** Waits at most {@link #DEFAULT_TIMEOUT}, checking every 10 ms. */
  @CheckReturnValue
  public static SshAwait await() {
    return new SshAwait(DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL);
  }

  /**
   * Waits at most {@code timeout}, checking every 10 ms.
   *
   * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
   */
  @CheckReturnValue
  public static SshAwait atMost(Duration timeout) {
    return new SshAwait(positive(timeout, "await timeout"), DEFAULT_POLL_INTERVAL);
  }

  /**
   * A copy that checks the condition every {@code interval}.
   *
   * @throws IllegalArgumentException when {@code interval} is null, zero or negative
   */
  @CheckReturnValue
  public SshAwait withPollInterval(Duration interval) {
    return new SshAwait(timeout, positive(interval, "poll interval"));
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @param description what is awaited, for the timeout message ("the job finished")
   * @throws ConditionTimeoutException when it does not hold within the bound
   */
  public void until(String description, BooleanSupplier condition) {
    notNull(condition, "condition");
    until(description, condition::getAsBoolean, Boolean.TRUE::equals);
  }

  /**
   * Waits until {@code accept} accepts the value of {@code value}, and returns that value.
   *
   * @param description what is awaited, for the timeout message
   * @throws ConditionTimeoutException with the last value seen when none is accepted in time
   */
  public <V> V until(String description, Supplier<? extends V> value, Predicate<? super V> accept) {
    notBlank(description, "description");
    notNull(value, "value");
    notNull(accept, "accept");
    AtomicReference<V> last = new AtomicReference<>();
    try {
      return conditions(description)
          .until(
              () -> {
                V current = value.get();
                last.set(current);
                return current;
              },
              accept);
    } catch (ConditionTimeoutException e) {
      throw new ConditionTimeoutException(
          "Waited " + timeout.toMillis() + " ms for " + description + "; last value: " + last.get(),
          e);
    }
  }

  /**
   * Waits until {@code count} reaches at least {@code expected}.
   *
   * @param description what is counted ("connections seen by the host")
   * @throws ConditionTimeoutException with the last count when it stays below {@code expected}
   */
  public void untilAtLeast(String description, IntSupplier count, int expected) {
    notNull(count, "count");
    until("at least " + expected + " " + description, count::getAsInt, n -> n >= expected);
  }

  /**
   * Waits until {@code future} is done and returns its value.
   *
   * @param description what the future computes, for the messages
   * @throws ConditionTimeoutException when it is not done within the bound
   * @throws AssertionError when it completed exceptionally or was cancelled; the cause is its
   *     failure
   */
  public <V> V untilDone(String description, Future<V> future) {
    notNull(future, "future");
    until(description + " to be done", future::isDone);
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new AssertionError(description + " failed: " + e.getCause(), e.getCause());
    } catch (CancellationException e) {
      throw new AssertionError(description + " was cancelled", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while getting the result of " + description, e);
    }
  }

  private ConditionFactory conditions(String description) {
    return Awaitility.await(description)
        .dontCatchUncaughtExceptions()
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(pollInterval)
        .atMost(timeout);
  }

  @Override
  public String toString() {
    return "SshAwait[at most " + timeout + ", every " + pollInterval + "]";
  }
}
