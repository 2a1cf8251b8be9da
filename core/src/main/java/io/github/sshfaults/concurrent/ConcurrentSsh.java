package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.internal.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs an SSH task for each of many targets at once, on a bounded pool of named threads, and
 * returns every outcome, classified: the Java answer to the "many hosts, some failing" problem.
 *
 * <pre>{@code
 * ConcurrentSsh runner = ConcurrentSsh.create()
 *     .withThreads(16)
 *     .withTaskDeadline(Duration.ofSeconds(5));
 *
 * RunReport<FakeSshHost, CommandOutput> report = runner.run(
 *     List.of(good, locked, down),
 *     JschClientAdapter.factory(),                       // one client per worker thread
 *     (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 *
 * assertThat(report).succeededOn(good)
 *     .failedOn(locked, FailureKind.AUTH)
 *     .failedOn(down, FailureKind.CONNECT_REFUSED);
 * }</pre>
 *
 * <p>What a run guarantees:
 *
 * <ul>
 *   <li>Every task ends as exactly one final {@link Outcome} (plus one per earlier attempt when a
 *       {@link RetryPolicy} retries it): a value, or what the task threw, classified into a {@link
 *       FailureKind}, with target, thread name, start, duration and attempt number. An exception
 *       never overwrites another, and none escapes.
 *   <li>Worker threads are named {@code sshfaults-<run>-worker-<n>}; each owns the client its
 *       {@link ClientFactory} made, never shared.
 *   <li>Every run has a deadline (one minute unless changed), and each task optionally its own. A
 *       task still running at its deadline is reported as {@linkplain Outcome.Status#HUNG hung}
 *       with the stack trace of its thread, then interrupted and its client closed; the run returns
 *       at its deadline instead of hanging the test.
 *   <li>When the run returns, every client has been closed and every worker thread has stopped (or,
 *       if a task ignores both interruption and the closing of its client, is named in {@link
 *       RunReport#leakedThreads()}).
 * </ul>
 *
 * <p>Targets can be anything: fake hosts, {@link io.github.sshfaults.clients.SshTarget}s for other
 * addresses, plain indices ({@code IntStream.range(0, 200).boxed().toList()}). A target may appear
 * several times; each appearance is its own task.
 *
 * <p>A {@code ConcurrentSsh} is an immutable configuration: each {@code with...} method returns a
 * copy, and one instance can run any number of times, from any thread. It needs no JUnit.
 */
public final class ConcurrentSsh {

  /** The most worker threads a run may use. */
  public static final int MAX_THREADS = 1024;

  /** The longest deadline a run or task may have: longer is surely a mistake. */
  public static final Duration MAX_DEADLINE = Duration.ofDays(1);

  /** Numbers the runs of this JVM, so that threads of concurrent runs never share a name. */
  private static final AtomicLong RUNS = new AtomicLong();

  private final RunSettings settings;

  private ConcurrentSsh(RunSettings settings) {
    this.settings = settings;
  }

  /**
   * A runner with the defaults: 8 threads, a one-minute run deadline, no task deadline (tasks are
   * bounded by the run's), no retries, the built-in classification, 5 seconds for cleanup.
   */
  @CheckReturnValue
  public static ConcurrentSsh create() {
    return new ConcurrentSsh(RunSettings.DEFAULTS);
  }

  /**
   * A copy that uses at most {@code threads} worker threads (fewer when there are fewer tasks).
   *
   * @throws IllegalArgumentException when {@code threads} is not 1 to {@value #MAX_THREADS}
   */
  @CheckReturnValue
  public ConcurrentSsh withThreads(int threads) {
    inRange(threads, 1, MAX_THREADS, "threads");
    return with(draft -> draft.threads = threads);
  }

  /**
   * A copy whose runs end at {@code deadline} after they start: tasks still running are reported
   * hung, tasks not yet started are reported {@linkplain Outcome.Status#NOT_STARTED not started}.
   *
   * @throws IllegalArgumentException when {@code deadline} is zero, negative or above {@link
   *     #MAX_DEADLINE}
   */
  @CheckReturnValue
  public ConcurrentSsh withRunDeadline(Duration deadline) {
    checkDeadline(deadline, "run deadline");
    return with(draft -> draft.runDeadline = deadline);
  }

  /**
   * A copy in which each attempt of a task is reported hung, interrupted and its client closed once
   * it has run for {@code deadline}; the other tasks go on. A retry gets a new deadline.
   *
   * @throws IllegalArgumentException when {@code deadline} is zero, negative or above {@link
   *     #MAX_DEADLINE}
   */
  @CheckReturnValue
  public ConcurrentSsh withTaskDeadline(Duration deadline) {
    checkDeadline(deadline, "task deadline");
    return with(draft -> draft.taskDeadline = deadline);
  }

  /**
   * A copy that waits at most {@code timeout} at the end of a run for the worker threads to stop
   * after they were interrupted and their clients closed.
   *
   * @throws IllegalArgumentException when {@code timeout} is zero, negative or above {@link
   *     #MAX_DEADLINE}
   */
  @CheckReturnValue
  public ConcurrentSsh withCleanupTimeout(Duration timeout) {
    checkDeadline(timeout, "cleanup timeout");
    return with(draft -> draft.cleanupTimeout = timeout);
  }

  /**
   * A copy that retries failed tasks as {@code policy} says ({@link RetryPolicy#none()} to stop).
   */
  @CheckReturnValue
  public ConcurrentSsh withRetry(RetryPolicy policy) {
    notNull(policy, "retry policy");
    return with(draft -> draft.retryPolicy = policy);
  }

  /**
   * A copy that classifies failures with {@code classifier} before the built-in rules. Calls add
   * up: the classifier given first is asked first.
   */
  @CheckReturnValue
  public ConcurrentSsh withClassifier(FailureClassifier classifier) {
    notNull(classifier, "classifier");
    FailureClassifier earlier = settings.classifier();
    FailureClassifier combined = earlier == null ? classifier : earlier.orElse(classifier);
    return with(draft -> draft.classifier = combined);
  }

  /**
   * A copy whose runs and worker threads are named after {@code name}: threads read {@code
   * sshfaults-<name>-<n>-worker-<i>}, where {@code n} numbers the runs of the JVM.
   *
   * @throws IllegalArgumentException when {@code name} is blank or has white space
   */
  @CheckReturnValue
  public ConcurrentSsh withName(String name) {
    notBlank(name, "run name");
    check(!name.matches(".*\\s.*"), "run name must have no white space, but was \"" + name + "\"");
    return with(draft -> draft.name = name);
  }

  /**
   * A copy that hands every report to {@code listener} when its run ends, before {@code run}
   * returns it: to log outcome tables, or to keep them for a failure report (the JUnit extension
   * does this for the runners it injects). Calls add up: every listener given is called, in order.
   */
  @CheckReturnValue
  public ConcurrentSsh withReportListener(Consumer<? super RunReport<?, ?>> listener) {
    notNull(listener, "report listener");
    Consumer<? super RunReport<?, ?>> earlier = settings.reportListener();
    Consumer<RunReport<?, ?>> both =
        report -> {
          earlier.accept(report);
          listener.accept(report);
        };
    return with(draft -> draft.reportListener = both);
  }

  /**
   * Runs {@code task} for each target, concurrently, and returns when every task is done or the
   * run's deadline has passed, after closing everything.
   *
   * @param targets what to run the task for, in report order; may repeat; not null elements
   * @return one outcome per target (and one per extra attempt)
   * @throws NullPointerException when an argument or a target is null
   */
  public <T, R> RunReport<T, R> run(
      Collection<? extends T> targets, SshTask<? super T, ? extends R> task) {
    notNull(task, "task");
    return execute(targets, null, (client, target) -> task.run(target));
  }

  /**
   * Runs {@code task} for each target, concurrently, each worker thread with its own client from
   * {@code clients}; returns when every task is done or the run's deadline has passed, after
   * closing every client.
   *
   * @param targets what to run the task for, in report order; may repeat; not null elements
   * @param clients makes one client per worker thread
   * @return one outcome per target (and one per extra attempt)
   * @throws NullPointerException when an argument or a target is null
   */
  public <C, T, R> RunReport<T, R> run(
      Collection<? extends T> targets,
      ClientFactory<C> clients,
      SshClientTask<? super C, ? super T, ? extends R> task) {
    notNull(clients, "client factory");
    notNull(task, "task");
    return execute(targets, clients, task);
  }

  private <C, T, R> RunReport<T, R> execute(
      Collection<? extends T> targets,
      ClientFactory<C> clients,
      SshClientTask<? super C, ? super T, ? extends R> task) {
    notNull(targets, "targets");
    List<T> list = new ArrayList<>(targets.size());
    for (T target : targets) {
      list.add(notNull(target, "targets[" + list.size() + "]"));
    }
    String runName = settings.name() + "-" + RUNS.incrementAndGet();
    RunReport<T, R> report = new Execution<C, T, R>(settings, runName, list, clients, task).run();
    settings.reportListener().accept(report);
    return report;
  }

  private ConcurrentSsh with(Consumer<RunSettings.Draft> change) {
    return new ConcurrentSsh(settings.with(change));
  }

  private static void checkDeadline(Duration deadline, String what) {
    positive(deadline, what);
    check(
        deadline.compareTo(MAX_DEADLINE) <= 0,
        what + " must be at most " + MAX_DEADLINE + ", but was " + deadline);
  }

  /** What this runner is configured with; for the tests of this package. */
  RunSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
