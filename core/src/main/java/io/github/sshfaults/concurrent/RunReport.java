package io.github.sshfaults.concurrent;

import static io.github.sshfaults.internal.Preconditions.notNegative;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ConcurrentSsh} run produced: one final {@link Outcome} per task, every
 * attempt, and views by kind, by target and by duration. Immutable.
 *
 * <pre>{@code
 * RunReport<FakeSshHost, String> report = runner.run(hosts, host -> uptime(host));
 * report.successes();                           // what worked
 * report.failures(FailureKind.AUTH);            // who rejected us
 * report.failuresByKind();                      // {AUTH=[...], CONNECT_REFUSED=[...]}
 * System.out.println(report);                   // a summary and a table, one row per attempt
 * }</pre>
 *
 * <p>The table reads (messages are cut to 72 characters, the root cause of a failure first):
 *
 * <pre>
 * target | outcome | kind            | message                                                 | thread                   | ms
 * web-1  | ok      |                 | exit 0, stdout "up 3 days\n"                            | sshfaults-run-4-worker-1 | 14
 * web-2  | failed  | AUTH            | JSchException: Auth fail for methods 'password'         | sshfaults-run-4-worker-2 | 11
 * web-3  | failed  | CONNECT_REFUSED | ConnectException: Connection refused (in JSchException) | sshfaults-run-4-worker-3 |  2
 * </pre>
 *
 * @param <T> the type of the targets
 * @param <R> the type of the values successful tasks return
 */
public final class RunReport<T, R> {

  private static final int MESSAGE_WIDTH = 72;

  private final String runName;
  private final Instant startedAt;
  private final Duration elapsed;
  private final List<Outcome<T, R>> attempts;
  private final List<Outcome<T, R>> outcomes;
  private final boolean deadlineReached;
  private final List<String> leakedThreads;

  RunReport(
      String runName,
      Instant startedAt,
      Duration elapsed,
      List<List<Outcome<T, R>>> attemptsByTask,
      boolean deadlineReached,
      List<String> leakedThreads) {
    this.runName = runName;
    this.startedAt = startedAt;
    this.elapsed = notNegative(elapsed, "elapsed");
    List<Outcome<T, R>> all = new ArrayList<>();
    List<Outcome<T, R>> last = new ArrayList<>();
    for (List<Outcome<T, R>> task : attemptsByTask) {
      all.addAll(task);
      last.add(task.get(task.size() - 1));
    }
    this.attempts = List.copyOf(all);
    this.outcomes = List.copyOf(last);
    this.deadlineReached = deadlineReached;
    this.leakedThreads = List.copyOf(leakedThreads);
  }

  /** The run's name, as in its worker threads' names. */
  public String runName() {
    return runName;
  }

  /** When the run started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** How long the run took, from start until every worker had stopped and every client closed. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * One outcome per task, in the order of the targets: the last attempt of each task. As many as
   * there were targets, whatever happened.
   */
  public List<Outcome<T, R>> outcomes() {
    return outcomes;
  }

  /** Every attempt of every task, in the order of the targets, then of the attempts. */
  public List<Outcome<T, R>> attempts() {
    return attempts;
  }

  /** The tasks that succeeded (in the end, after any retries). */
  public List<Outcome<T, R>> successes() {
    return outcomes.stream().filter(Outcome::isSuccess).toList();
  }

  /** The values the successful tasks returned, in the order of the targets. */
  public List<R> values() {
    List<R> values = new ArrayList<>();
    for (Outcome<T, R> outcome : outcomes) {
      if (outcome.isSuccess()) {
        values.add(outcome.value());
      }
    }
    return Collections.unmodifiableList(values);
  }

  /** The tasks that did not succeed: failed, hung or never started. */
  public List<Outcome<T, R>> failures() {
    return outcomes.stream().filter(Outcome::isFailure).toList();
  }

  /** The tasks that ended with a failure of {@code kind}. */
  public List<Outcome<T, R>> failures(FailureKind kind) {
    Objects.requireNonNull(kind, "failure kind must not be null");
    return outcomes.stream().filter(o -> o.kind().orElse(null) == kind).toList();
  }

