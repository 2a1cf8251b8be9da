package io.github.sshfaults.assertions;

import io.github.sshfaults.concurrent.RunReport;

/**
 * Assertions on a {@link RunReport}; obtained from {@link SshAssertions#assertThat(RunReport)}.
 *
 * @param <T> the type of the targets
 * @param <R> the type of the values
 */
public final class RunReportAssert<T, R>
    extends AbstractRunReportAssert<RunReportAssert<T, R>, T, R> {

  /** Creates assertions on {@code actual}. */
  public RunReportAssert(RunReport<T, R> actual) {
    super(actual, RunReportAssert.class);
  }
}
