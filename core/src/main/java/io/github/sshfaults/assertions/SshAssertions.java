package io.github.sshfaults.assertions;

import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import org.assertj.core.api.Assertions;

/**
 * The entry point for the assertions of sshfaults, and for all of AssertJ's: one static import
 * serves both.
 *
 * <pre>{@code
 * import static io.github.sshfaults.assertions.SshAssertions.assertThat;
 *
 * assertThat(report)
 *     .succeededOn(good)
 *     .failedOn(locked, FailureKind.AUTH)
 *     .hasFailuresOfKind(FailureKind.CONNECT_REFUSED, 1)
 *     .noneHung()
 *     .completedWithin(Duration.ofSeconds(10));
 * assertThat(report.outcomes().get(0)).succeeded();
 * assertThat(List.of(1, 2)).hasSize(2);                   // plain AssertJ, same import
 * }</pre>
 *
 * <p>Failure messages show the run's summary and its table of outcomes, not just "expected true".
 *
 * <p>With fake hosts, import {@code io.github.sshfaults.sshd.assertions.SshFaultsAssertions} of
 * {@code sshfaults-sshd-fixtures} instead: it extends this class with {@code verify(host, count)}
 * and {@code assertThat(host)}, so one import still serves everything. This one is for projects
 * that use the runner without fake hosts.
 */
public class SshAssertions extends Assertions {

  /** Not instantiated; protected only so that projects can extend the entry point in turn. */
  protected SshAssertions() {}

  /** Assertions on a whole run. */
  public static <T, R> RunReportAssert<T, R> assertThat(RunReport<T, R> actual) {
    return new RunReportAssert<>(actual);
  }

  /** Assertions on one outcome. */
  public static <T, R> OutcomeAssert<T, R> assertThat(Outcome<T, R> actual) {
    return new OutcomeAssert<>(actual);
  }
}
