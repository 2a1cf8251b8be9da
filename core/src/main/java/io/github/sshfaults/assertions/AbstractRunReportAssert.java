package io.github.sshfaults.assertions;

import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link RunReport}, for extension; use {@link RunReportAssert}. Every failure
 * message ends with the run's summary and table.
 *
 * @param <SELF> the concrete assertion type
 * @param <T> the type of the targets
 * @param <R> the type of the values
 */
public abstract class AbstractRunReportAssert<
        SELF extends AbstractRunReportAssert<SELF, T, R>, T, R>
    extends AbstractAssert<SELF, RunReport<T, R>> {

  private static final String NL = System.lineSeparator();

  /** Creates assertions on {@code actual}. */
  protected AbstractRunReportAssert(RunReport<T, R> actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that every task succeeded (in the end, after any retries). */
  public SELF allSucceeded() {
    isNotNull();
    List<Outcome<T, R>> failures = actual.failures();
    if (!failures.isEmpty()) {
      fail(
          "Expecting every task to succeed, but " + count(failures.size(), "task") + " did not:",
          failures);
    }
    return myself;
  }

  /**
   * Verifies that the run had tasks for {@code target} and that each of them succeeded.
   *
   * @param target a target as passed to the run (compared with {@code equals})
   */
  public SELF succeededOn(T target) {
    List<Outcome<T, R>> on = outcomesOn(target);
    List<Outcome<T, R>> failed = on.stream().filter(Outcome::isFailure).toList();
    if (!failed.isEmpty()) {
      fail("Expecting the task on " + name(target) + " to succeed, but:", failed);
    }
    return myself;
  }

  /** Verifies that the run had tasks for {@code target} and that none of them succeeded. */
  public SELF failedOn(T target) {
    List<Outcome<T, R>> on = outcomesOn(target);
    List<Outcome<T, R>> succeeded = on.stream().filter(Outcome::isSuccess).toList();
    if (!succeeded.isEmpty()) {
      fail("Expecting the task on " + name(target) + " to fail, but it succeeded:", succeeded);
    }
    return myself;
  }

  /**
   * Verifies that the run had tasks for {@code target} and that each of them ended with a failure
   * of {@code kind}.
   */
  public SELF failedOn(T target, FailureKind kind) {
    Objects.requireNonNull(kind, "failure kind must not be null");
    List<Outcome<T, R>> on = outcomesOn(target);
    List<Outcome<T, R>> other = on.stream().filter(o -> o.kind().orElse(null) != kind).toList();
    if (!other.isEmpty()) {
      fail("Expecting the task on " + name(target) + " to fail with " + kind + ", but:", other);
    }
    return myself;
  }

  /** Verifies that exactly {@code count} tasks ended with a failure of {@code kind}. */
  public SELF hasFailuresOfKind(FailureKind kind, int count) {
    Objects.requireNonNull(kind, "failure kind must not be null");
    isNotNull();
    List<Outcome<T, R>> ofKind = actual.failures(kind);
    if (ofKind.size() != count) {
      fail(
          "Expecting "
              + count(count, "task")
              + " to fail with "
              + kind
              + ", but "
              + ofKind.size()
              + " did:",
          ofKind);
    }
    return myself;
  }

  /** Verifies that the run has exactly {@code count} tasks (one final outcome each). */
  public SELF hasOutcomeCount(int count) {
    isNotNull();
    if (actual.outcomes().size() != count) {
      fail(
          "Expecting "
              + count(count, "outcome")
              + ", but there were "
              + actual.outcomes().size()
              + ".",
          List.of());
    }
    return myself;
  }

  /**
   * Verifies that no attempt was still running at its deadline; the message shows each hung
   * thread's stack trace.
   */
  public SELF noneHung() {
    isNotNull();
    List<Outcome<T, R>> hung = actual.hung();
    if (!hung.isEmpty()) {
      StringBuilder traces = new StringBuilder();
      for (Outcome<T, R> outcome : hung) {
        traces
            .append(NL)
            .append(outcome.targetName())
            .append(" on ")
            .append(outcome.threadName())
            .append(':')
            .append(NL)
            .append(Traces.of(outcome.failure().orElseThrow()));
      }
      failWithMessage(
          "%s",
          "Expecting no task to hang, but "
              + count(hung.size(), "attempt")
              + " did:"
              + traces
              + NL
              + NL
              + actual);
    }
    return myself;
  }

  /**
   * Verifies that the run finished every task before its deadline and took at most {@code limit},
   * cleanup included.
   */
  public SELF completedWithin(Duration limit) {
    Objects.requireNonNull(limit, "limit must not be null");
    isNotNull();
    if (actual.deadlineReached() || actual.elapsed().compareTo(limit) > 0) {
      failWithMessage(
          "%s",
          "Expecting the run to complete within "
              + limit.toMillis()
              + " ms, but it "
              + (actual.deadlineReached() ? "reached its deadline after " : "took ")
              + actual.elapsed().toMillis()
              + " ms."
              + NL
              + NL
              + actual);
    }
    return myself;
  }

  /** Verifies that every worker thread of the run had stopped when it returned. */
  public SELF leftNoThreads() {
    isNotNull();
    if (!actual.leakedThreads().isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting every worker thread to have stopped, but these are still running: "
              + actual.leakedThreads()
              + NL
              + NL
              + actual);
    }
    return myself;
  }

  private List<Outcome<T, R>> outcomesOn(T target) {
    isNotNull();
    List<Outcome<T, R>> on = actual.outcomesOn(target);
    if (on.isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting a task on " + name(target) + ", but the run had none." + NL + NL + actual);
    }
    return on;
  }

  private void fail(String expectation, List<Outcome<T, R>> culprits) {
    StringBuilder message = new StringBuilder(expectation);
    for (Outcome<T, R> outcome : culprits) {
      message.append(NL).append("  ").append(outcome);
    }
    failWithMessage("%s", message.append(NL).append(NL).append(actual));
  }

  private static String name(Object target) {
    return target instanceof SshTarget sshTarget ? sshTarget.displayName() : String.valueOf(target);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
