package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.FakeSshHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Starts the hosts of a fleet a few at a time: they are independent, and a host's start is partly
 * waiting. All or nothing: when one fails to start, every host started is closed, and every failure
 * is kept. Its threads end before {@link #start} returns (or, if one is stuck, it is reported and
 * interrupted, and closes whatever it still starts).
 */
final class FleetStart {

  /** How long a whole fleet may take to start; a thousand hosts take a few seconds. */
  static final Duration BOUND = Duration.ofMinutes(2);

  /** At most this many hosts start at the same time. */
  private static final int MAX_THREADS = 8;

  private final String fleet;
  private final FakeSshHost[] started;
  private boolean abandoned;

  private FleetStart(String fleet, int size) {
    this.fleet = fleet;
    this.started = new FakeSshHost[size];
  }

  /**
   * Starts {@code size} hosts, host {@code i} (from 0) by {@code startOne.apply(i)}, and returns
   * them in that order.
   *
   * @throws IllegalStateException naming the fleet when a host fails to start (its failure the
   *     cause, the others' suppressed), when starting takes longer than {@link #BOUND} (with the
   *     stuck threads' stacks), or when the calling thread is interrupted
   */
  static List<FakeSshHost> start(String fleet, int size, IntFunction<FakeSshHost> startOne) {
    return new FleetStart(fleet, size).run(startOne);
  }

  private List<FakeSshHost> run(IntFunction<FakeSshHost> startOne) {
    int threads =
        Math.min(
            started.length, Math.min(MAX_THREADS, 2 * Runtime.getRuntime().availableProcessors()));
    List<Thread> workers = new CopyOnWriteArrayList<>();
    AtomicInteger index = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread worker =
                  new Thread(
                      task, "sshfaults-fleet-" + fleet + "-start-" + index.incrementAndGet());
              worker.setDaemon(true);
              workers.add(worker);
              return worker;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(started.length);
      for (int i = 0; i < started.length; i++) {
        int member = i;
        futures.add(pool.submit(() -> startMember(member, startOne)));
      }
      awaitAll(futures, workers);
      return List.of(started);
    } finally {
      pool.shutdownNow();
      awaitEnd(workers);
    }
  }

  // Bounded: a worker stuck in a start was reported above; it closes what it starts when it ends.
  private static void awaitEnd(List<Thread> workers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      for (Thread worker : workers) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(worker, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void startMember(int member, IntFunction<FakeSshHost> startOne) {
    synchronized (this) {
      if (abandoned) {
        return;
      }
    }
    FakeSshHost host = null;
    try {
      host = startOne.apply(member);
    } finally {
      synchronized (this) {
        if (host == null || abandoned) {
          abandoned = true; // a failure: start no more
          if (host != null) {
            host.close();
          }
        } else {
          started[member] = host;
        }
      }
    }
  }

  private void awaitAll(List<Future<?>> futures, List<Thread> workers) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    List<Throwable> failures = new ArrayList<>();
    try {
      for (Future<?> future : futures) {
        try {
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
    } catch (TimeoutException e) {
      IllegalStateException timeout =
          new IllegalStateException(
              "Starting the "
                  + started.length
                  + " hosts of fleet "
                  + fleet
                  + " took longer than "
                  + BOUND.toSeconds()
                  + " s; the threads still starting hosts are attached");
      for (Thread worker : workers) {
        if (worker.isAlive()) {
          IllegalStateException stuck = new IllegalStateException(worker.getName() + " was at");
          stuck.setStackTrace(worker.getStackTrace());
          timeout.addSuppressed(stuck);
        }
      }
      throw abandon(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw abandon(
          new IllegalStateException("Interrupted while starting the hosts of fleet " + fleet, e));
    }
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException(
              failures.size()
                  + " of the "
                  + started.length
                  + " hosts of fleet "
                  + fleet
                  + " failed to start (the rest were not started, or closed again)",
              failures.get(0));
      failures.subList(1, failures.size()).forEach(failure::addSuppressed);
      throw abandon(failure);
    }
  }

  /** Closes every host started, keeping close failures with {@code failure}, and returns it. */
  private RuntimeException abandon(RuntimeException failure) {
    List<FakeSshHost> toClose;
    synchronized (this) {
      abandoned = true;
      toClose = Arrays.stream(started).filter(host -> host != null).toList();
      Arrays.fill(started, null);
    }
    for (FakeSshHost host : toClose) {
      try {
        host.close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }
}