  /** The failed tasks grouped by kind, kinds in declaration order; only kinds that occurred. */
  public Map<FailureKind, List<Outcome<T, R>>> failuresByKind() {
    Map<FailureKind, List<Outcome<T, R>>> byKind = new EnumMap<>(FailureKind.class);
    for (Outcome<T, R> outcome : outcomes) {
      outcome.kind().ifPresent(k -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(outcome));
    }
    byKind.replaceAll((kind, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(byKind);
  }

  /** The final outcomes of the tasks for {@code target} (one per time it appears in the list). */
  public List<Outcome<T, R>> outcomesOn(T target) {
    return outcomes.stream().filter(o -> Objects.equals(o.target(), target)).toList();
  }

  /** The final outcomes grouped by target, targets in order of first appearance. */
  public Map<T, List<Outcome<T, R>>> byTarget() {
    Map<T, List<Outcome<T, R>>> byTarget = new LinkedHashMap<>();
    for (Outcome<T, R> outcome : outcomes) {
      byTarget.computeIfAbsent(outcome.target(), t -> new ArrayList<>()).add(outcome);
    }
    byTarget.replaceAll((target, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(byTarget);
  }

  /** Every attempt that was still running at its deadline, with its thread's stack trace. */
  public List<Outcome<T, R>> hung() {
    return attempts.stream().filter(Outcome::isHung).toList();
  }

  /** The {@code n} longest attempts, longest first. */
  public List<Outcome<T, R>> slowest(int n) {
    return attempts.stream()
        .sorted(Comparator.comparing((Outcome<T, R> o) -> o.duration()).reversed())
        .limit(notNegative(n, "n of slowest(n)"))
        .toList();
  }

  /** Whether the run's deadline ended it before every task was done. */
  public boolean deadlineReached() {
    return deadlineReached;
  }

  /**
   * The worker threads still alive after the run: threads whose task ignored both interruption and
   * the closing of its client. Empty when the run cleaned up completely, as it should.
   */
  public List<String> leakedThreads() {
    return leakedThreads;
  }

  /**
   * One line: counts of tasks, successes, failures by kind, hung attempts, and the elapsed time.
   */
  public String summary() {
    StringBuilder summary =
        new StringBuilder("run ")
            .append(runName)
            .append(": ")
            .append(outcomes.size())
            .append(outcomes.size() == 1 ? " task, " : " tasks, ")
            .append(successes().size())
            .append(" succeeded, ")
            .append(failures().size())
            .append(" failed");
    Map<FailureKind, List<Outcome<T, R>>> byKind = failuresByKind();
    if (!byKind.isEmpty()) {
      StringBuilder kinds = new StringBuilder();
      byKind.forEach(
          (kind, list) ->
              kinds
                  .append(kinds.length() == 0 ? "" : ", ")
                  .append(kind)
                  .append(' ')
                  .append(list.size()));
      summary.append(" (").append(kinds).append(')');
    }
    if (attempts.size() > outcomes.size()) {
      summary.append(", ").append(attempts.size()).append(" attempts");
    }
    summary.append(", ").append(hung().size()).append(" hung");
    if (deadlineReached) {
      summary.append(", deadline reached");
    }
    if (!leakedThreads.isEmpty()) {
      summary.append(", threads still alive: ").append(leakedThreads);
    }
    return summary.append(", ").append(elapsed.toMillis()).append(" ms").toString();
  }

  /**
   * The attempts as a table, one row each: {@code target | outcome | kind | message | thread | ms}.
   * Messages are cut to one line of at most 72 characters; a failure's shows its root cause first
   * and then the exceptions wrapping it, cut first ({@link Outcome#message()}).
   */
  public String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"target", "outcome", "kind", "message", "thread", "ms"});
    for (Outcome<T, R> outcome : attempts) {
      rows.add(
          new String[] {
            outcome.targetName()
                + (outcome.attempt() > 1 ? " (attempt " + outcome.attempt() + ")" : ""),
            label(outcome.status()),
            outcome.kind().map(Enum::name).orElse(""),
            outcome.message(MESSAGE_WIDTH),
            outcome.threadName(),
            Long.toString(outcome.duration().toMillis())
          });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        boolean number = i == row.length - 1;
        String cell = number ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
        table.append(i == 0 ? "" : " | ").append(cell);
      }
      table.append(System.lineSeparator());
    }
    return table.toString();
  }

  private static String label(Outcome.Status status) {
    return switch (status) {
      case SUCCEEDED -> "ok";
      case FAILED -> "failed";
      case HUNG -> "hung";
      case NOT_STARTED -> "not started";
    };
  }

  private static String pad(String cell, int width, boolean right) {
    String padding = " ".repeat(width - cell.length());
    return right ? padding + cell : cell + padding;
  }

  /** The {@link #summary()} and the {@link #table()}. */
  @Override
  public String toString() {
    return summary() + System.lineSeparator() + table();
  }
}
