package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Fault#delayAuthFailures}: PAM's failure delay, which refuses late and admits at once. */
class AuthFailureDelayTest {

  private static final ExecResult ID = new ExecResult("uid=1000\n", "", 0);

  // Long enough to tell a delayed failure from a loaded machine's slowness; short for a test.
  private static final Duration FAILURE_DELAY = Duration.ofMillis(700);

  // So long that a prompt answer cannot have waited for it, even on a loaded machine.
  private static final Duration LONG_FAILURE_DELAY = Duration.ofSeconds(6);

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret").command("id").replies("uid=1000\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void refusesAWrongPasswordAfterTheDelay(SshClientLibrary client) {
    host.faults().add(Fault.delayAuthFailures(FAILURE_DELAY, AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> client.exec(Login.password(host, "alice", "wrong").withTimeout(TIMEOUT), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(FAILURE_DELAY);
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly("delayed the failure of password authentication of alice by 700ms");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void admitsTheRightPasswordAtOnce(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.delayAuthFailures(LONG_FAILURE_DELAY, AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThat(client.exec(Login.password(host, "alice", "secret").withTimeout(TIMEOUT), "id"))
        .isEqualTo(ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_FAILURE_DELAY);
    assertThat(host.journal().faultsFired()).isEmpty();
    assertThat(host.faults().describe()).contains("[fired 0 times in 1 occasion]");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void refusesAnUnknownKeyAtOnceWhenOnlyPasswordFailuresAreLate(SshClientLibrary client) {
    UserKey stranger = UserKey.generate("alice");
    host.faults().add(Fault.delayAuthFailures(LONG_FAILURE_DELAY, AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.exec(Login.key(host, stranger).withTimeout(TIMEOUT), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_FAILURE_DELAY);
    assertThat(host.journal().faultsFired()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void refusesAnUnknownKeyLateWhenKeyFailuresAreLate(SshClientLibrary client) {
    UserKey stranger = UserKey.generate("alice");
    host.faults().add(Fault.delayAuthFailures(FAILURE_DELAY, AuthMethod.PUBLIC_KEY));
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.exec(Login.key(host, stranger).withTimeout(TIMEOUT), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(FAILURE_DELAY);
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .first()
        .asString()
        .startsWith("delayed the failure of publickey authentication of alice by");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void admitsAKnownKeyAtOnceWhenKeyFailuresAreLate(SshClientLibrary client) throws Exception {
    UserKey carol = host.userWithNewKey("carol");
    host.faults().add(Fault.delayAuthFailures(LONG_FAILURE_DELAY));

    long start = System.nanoTime();
    assertThat(client.exec(Login.key(host, carol).withTimeout(TIMEOUT), "id")).isEqualTo(ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_FAILURE_DELAY);
    assertThat(host.journal().faultsFired()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aDelayLongerThanTheClientsTimeoutTimesTheClientOut(SshClientLibrary client) {
    // What times clients out in production: the refusal comes after their timeout.
    Duration clientTimeout = Duration.ofSeconds(1);
    host.faults().add(Fault.delayAuthFailures(Duration.ofSeconds(3), AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                client.exec(
                    Login.password(host, "alice", "wrong").withTimeout(clientTimeout), "id"))
        .satisfies(thrown -> assertTimedOut(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(clientTimeout);
  }

  @Test
  void aRejectionIsAFailureAndSoIsLate() {
    host.faults()
        .add(
            Fault.rejectAuth(),
            Fault.delayAuthFailures(FAILURE_DELAY, AuthMethod.PASSWORD));
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                SshClientLibrary.SSHJ.exec(
                    Login.password(host, "alice", "secret").withTimeout(TIMEOUT), "id"))
        .satisfies(thrown -> assertAuthFailed(SshClientLibrary.SSHJ, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(FAILURE_DELAY);
  }

  @Test
  void theNewestOfADelayAndAFailureDelayAppliesToAFailureAndOnlyTheDelayToASuccess()
      throws Exception {
    host.faults()
        .add(
            Fault.delay(Duration.ofMillis(300)).at(Stage.AUTH),
            Fault.delayAuthFailures(FAILURE_DELAY, AuthMethod.PASSWORD));

    assertThat(
            SshClientLibrary.SSHJ.exec(
                Login.password(host, "alice", "secret").withTimeout(TIMEOUT), "id"))
        .isEqualTo(ID);
    assertThatThrownBy(
        () ->
            SshClientLibrary.SSHJ.exec(
                Login.password(host, "alice", "wrong").withTimeout(TIMEOUT), "id"));
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::rule, FaultFired::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "delayed the answer to alice by 300ms"),
            org.assertj.core.groups.Tuple.tuple(
                2, "delayed the failure of password authentication of alice by 700ms"));
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

  private static void assertTimedOut(SshClientLibrary client, Throwable thrown) {
    switch (client) {
      case MINA -> assertCausedBy(thrown, TimeoutException.class, "Timed out");
      case JSCH -> assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "Auth fail");
      case SSHJ -> assertCausedBy(thrown, TimeoutException.class, "Timeout expired");
    }
  }
}
