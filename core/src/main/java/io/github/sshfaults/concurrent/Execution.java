package io.github.sshfaults.concurrent;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.concurrent.internal.Classification;
import io.github.sshfaults.internal.NamedThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link ConcurrentSsh}: the worker pool, the per-thread clients, and the coordinator
 * (the calling thread) that records outcomes, enforces deadlines and schedules retries.
 *
 * <p>Only the coordinator touches the outcome lists, the in-flight set and the retry queue. Workers
 * talk to it through {@link #events}. Each {@link Attempt} moves through its states under its own
 * lock, so that exactly one of "the worker finished it" and "the coordinator declared it hung" (or
 * "abandoned it unstarted") happens, and the interrupt of a hung attempt can never reach the next
 * attempt of the same thread.
 */
final class Execution<C, T, R> {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentSsh.class);

  private enum State {
    QUEUED,
    RUNNING,
    FINISHED,
    HUNG,
    ABANDONED
  }

  private final RunSettings config;
  private final String runName;
  private final List<T> targets;
  private final ClientFactory<C> clients;
  private final SshClientTask<? super C, ? super T, ? extends R> task;

  /** Attempts that started or finished: wakes the coordinator. */
  private final BlockingQueue<Attempt> events = new LinkedBlockingQueue<>();

  private final Map<Thread, ClientSlot> slotsByThread = new ConcurrentHashMap<>();
  private final Queue<ClientSlot> allSlots = new ConcurrentLinkedQueue<>();
  private final Queue<Thread> workers = new ConcurrentLinkedQueue<>();

  // The coordinator's own state.
  private final List<List<Outcome<T, R>>> attemptsByTask = new ArrayList<>();

  /** Submitted, not yet recorded. */
  private final Set<Attempt> inFlight = new LinkedHashSet<>();

  /** The attempts of {@link #inFlight} known to have started: at most one per thread. */
  private final Set<Attempt> running = new LinkedHashSet<>();

  private final PriorityQueue<Attempt> retries =
      new PriorityQueue<>(Comparator.comparingLong((Attempt a) -> a.dueNanos));
  private int unfinished;
  private long deadlineNanos;

  /** Set at the run's deadline: from then on no attempt starts. */
  private volatile boolean expired;

  private ThreadPoolExecutor pool;

  Execution(
      RunSettings config,
      String runName,
      List<T> targets,
      ClientFactory<C> clients,
      SshClientTask<? super C, ? super T, ? extends R> task) {
    this.config = config;
    this.runName = runName;
    this.targets = targets;
    this.clients = clients;
    this.task = task;
  }

  RunReport<T, R> run() {
    Instant startedAt = Instant.now();
    long startNanos = System.nanoTime();
    deadlineNanos = startNanos + config.runDeadline().toNanos();
    for (int i = 0; i < targets.size(); i++) {
      attemptsByTask.add(new ArrayList<>(1));
    }
    int threads = Math.max(1, Math.min(config.threads(), targets.size()));
    LOG.debug("Run {}: {} tasks on {} threads, {}", runName, targets.size(), threads, config);
    ThreadFactory names = new NamedThreadFactory("sshfaults-" + runName + "-worker");
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread worker = names.newThread(runnable);
              workers.add(worker);
              return worker;
            });
    boolean deadlineReached;
    List<String> leaked;
    try {
      for (int i = 0; i < targets.size(); i++) {
        submit(new Attempt(i, 1, targets.get(i)));
      }
      unfinished = targets.size();
      deadlineReached = coordinate();
    } finally {
      leaked = shutDown();
    }
    RunReport<T, R> report =
        new RunReport<>(
            runName,
            startedAt,
            Duration.ofNanos(System.nanoTime() - startNanos),
            attemptsByTask,
            deadlineReached,
            leaked);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}", report.summary());
    }
    return report;
  }

  /** Waits for events and deadlines until every task is done; true if the run deadline ended it. */
  private boolean coordinate() {
    Duration taskDeadline = config.taskDeadline();
    while (unfinished > 0) {
      long now = System.nanoTime();
      if (taskDeadline != null) {
        for (Attempt attempt : List.copyOf(running)) {
          if (now - attempt.startNanos - taskDeadline.toNanos() >= 0) {
            hang(attempt, now, "task deadline of " + taskDeadline);
          }
        }
      }
      while (!retries.isEmpty() && now - retries.peek().dueNanos >= 0) {
        submit(retries.poll());
      }
      if (unfinished == 0) {
        return false;
      }
      if (now - deadlineNanos >= 0) {
        expire(now);
        return true;
      }
      long wake = deadlineNanos;
      if (taskDeadline != null) {
        for (Attempt attempt : running) {
          wake = earlier(wake, attempt.startNanos + taskDeadline.toNanos());
        }
      }
      if (!retries.isEmpty()) {
        wake = earlier(wake, retries.peek().dueNanos);
      }
      try {
        drain(events.poll(Math.max(0, wake - now), TimeUnit.NANOSECONDS));
      } catch (InterruptedException e) {
        // The caller gave up: end the run now, as at its deadline, and tell the caller after
        // cleanup.
        Thread.currentThread().interrupt();
        expire(System.nanoTime());
        return true;
      }
    }
    return false;
  }

  private static long earlier(long a, long b) {
    return a - b <= 0 ? a : b;
  }

  /** Takes in {@code first} and the other queued events: attempts that started or finished. */
  private void drain(Attempt first) {
    for (Attempt next = first; next != null; next = events.poll()) {
      if (!inFlight.contains(next)) {
        continue;
      }
      if (next.isFinished()) {
        finished(next);
      } else if (next.isRunning()) {
        running.add(next);
      }
    }
  }

  private void submit(Attempt attempt) {
    inFlight.add(attempt);
    pool.execute(() -> work(attempt));
  }

  /** Runs one attempt on a worker thread. */
  private void work(Attempt attempt) {
    Thread me = Thread.currentThread();
    synchronized (attempt) {
      if (attempt.state != State.QUEUED || expired) {
        return;
      }
      attempt.state = State.RUNNING;
      attempt.thread = me;
      attempt.start = Instant.now();
      attempt.startNanos = System.nanoTime();
      if (clients != null) {
        attempt.slot = slotsByThread.computeIfAbsent(me, thread -> newSlot());
      }
    }
    events.add(attempt);
    R value = null;
    Throwable failure = null;
    try {
      C client = attempt.slot == null ? null : attempt.slot.client();
      value = task.run(client, attempt.target);
    } catch (Throwable t) {
      failure = t;
    }
    long end = System.nanoTime();
    synchronized (attempt) {
      if (attempt.state == State.RUNNING) {
        attempt.state = State.FINISHED;
        attempt.value = value;
        attempt.failure = failure;
        attempt.endNanos = end;
        events.add(attempt);
      } else {
        // Reported hung already; the interrupt was meant for this attempt, not the next one.
        Thread.interrupted();
      }
    }
  }

  private void finished(Attempt attempt) {
    Duration took = Duration.ofNanos(attempt.endNanos - attempt.startNanos);
    String thread = attempt.thread.getName();
    Outcome<T, R> outcome =
        attempt.failure == null
            ? Outcome.succeeded(
                attempt.task,
                attempt.target,
                attempt.number,
                attempt.value,
                thread,
                attempt.start,
                took)
            : Outcome.failed(
                attempt.task,
                attempt.target,
                attempt.number,
                Outcome.Status.FAILED,
                attempt.failure,
                Classification.classify(attempt.failure, config.classifier()),
                thread,
                attempt.start,
                took);
    record(attempt, outcome, attempt.endNanos);
  }

  /**
   * Reports a running attempt as hung, interrupts it and closes its client; false if not running.
   */
  private boolean hang(Attempt attempt, long now, String deadline) {
    Thread thread;
    StackTraceElement[] stack;
    ClientSlot slot;
    synchronized (attempt) {
      if (attempt.state != State.RUNNING) {
        return false;
      }
      attempt.state = State.HUNG;
      thread = attempt.thread;
      stack = thread.getStackTrace();
      thread.interrupt();
      slot = attempt.slot;
      if (slot != null) {
        // The thread gets a new client for its next task, if it ever gets free.
        slotsByThread.remove(thread, slot);
      }
    }
    if (slot != null) {
      slot.close();
    }
    Duration ran = Duration.ofNanos(now - attempt.startNanos);
    DeadlineExceededException hung =
        new DeadlineExceededException(
            "still running after "
                + ran.toMillis()
                + " ms, past the "
                + deadline
                + "; stack trace of "
                + thread.getName()
                + " at that moment; then interrupted"
                + (slot != null ? " and its client closed" : ""),
            stack);
    LOG.debug(
        "Run {}: task on {} hung on {}", runName, Outcome.nameOf(attempt.target), thread.getName());
    record(
        attempt,
        Outcome.failed(
            attempt.task,
            attempt.target,
            attempt.number,
            Outcome.Status.HUNG,
            hung,
            FailureKind.TIMEOUT,
            thread.getName(),
            attempt.start,
            ran),
        now);
    return true;
  }

  /** Ends the run at its deadline: running attempts hang, queued ones are given up. */
  private void expire(long now) {
    expired = true;
    drain(events.poll());
    for (Attempt attempt : List.copyOf(inFlight)) {
      if (!hang(attempt, now, "run deadline of " + config.runDeadline())) {
        abandon(attempt);
      }
    }
    // Attempts that finished while we were expiring the others.
    drain(events.poll());
    // Retries not yet due: their task ends with the failure of its last attempt.
    unfinished -= retries.size();
    retries.clear();
  }

  private void abandon(Attempt attempt) {
    synchronized (attempt) {
      if (attempt.state != State.QUEUED) {
        return;
      }
      attempt.state = State.ABANDONED;
    }
    DeadlineExceededException notStarted =
        new DeadlineExceededException(
            "not started: every worker thread was busy until the run deadline of "
                + config.runDeadline(),
            new StackTraceElement[0]);
    record(
        attempt,
        Outcome.failed(
            attempt.task,
            attempt.target,
            attempt.number,
            Outcome.Status.NOT_STARTED,
            notStarted,
            FailureKind.TIMEOUT,
            "",
            Instant.now(),
            Duration.ZERO),
        System.nanoTime());
  }

  private void record(Attempt attempt, Outcome<T, R> outcome, long now) {
    inFlight.remove(attempt);
    running.remove(attempt);
    attemptsByTask.get(attempt.task).add(outcome);
    LOG.debug("Run {}: {}", runName, outcome);
    FailureKind kind = outcome.kind().orElse(null);
    if (kind != null && outcome.status() != Outcome.Status.NOT_STARTED) {
      RetryPolicy retry = config.retryPolicy();
      if (retry.retries(kind, attempt.number)) {
        Attempt next = new Attempt(attempt.task, attempt.number + 1, attempt.target);
        next.dueNanos = now + retry.delayBefore(next.number).toNanos();
        if (next.dueNanos - deadlineNanos < 0) {
          retries.add(next);
          return;
        }
      }
    }
    unfinished--;
  }

  /** Stops the workers and closes every client, waiting a bounded time; the threads still alive. */
  private List<String> shutDown() {
    pool.shutdownNow();
    for (ClientSlot slot : allSlots) {
      slot.close();
    }
    // A caller interrupted before the cleanup still gets it (bounded); one interrupted during it
    // stops waiting. Either way the interrupt is restored.
    boolean interrupted = Thread.interrupted();
    boolean waiting = true;
    long until = System.nanoTime() + config.cleanupTimeout().toNanos();
    List<String> alive = new ArrayList<>();
    for (Thread worker : workers) {
      long left = until - System.nanoTime();
      try {
        if (waiting && left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(worker, left);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        waiting = false;
      }
      if (worker.isAlive()) {
        alive.add(worker.getName());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!alive.isEmpty()) {
      LOG.warn(
          "Run {}: worker threads {} ignored interruption and the closing of their clients;"
              + " they are still running",
          runName,
          alive);
    }
    return alive;
  }

  private ClientSlot newSlot() {
    ClientSlot slot = new ClientSlot();
    allSlots.add(slot);
    return slot;
  }

  /** One attempt of one task. Fields written by the worker are read by the coordinator after it. */
  private final class Attempt {
    final int task;
    final int number;
    final T target;
    long dueNanos;

    // Guarded by this attempt's lock; published to the coordinator by the lock or the event queue.
    State state = State.QUEUED;
    Thread thread;
    Instant start;
    volatile long startNanos;
    ClientSlot slot;
    R value;
    Throwable failure;
    long endNanos;

    Attempt(int task, int number, T target) {
      this.task = task;
      this.number = number;
      this.target = target;
    }

    synchronized boolean isRunning() {
      return state == State.RUNNING;
    }

    synchronized boolean isFinished() {
      return state == State.FINISHED;
    }
  }

  /**
   * The client of one worker thread: created on first use, closed once, possibly by another thread
   * (the coordinator, when a task hangs or the run ends) while the owner is still creating it.
   */
  private final class ClientSlot {
    private C client;
    private boolean created;
    private boolean closed;

    C client() throws Exception {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("The client of this thread was closed at a deadline");
        }
        if (created) {
          return client;
        }
      }
      C made = clients.create();
      if (made == null) {
        throw new NullPointerException("The client factory returned null");
      }
      boolean keep;
      synchronized (this) {
        keep = !closed;
        if (keep) {
          client = made;
          created = true;
        }
      }
      if (!keep) {
        closeQuietly(made);
        throw new IllegalStateException("The client of this thread was closed at a deadline");
      }
      return made;
    }

    void close() {
      C toClose;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        toClose = client;
        client = null;
      }
      if (toClose != null) {
        closeQuietly(toClose);
      }
    }

    private void closeQuietly(C made) {
      try {
        clients.close(made);
      } catch (Exception e) {
        LOG.debug("Run {}: closing client {} failed", runName, made, e);
      }
    }
  }
}
