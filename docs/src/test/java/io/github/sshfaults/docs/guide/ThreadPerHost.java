package io.github.sshfaults.docs.guide;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worked example's first runner: one thread per host, each with its own client, each putting
 * its outcome into a shared queue.
 */
final class ThreadPerHost {

  private static final Logger LOG = LoggerFactory.getLogger(ThreadPerHost.class);

  /** How long a thread interrupted at the deadline may take to end: its client's own timeouts. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private ThreadPerHost() {}

  // tag::run[]
  static List<Outcome> run(List<Target> fleet, UptimeWorker worker, Duration deadline)
      throws InterruptedException {
    BlockingQueue<Outcome> results = new LinkedBlockingQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (Target target : fleet) {
      Thread thread =
          new Thread(() -> results.add(outcomeOf(target, worker)), "uptime-" + target.name());
      threads.add(thread);
      thread.start();
    }

    long end = System.nanoTime() + deadline.toNanos();
    for (Thread thread : threads) {
      // join(0) would wait forever: always pass at least one millisecond.
      thread.join(Math.max(1, NANOSECONDS.toMillis(end - System.nanoTime())));
    }
    List<Outcome> outcomes = new ArrayList<>();
    results.drainTo(outcomes);

    Set<String> reported = outcomes.stream().map(Outcome::host).collect(Collectors.toSet());
    for (int i = 0; i < fleet.size(); i++) {
      if (!reported.contains(fleet.get(i).name())) {
        outcomes.add(Outcome.stillRunning(fleet.get(i), deadline));
        stop(threads.get(i));
      }
    }
    return outcomes;
  }

  /** Runs in the host's own thread: every failure becomes an outcome, nothing escapes. */
  private static Outcome outcomeOf(Target target, UptimeWorker worker) {
    try {
      return Outcome.ok(target, worker.uptimeDays(target));
    } catch (Exception e) {
      return Outcome.failed(target, e);
    }
  }
  // end::run[]

  private static void stop(Thread thread) throws InterruptedException {
    thread.interrupt();
    thread.join(GRACE.toMillis());
    if (thread.isAlive()) {
      LOG.warn("{} is still running {} after it was interrupted", thread.getName(), GRACE);
    }
  }
}
