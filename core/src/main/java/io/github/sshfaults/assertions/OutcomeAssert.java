package io.github.sshfaults.assertions;

import io.github.sshfaults.concurrent.Outcome;

/**
 * Assertions on an {@link Outcome}; obtained from {@link SshAssertions#assertThat(Outcome)}.
 *
 * @param <T> the type of the target
 * @param <R> the type of the value
 */
public final class OutcomeAssert<T, R> extends AbstractOutcomeAssert<OutcomeAssert<T, R>, T, R> {

  /** Creates assertions on {@code actual}. */
  public OutcomeAssert(Outcome<T, R> actual) {
    super(actual, OutcomeAssert.class);
  }
}
