package io.github.sshfaults.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.clients.CommandFailedException;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshTarget;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views and the table of a {@link RunReport}, on outcomes made by hand. */
class RunReportTest {

  private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
  private static final SshTarget WEB_1 = SshTarget.of("web-1", "127.0.0.1", 2201);
  private static final SshTarget WEB_2 = SshTarget.of("web-2", "127.0.0.1", 2202);
  private static final SshTarget DB = SshTarget.of("127.0.0.1", 2203);

  private final RunReport<SshTarget, String> report =
      new RunReport<>(
          "fleet-7",
          START,
          Duration.ofMillis(420),
          List.of(
              List.of(
                  Outcome.succeeded(
                      0, WEB_1, 1, "up 3 days", "sshfaults-fleet-7-worker-1", START, ms(14))),
              List.of(
                  failed(
                      1,
                      WEB_2,
                      1,
                      new ConnectException("Connection refused"),
                      FailureKind.CONNECT_REFUSED,
                      3),
                  failed(
                      1,
                      WEB_2,
                      2,
                      new ConnectException("Connection refused"),
                      FailureKind.CONNECT_REFUSED,
                      2)),
              List.of(
                  failed(
                      2,
                      DB,
                      1,
                      new CommandFailedException(
                          "make",
                          "db",
                          new CommandOutput("", "make: *** [all] Error 1\nsee log\n", 2)),
                      FailureKind.COMMAND_FAILED,
                      250)),
              List.of(
                  Outcome.succeeded(
                      3, WEB_1, 1, "up 4 days", "sshfaults-fleet-7-worker-2", START, ms(9)))),
          false,
          List.of());

  @Test
  void keepsTheLastAttemptOfEachTaskAsItsOutcome() {
    assertThat(report.outcomes()).hasSize(4);
    assertThat(report.attempts()).hasSize(5);
    assertThat(report.outcomes().get(1).attempt()).isEqualTo(2);
  }

  @Test
  void answersBySuccessKindTargetAndDuration() {
    assertThat(report.values()).containsExactly("up 3 days", "up 4 days");
    assertThat(report.successes()).extracting(Outcome::index).containsExactly(0, 3);
    assertThat(report.failures()).extracting(Outcome::index).containsExactly(1, 2);
    assertThat(report.failures(FailureKind.COMMAND_FAILED))
        .extracting(Outcome::target)
        .containsExactly(DB);
    assertThat(report.failuresByKind())
        .containsOnlyKeys(FailureKind.CONNECT_REFUSED, FailureKind.COMMAND_FAILED);
    assertThat(report.outcomesOn(WEB_1)).hasSize(2);
    assertThat(report.byTarget()).containsOnlyKeys(WEB_1, WEB_2, DB);
    assertThat(report.slowest(2)).extracting(Outcome::duration).containsExactly(ms(250), ms(14));
    assertThat(report.hung()).isEmpty();
  }

  @Test
  void summarisesTheRunInOneLine() {
    assertThat(report.summary())
        .isEqualTo(
            "run fleet-7: 4 tasks, 2 succeeded, 2 failed (CONNECT_REFUSED 1, COMMAND_FAILED 1),"
                + " 5 attempts, 0 hung, 420 ms");
  }

  @Test
  void printsOneTableRowPerAttempt() {
    String nl = System.lineSeparator();
    assertThat(report.table())
        .isEqualTo(
            String.join(
                    nl,
                    "target            | outcome | kind            | message                       "
                        + "                                           | thread                    "
                        + " |  ms",
                    "web-1             | ok      |                 | up 3 days                     "
                        + "                                           | sshfaults-fleet-7-worker-1"
                        + " |  14",
                    "web-2             | failed  | CONNECT_REFUSED | ConnectException: Connection"
                        + " refused                                     |"
                        + " sshfaults-fleet-7-worker-3 |   3",
                    "web-2 (attempt 2) | failed  | CONNECT_REFUSED | ConnectException: Connection"
                        + " refused                                     |"
                        + " sshfaults-fleet-7-worker-3 |   2",
                    "127.0.0.1:2203    | failed  | COMMAND_FAILED  | CommandFailedException:"
                        + " command \"make\" on db exited with code 2: make... |"
                        + " sshfaults-fleet-7-worker-3 | 250",
                    "web-1             | ok      |                 | up 4 days                     "
                        + "                                           | sshfaults-fleet-7-worker-2"
                        + " |   9")
                + nl);
    assertThat(report.toString()).startsWith(report.summary() + nl).endsWith(report.table());
  }

  @Test
  void refusesTheValueOfAFailedTaskWithTheFailureAsCause() {
    Outcome<SshTarget, String> failed = report.outcomes().get(1);

    assertThatThrownBy(failed::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The task on web-2 did not succeed: ConnectException: Connection refused")
        .hasCauseInstanceOf(ConnectException.class);
  }

  private static Outcome<SshTarget, String> failed(
      int index, SshTarget target, int attempt, Throwable failure, FailureKind kind, long millis) {
    return Outcome.failed(
        index,
        target,
        attempt,
        Outcome.Status.FAILED,
        failure,
        kind,
        "sshfaults-fleet-7-worker-3",
        START,
        ms(millis));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
