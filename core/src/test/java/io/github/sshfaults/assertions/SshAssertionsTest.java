package io.github.sshfaults.assertions;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static io.github.sshfaults.assertions.SshAssertions.assertThatThrownBy;

import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The assertions on reports: what passes, and what a failure says. */
class SshAssertionsTest {

  private static final SshTarget GOOD = SshTarget.of("good", "127.0.0.1", 2201);
  private static final SshTarget LOCKED = SshTarget.of("locked", "127.0.0.1", 2202);
  private static final SshTarget DOWN = SshTarget.of("down", "127.0.0.1", 2203);

  private final RunReport<SshTarget, String> report =
      ConcurrentSsh.create()
          .run(
              List.of(GOOD, LOCKED, DOWN),
              target -> {
                if (target == LOCKED) {
                  throw new com.jcraft.jsch.JSchException("Auth fail for methods 'password'");
                }
                if (target == DOWN) {
                  throw new ConnectException("Connection refused");
                }
                return "up 3 days";
              });

  @Test
  void passesOnWhatTheRunDid() {
    assertThat(report)
        .succeededOn(GOOD)
        .failedOn(LOCKED, FailureKind.AUTH)
        .failedOn(DOWN)
        .hasFailuresOfKind(FailureKind.CONNECT_REFUSED, 1)
        .hasFailuresOfKind(FailureKind.TIMEOUT, 0)
        .hasOutcomeCount(3)
        .noneHung()
        .leftNoThreads()
        .completedWithin(Duration.ofMinutes(1));
    assertThat(report.outcomes().get(0)).succeeded().isAttempt(1);
    assertThat(report.outcomes().get(1))
        .failedWith(FailureKind.AUTH)
        .failure()
        .hasMessageStartingWith("Auth fail");
    assertThat(List.of(1, 2)).as("plain AssertJ from the same entry point").hasSize(2);
  }

  @Test
  void showsTheCulpritsAndTheTableWhenNotAllSucceeded() {
    assertThatThrownBy(() -> assertThat(report).allSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting every task to succeed, but 2 tasks did not:")
        .hasMessageContaining("locked FAILED AUTH")
        .hasMessageContaining("down FAILED CONNECT_REFUSED")
        .hasMessageContaining("target | outcome | kind")
        .hasMessageContaining(report.summary());
  }

  @Test
  void saysWhatHappenedOnATargetInstead() {
    assertThatThrownBy(() -> assertThat(report).failedOn(DOWN, FailureKind.AUTH))
        .hasMessageContaining("Expecting the task on down to fail with AUTH, but:")
        .hasMessageContaining("down FAILED CONNECT_REFUSED");
    assertThatThrownBy(() -> assertThat(report).succeededOn(LOCKED))
        .hasMessageContaining("Expecting the task on locked to succeed, but:");
    assertThatThrownBy(() -> assertThat(report).failedOn(GOOD))
        .hasMessageContaining("Expecting the task on good to fail, but it succeeded:");
    assertThatThrownBy(
            () -> assertThat(report).succeededOn(SshTarget.of("stranger", "127.0.0.1", 1)))
        .hasMessageContaining("Expecting a task on stranger, but the run had none.");
  }

  @Test
  void countsFailuresOfAKind() {
    assertThatThrownBy(() -> assertThat(report).hasFailuresOfKind(FailureKind.AUTH, 3))
        .hasMessageContaining("Expecting 3 tasks to fail with AUTH, but 1 did:")
        .hasMessageContaining("locked FAILED AUTH");
  }

  @Test
  void showsTheStackTraceOfEveryHungThread() {
    CountDownLatch never = new CountDownLatch(1);
    RunReport<String, Object> hung =
        ConcurrentSsh.create()
            .withTaskDeadline(Duration.ofMillis(100))
            .run(List.of("stuck"), target -> never.await(30, TimeUnit.SECONDS));

    assertThatThrownBy(() -> assertThat(hung).noneHung())
        .hasMessageContaining("Expecting no task to hang, but 1 attempt did:")
        .hasMessageContaining("DeadlineExceededException")
        .hasMessageContaining("CountDownLatch.await")
        .hasMessageContaining("| hung    | TIMEOUT");
    assertThat(hung.outcomes().get(0)).hung().failedWith(FailureKind.TIMEOUT);
    assertThat(hung)
        .as("a task deadline does not end the run")
        .completedWithin(Duration.ofMinutes(1));
  }

  @Test
  void failsCompletedWithinWhenTheRunReachedItsDeadline() {
    CountDownLatch never = new CountDownLatch(1);
    RunReport<String, Object> late =
        ConcurrentSsh.create()
            .withRunDeadline(Duration.ofMillis(100))
            .run(List.of("stuck"), target -> never.await(30, TimeUnit.SECONDS));

    assertThatThrownBy(() -> assertThat(late).completedWithin(Duration.ofMinutes(1)))
        .hasMessageContaining(
            "Expecting the run to complete within 60000 ms, but it reached its deadline after");
  }

  @Test
  void keepsTheUsersDescription() {
    assertThatThrownBy(() -> assertThat(report).as("nightly fleet check").allSucceeded())
        .hasMessageStartingWith("[nightly fleet check]");
  }

  @Test
  void failsOnAMissingReport() {
    assertThatThrownBy(() -> assertThat((RunReport<String, String>) null).allSucceeded())
        .hasMessageContaining("Expecting actual not to be null");
  }
}
