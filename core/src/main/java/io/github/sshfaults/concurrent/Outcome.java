package io.github.sshfaults.concurrent;

import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.concurrent.internal.RootCauseFirst;
import io.github.sshfaults.internal.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of one attempt of one task: the value it returned or what it threw, classified, with
 * the target, the worker thread, when it started and how long it took. Immutable.
 *
 * <pre>{@code
 * for (Outcome<FakeSshHost, String> outcome : report.outcomes()) {
 *   if (outcome.isSuccess()) {
 *     System.out.println(outcome.targetName() + ": " + outcome.value());
 *   } else {
 *     System.out.println(outcome.targetName() + " failed: " + outcome.kind().orElseThrow());
 *   }
 * }
 * }</pre>
 *
 * @param <T> the type of the target
 * @param <R> the type of the value a successful task returns
 */
public final class Outcome<T, R> {

  /** How an attempt ended. */
  public enum Status {
    /** The task returned a value. */
    SUCCEEDED,
    /** The task threw; {@link #failure()} says what. */
    FAILED,
    /**
     * The task was still running at its deadline (the task's or the run's): it was reported with
     * its thread's stack trace, interrupted, and its client closed. Kind {@link
     * FailureKind#TIMEOUT}.
     */
    HUNG,
    /** The run's deadline passed before a thread was free to start the task. Kind TIMEOUT. */
    NOT_STARTED
  }

  private final int index;
  private final T target;
  private final String targetName;
  private final int attempt;
  private final Status status;
  private final R value;
  private final Throwable failure;
  private final FailureKind kind;
  private final String threadName;
  private final Instant start;
  private final Duration duration;

  private Outcome(
      int index,
      T target,
      String targetName,
      int attempt,
      Status status,
      R value,
      Throwable failure,
      FailureKind kind,
      String threadName,
      Instant start,
      Duration duration) {
    this.index = index;
    this.target = target;
    this.targetName = targetName;
    this.attempt = attempt;
    this.status = status;
    this.value = value;
    this.failure = failure;
    this.kind = kind;
    this.threadName = threadName;
    this.start = start;
    this.duration = duration;
  }

  static <T, R> Outcome<T, R> succeeded(
      int index, T target, int attempt, R value, String thread, Instant start, Duration duration) {
    return new Outcome<>(
        index,
        target,
        nameOf(target),
        attempt,
        Status.SUCCEEDED,
        value,
        null,
        null,
        thread,
        start,
        duration);
  }

  static <T, R> Outcome<T, R> failed(
      int index,
      T target,
      int attempt,
      Status status,
      Throwable failure,
      FailureKind kind,
      String thread,
      Instant start,
      Duration duration) {
    return new Outcome<>(
        index,
        target,
        nameOf(target),
        attempt,
        status,
        null,
        failure,
        kind,
        thread,
        start,
        duration);
  }

  /** How reports name a target: its display name if it is an {@link SshTarget}. */
  static String nameOf(Object target) {
    return target instanceof SshTarget sshTarget ? sshTarget.displayName() : String.valueOf(target);
  }

  /** The position of the task's target in the list given to {@link ConcurrentSsh}, from 0. */
  public int index() {
    return index;
  }

  /** The target the task ran for. */
  public T target() {
    return target;
  }

  /** The target's name in reports: its {@link SshTarget#displayName()}, else its string form. */
  public String targetName() {
    return targetName;
  }

  /** Which attempt of the task this was, from 1; above 1 only with a {@link RetryPolicy}. */
  public int attempt() {
    return attempt;
  }

  /** How the attempt ended. */
  public Status status() {
    return status;
  }

  /** Whether the task returned a value. */
  public boolean isSuccess() {
    return status == Status.SUCCEEDED;
  }

  /** Whether the task did not return a value: it failed, hung, or never started. */
  public boolean isFailure() {
    return status != Status.SUCCEEDED;
  }

  /** Whether the task was still running at its deadline. */
  public boolean isHung() {
    return status == Status.HUNG;
  }

  /**
   * The value the task returned (possibly null).
   *
   * @throws IllegalStateException when the task did not succeed; its cause is the failure
   */
  public R value() {
    if (!isSuccess()) {
      throw new IllegalStateException(
          "The task on " + targetName + " did not succeed: " + message(), failure);
    }
    return value;
  }

  /**
   * What the task threw, untouched (cause chain included); for hung and unstarted tasks, a {@link
   * DeadlineExceededException}. Empty for successes.
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The failure's kind; empty for successes. */
  public Optional<FailureKind> kind() {
    return Optional.ofNullable(kind);
  }

  /** The name of the worker thread that ran the attempt; empty if it never started. */
  public String threadName() {
    return threadName;
  }

  /** When the attempt started; for an attempt that never started, when it was given up. */
  public Instant start() {
    return start;
  }

  /** How long the attempt ran (until its deadline, for a hung one); zero if it never started. */
  public Duration duration() {
    return duration;
  }

  /**
   * About the attempt: the value for a success; for a failure, the root cause first, its simple
   * class name and message, then the exceptions that wrap it, innermost first: {@code
   * ConnectException: Connection refused (in SshException: DefaultConnectFuture[...]: Failed ...)}.
   * A wrapper's message that only repeats its cause is left out: {@code ConnectException:
   * Connection refused (in JSchException)}.
   */
  public String message() {
    return failure == null ? String.valueOf(value) : RootCauseFirst.describe(failure);
  }

  /** {@link #message()} on one line of at most {@code max} characters, wrappers cut first. */
  String message(int max) {
    return failure == null
        ? Text.oneLine(String.valueOf(value), max)
        : RootCauseFirst.describe(failure, max);
  }

  @Override
  public String toString() {
    return targetName
        + (attempt > 1 ? " (attempt " + attempt + ")" : "")
        + " "
        + status
        + (kind != null ? " " + kind : "")
        + " in "
        + duration.toMillis()
        + " ms on "
        + (threadName.isEmpty() ? "no thread" : threadName)
        + ": "
        + message(200);
  }
}
