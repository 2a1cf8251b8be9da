package io.github.sshfaults.docs.guide;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worked example's second runner: a bounded pool of named threads; tasks throw, and the calling
 * thread classifies what each future holds as the futures complete.
 */
final class PooledFleet {

  private static final Logger LOG = LoggerFactory.getLogger(PooledFleet.class);

  /** How long cancelled tasks may take to end: their clients' own timeouts. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private PooledFleet() {}

  // tag::run[]
  static List<Outcome> run(List<Target> fleet, UptimeWorker worker, int threads, Duration deadline)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, named("fleet-worker-"));
    try {
      CompletionService<Integer> completed = new ExecutorCompletionService<>(pool);
      Map<Future<Integer>, Target> running = new LinkedHashMap<>();
      long end = System.nanoTime() + deadline.toNanos();
      for (Target target : fleet) {
        running.put(completed.submit(() -> worker.uptimeDays(target)), target);
      }

      List<Outcome> outcomes = new ArrayList<>();
      while (!running.isEmpty()) {
        Future<Integer> done = completed.poll(end - System.nanoTime(), NANOSECONDS);
        if (done == null) {
          break;   // deadline: whatever is still running is reported below
        }
        Target target = running.remove(done);
        try {
          outcomes.add(Outcome.ok(target, done.get()));
        } catch (ExecutionException e) {
          outcomes.add(Outcome.failed(target, e.getCause()));   // the task's own exception
        }
      }
      running.forEach(
          (future, target) -> {
            future.cancel(true);
            outcomes.add(Outcome.stillRunning(target, deadline));
          });
      return outcomes;
    } finally {
      pool.shutdownNow();
      if (!pool.awaitTermination(GRACE.toMillis(), MILLISECONDS)) {
        LOG.warn("Fleet workers still running {} after they were interrupted", GRACE);
      }
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> new Thread(task, prefix + count.incrementAndGet());
  }
  // end::run[]
}
