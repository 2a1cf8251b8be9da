package io.github.sshfaults.sshd;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Timing#OPENSSH}: a login costs what it costs on sshd with PAM, a refusal 2 to 4 s. */
class TimingTest {

  private static final ExecResult ID = new ExecResult("uid=1000\n", "", 0);

  // The least the preset adds to a login and a command: banner, authentication, command start.
  private static final Duration LEAST_LOGIN_COST = Duration.ofMillis(25 + 230 + 30);

  private static final Duration LEAST_FAILURE_DELAY = Duration.ofSeconds(2);

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.builder().timing(Timing.OPENSSH).start();
    host.user("alice", "secret").command("id").replies("uid=1000\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aLoginAndACommandCostWhatTheyCostOnSshd(SshClientLibrary client) throws Exception {
    long start = System.nanoTime();

    assertThat(client.exec(Login.password(host, "alice", "secret").withTimeout(TIMEOUT), "id"))
        .isEqualTo(ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(LEAST_LOGIN_COST);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aWrongPasswordIsRefusedAfterTwoSecondsOrMore(SshClientLibrary client) {
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> client.exec(Login.password(host, "alice", "wrong").withTimeout(TIMEOUT), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(LEAST_FAILURE_DELAY);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aClientWithAShorterTimeoutTimesOutOnAWrongPassword(SshClientLibrary client) {
    assertThatThrownBy(
            () ->
                client.exec(
                    Login.password(host, "alice", "wrong").withTimeout(Duration.ofSeconds(1)),
                    "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(
                        thrown, java.util.concurrent.TimeoutException.class, "Timed out");
                case JSCH ->
                    assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "Auth fail");
                case SSHJ ->
                    assertCausedBy(
                        thrown, java.util.concurrent.TimeoutException.class, "Timeout expired");
              }
            });
  }

  @Test
  void aFaultOfTheTestWinsOverTheTimingsDelay() {
    host.faults().add(Fault.delayAuthFailures(Duration.ofMillis(100), AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThatThrownBy(
        () ->
            SshClientLibrary.SSHJ.exec(
                Login.password(host, "alice", "wrong").withTimeout(TIMEOUT), "id"));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100))
        .isLessThan(LEAST_FAILURE_DELAY);
  }

  @Test
  void isNeitherAFaultOfThePlanNorJournaledAndStaysThroughAClear() {
    host.faults().clear();
    long start = System.nanoTime();

    assertThatThrownBy(
        () ->
            SshClientLibrary.SSHJ.exec(
                Login.password(host, "alice", "wrong").withTimeout(TIMEOUT), "id"));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(LEAST_FAILURE_DELAY);
    assertThat(host.faults().plan()).isEqualTo(FaultPlan.empty());
    assertThat(host.journal().faultsFired()).isEmpty();
    assertThat(host.timing()).isEqualTo(Timing.OPENSSH);
  }

  @Test
  void isFastUnlessSet() {
    try (FakeSshHost plain = FakeSshHost.start()) {
      assertThat(plain.timing()).isEqualTo(Timing.FAST);
    }
  }

  @Test
  void refusesANullTiming() {
    assertThatThrownBy(() -> FakeSshHost.builder().timing(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timing must not be null");
  }

  private static void assertAuthFailed(SshClientLibrary client, Throwable thrown) {
    switch (client) {
      case MINA ->
          assertCausedBy(thrown, SshException.class, "No more authentication methods available");
      case JSCH -> assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "Auth fail");
      case SSHJ ->
          assertCausedBy(
              thrown,
              net.schmizz.sshj.userauth.UserAuthException.class,
              "Exhausted available authentication methods");
    }
  }
}
