package io.github.sshfaults.concurrent;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a {@link ConcurrentSsh} is configured with, as one immutable value: each of its {@code
 * with...} methods changes one field of a {@link Draft} and makes a new value of it, instead of
 * copying every field by hand. Validation stays in {@code ConcurrentSsh}, next to the Javadoc that
 * states it.
 *
 * @param name names the runs and their threads
 * @param threads the most worker threads a run uses
 * @param runDeadline how long a run may take
 * @param taskDeadline how long one attempt of a task may take; null when only the run's bounds it
 * @param cleanupTimeout how long the end of a run waits for the worker threads to stop
 * @param retryPolicy when a failed task is tried again
 * @param classifier the user's classifiers, asked before the built-in rules; null when none
 * @param reportListener sees every report as its run ends
 */
record RunSettings(
    String name,
    int threads,
    Duration runDeadline,
    Duration taskDeadline,
    Duration cleanupTimeout,
    RetryPolicy retryPolicy,
    FailureClassifier classifier,
    Consumer<? super RunReport<?, ?>> reportListener) {

  /** The settings of {@link ConcurrentSsh#create()}. */
  static final RunSettings DEFAULTS =
      new RunSettings(
          "run",
          8,
          Duration.ofMinutes(1),
          null,
          Duration.ofSeconds(5),
          RetryPolicy.none(),
          null,
          report -> {});

  /** A copy with what {@code change} sets on a draft of these settings. */
  RunSettings with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.settings();
  }

  /** The settings as {@code ConcurrentSsh.toString()} shows them. */
  @Override
  public String toString() {
    return "ConcurrentSsh["
        + name
        + ", "
        + threads
        + " threads, run deadline "
        + runDeadline
        + (taskDeadline == null ? "" : ", task deadline " + taskDeadline)
        + ", "
        + retryPolicy
        + "]";
  }

  /** A mutable copy of the settings, alive only inside {@link #with}. */
  static final class Draft {
    String name;
    int threads;
    Duration runDeadline;
    Duration taskDeadline;
    Duration cleanupTimeout;
    RetryPolicy retryPolicy;
    FailureClassifier classifier;
    Consumer<? super RunReport<?, ?>> reportListener;

    private Draft(RunSettings settings) {
      name = settings.name;
      threads = settings.threads;
      runDeadline = settings.runDeadline;
      taskDeadline = settings.taskDeadline;
      cleanupTimeout = settings.cleanupTimeout;
      retryPolicy = settings.retryPolicy;
      classifier = settings.classifier;
      reportListener = settings.reportListener;
    }

    private RunSettings settings() {
      return new RunSettings(
          name,
          threads,
          runDeadline,
          taskDeadline,
          cleanupTimeout,
          retryPolicy,
          classifier,
          reportListener);
    }
  }
}
