package io.github.sshfaults.sshd.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one host runs on the {@linkplain SharedThreads shared threads}: its command handlers, or its
 * fault engine's timed tasks. It remembers what it started, so that {@link #shutdownNow()} cancels
 * this host's tasks and interrupts its running ones without touching other hosts', and {@link
 * #awaitTermination} waits for its own running ones only.
 */
public final class HostTasks extends AbstractExecutorService {

  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private final Set<Future<?>> scheduled = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();
  private volatile boolean shutdown;

  /**
   * @param pool where {@link #execute} runs tasks
   * @param timer where {@link #schedule} waits
   */
  public HostTasks(ExecutorService pool, ScheduledExecutorService timer) {
    this.pool = pool;
    this.timer = timer;
  }

  /** Tasks of command handlers: on the shared command pool. */
  public static HostTasks forCommands() {
    return new HostTasks(SharedThreads.commands(), SharedThreads.timer());
  }

  /** Short timed tasks of a fault engine: on the shared timer. */
  public static HostTasks forFaults() {
    return new HostTasks(SharedThreads.timer(), SharedThreads.timer());
  }

  /**
   * Runs {@code task} on the pool.
   *
   * @throws RejectedExecutionException when this host has shut down, or the shared pool is full
   */
  @Override
  public void execute(Runnable task) {
    if (shutdown) {
      throw new RejectedExecutionException("the host is closed");
    }
    pool.execute(() -> run(task));
  }

  /**
   * Runs {@code task} after {@code delayNanos}, unless this host shuts down first.
   *
   * @throws RejectedExecutionException when this host has shut down
   */
  public void schedule(Runnable task, long delayNanos) {
    if (shutdown) {
      throw new RejectedExecutionException("the host is closed");
    }
    Future<?>[] self = new Future<?>[1];
    synchronized (self) {
      self[0] =
          timer.schedule(
              () -> {
                synchronized (self) {
                  scheduled.remove(self[0]);
                }
                if (!shutdown) {
                  execute(task);
                }
              },
              delayNanos,
              TimeUnit.NANOSECONDS);
      scheduled.add(self[0]);
    }
  }

  private void run(Runnable task) {
    Thread current = Thread.currentThread();
    running.add(current);
    try {
      if (!shutdown) {
        task.run();
      }
    } finally {
      running.remove(current);
      // A cancelled handler may leave its pool thread interrupted: the next host's task must not
      // inherit that.
      Thread.interrupted();
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
    scheduled.forEach(future -> future.cancel(false));
    scheduled.clear();
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown();
    running.forEach(Thread::interrupt);
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && running.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (idle) {
      while (!isTerminated()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }
}
