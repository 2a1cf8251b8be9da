package io.github.sshfaults.clients.internal;

import io.github.sshfaults.internal.NamedThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Bounds a client library's call that has no timeout of its own: at the timeout it cuts the
 * connection the call is using, so that the call fails, and the caller gets a {@link
 * TimeoutException} with that failure as its cause. One timer thread per adapter, started on first
 * use and stopped by {@link #close()}. Thread-safe.
 */
public final class Watchdog {

  /** A call of a client library. */
  @FunctionalInterface
  public interface Call<T> {
    /** Makes the call. */
    T call() throws Exception;
  }

  private final String owner;
  private final String threadName;
  private ScheduledExecutorService timer;
  private boolean closed;

  /**
   * @param owner names the adapter in messages
   * @param threadName the name of the timer thread, without its index ({@code
   *     sshfaults-sshj-timer})
   */
  public Watchdog(String owner, String threadName) {
    this.owner = owner;
    this.threadName = threadName;
  }

  /**
   * The result of {@code call}, unless it is still running {@code timeout} after it started: then
   * {@code cut} runs (on the timer thread) and this throws {@code unfinished}'s exception, with
   * what {@code call} threw as its cause. A call that ends, however, after the cut also ends in
   * {@code unfinished}'s exception: its result may be what the cut left of it.
   *
   * @param cut closes the connection {@code call} uses; must not throw
   * @throws IllegalStateException when the watchdog is closed: its adapter is
   */
  public <T> T call(
      Duration timeout, Runnable cut, Supplier<TimeoutException> unfinished, Call<T> call)
      throws Exception {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        timer()
            .schedule(
                () -> {
                  timedOut.set(true);
                  cut.run();
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    T result;
    try {
      result = call.call();
    } catch (Exception e) {
      if (timedOut.get()) {
        TimeoutException late = unfinished.get();
        late.initCause(e);
        throw late;
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
    if (timedOut.get()) {
      throw unfinished.get();
    }
    return result;
  }

  /** Stops the timer thread; later calls fail. Idempotent. */
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private synchronized ScheduledExecutorService timer() {
    if (closed) {
      throw new IllegalStateException(owner + " is closed");
    }
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory(threadName));
    }
    return timer;
  }
}
