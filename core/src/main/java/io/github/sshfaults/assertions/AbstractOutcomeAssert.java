package io.github.sshfaults.assertions;

import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one {@link Outcome}, for extension; use {@link OutcomeAssert}.
 *
 * @param <SELF> the concrete assertion type
 * @param <T> the type of the target
 * @param <R> the type of the value
 */
public abstract class AbstractOutcomeAssert<SELF extends AbstractOutcomeAssert<SELF, T, R>, T, R>
    extends AbstractAssert<SELF, Outcome<T, R>> {

  /** Creates assertions on {@code actual}. */
  protected AbstractOutcomeAssert(Outcome<T, R> actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that the task returned a value. */
  public SELF succeeded() {
    isNotNull();
    if (!actual.isSuccess()) {
      failWithMessage("%s", "Expecting the task to succeed, but it ended as: " + actual + trace());
    }
    return myself;
  }

  /** Verifies that the task failed, hung or never started, with a failure of {@code kind}. */
  public SELF failedWith(FailureKind kind) {
    isNotNull();
    if (actual.kind().orElse(null) != kind) {
      failWithMessage(
          "%s",
          "Expecting the task to fail with " + kind + ", but it ended as: " + actual + trace());
    }
    return myself;
  }

  /** Verifies that the task was still running at its deadline. */
  public SELF hung() {
    isNotNull();
    if (!actual.isHung()) {
      failWithMessage("%s", "Expecting the task to hang, but it ended as: " + actual);
    }
    return myself;
  }

  /** Verifies that this was attempt number {@code attempt} of its task. */
  public SELF isAttempt(int attempt) {
    isNotNull();
    if (actual.attempt() != attempt) {
      failWithMessage("%s", "Expecting attempt " + attempt + ", but was: " + actual);
    }
    return myself;
  }

  /**
   * Assertions on what the task threw.
   *
   * @throws AssertionError when the task succeeded
   */
  public AbstractThrowableAssert<?, ? extends Throwable> failure() {
    isNotNull();
    if (actual.failure().isEmpty()) {
      failWithMessage("%s", "Expecting the task to have failed, but it ended as: " + actual);
    }
    return Assertions.assertThat(actual.failure().get());
  }

  private String trace() {
    return actual.failure().map(Traces::of).map(t -> System.lineSeparator() + t).orElse("");
  }
}
