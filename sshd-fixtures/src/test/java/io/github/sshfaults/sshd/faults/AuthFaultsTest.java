package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.journal.ConnectionClosed;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The authentication row of the catalog. */
class AuthFaultsTest {

  private static final ExecResult ID = new ExecResult("uid=1000\n", "", 0);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret").user("bob", "hunter2").command("id").replies("uid=1000\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  // Generous, so that a login meant to succeed does not time out on a loaded machine; tests that
  // wait for a client's timeout on purpose use HANG_TIMEOUT.
  private Login login(String user, String password) {
    return Login.password(host, user, password).withTimeout(TIMEOUT);
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

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

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectedAuthenticationFailsEachClientDespiteTheRightPassword(SshClientLibrary client) {
    host.faults().add(Fault.rejectAuth());

    assertThatThrownBy(() -> client.exec(login("alice", "secret"), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectsOnlyTheChosenUser(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.rejectAuth().forUser("bob"));

    assertThat(client.exec(login("alice", "secret"), "id")).isEqualTo(ID);
    assertThatThrownBy(() -> client.exec(login("bob", "hunter2"), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectsOnlyTheChosenMethod(SshClientLibrary client) throws Exception {
    UserKey carol = host.userWithNewKey("carol");
    host.user("carol", "pw");
    host.faults().add(Fault.rejectAuth(AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE));

    assertThat(client.exec(Login.key(host, carol), "id")).isEqualTo(ID);
    assertThatThrownBy(() -> client.exec(login("carol", "pw"), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void failsTwiceThenSucceeds(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.rejectAuth().firstConnections(2));

    assertThatThrownBy(() -> client.exec(login("alice", "secret"), "id"));
    assertThatThrownBy(() -> client.exec(login("alice", "secret"), "id"));
    assertThat(client.exec(login("alice", "secret"), "id")).isEqualTo(ID);
  }

  @Test
  void countsAttemptsAsAuthenticationRequests() throws Exception {
    host.faults().add(Fault.rejectAuth().firstAttempts(1));

    // sshj sends a single password request per connection.
    assertThatThrownBy(() -> SshClientLibrary.SSHJ.exec(login("alice", "secret"), "id"))
        .satisfies(thrown -> assertAuthFailed(SshClientLibrary.SSHJ, thrown));
    assertThat(SshClientLibrary.SSHJ.exec(login("alice", "secret"), "id")).isEqualTo(ID);
  }

  @Test
  void aClientThatTriesAgainOnTheSameConnectionGetsInAfterTheRejectedAttempts() throws Exception {
    try (FakeSshHost both =
        FakeSshHost.builder()
            .authMethods(AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE)
            .start()) {
      both.user("alice", "secret").command("id").replies("uid=1000\n");
      both.faults().add(Fault.rejectAuth().firstAttempts(1));

      // Where both are offered, MINA's client tries both with the same password.
      try (MinaSession session =
          MinaSession.open(Login.password(both, "alice", "secret").withTimeout(TIMEOUT))) {
        assertThat(session.exec("id")).isEqualTo(ID);
      }
      assertThat(both.faults().describe()).contains("[fired 1 time in 2 occasions]");
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void delayedAnswerSlowsLoginDown(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(400)).at(Stage.AUTH));
    long start = System.nanoTime();

    assertThat(client.exec(Login.password(host, "alice", "secret"), "id")).isEqualTo(ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void delayedAnswerSlowsAKeyLoginDown(SshClientLibrary client) throws Exception {
    UserKey carol = host.userWithNewKey("carol");
    host.faults().add(Fault.delay(Duration.ofMillis(300)).at(Stage.AUTH));
    long start = System.nanoTime();

    assertThat(client.exec(Login.key(host, carol).withTimeout(Duration.ofSeconds(10)), "id"))
        .isEqualTo(ID);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertHostFailedNoConnection();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hungKeyAuthenticationFailsAtEachClientsTimeout(SshClientLibrary client) {
    UserKey carol = host.userWithNewKey("carol");
    host.faults().add(Fault.hang().at(Stage.AUTH));
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.exec(Login.key(host, carol).withTimeout(HANG_TIMEOUT), "id"))
        .satisfies(thrown -> assertTimedOut(client, thrown));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HANG_TIMEOUT);
    assertHostFailedNoConnection();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void tooManyKeyFailuresEndWithADisconnectAndNothingElse(SshClientLibrary client) {
    UserKey stranger = UserKey.generate("carol");
    host.user("carol", "pw");
    host.faults().add(Fault.tooManyAuthFailures(1));

    assertThatThrownBy(() -> client.exec(Login.key(host, stranger), "id"))
        .satisfies(thrown -> assertTooManyFailures(client, thrown));
    assertHostFailedNoConnection();
  }

  /**
   * Asserts that the host closed no connection because of its own failure, as it did when MINA
   * SSHD refused asynchronous public-key authentication ("Async authentication only allowed for
   * password or keyboard-interactive authentication").
   */
  private void assertHostFailedNoConnection() {
    assertThat(host.journal().awaitClosedConnections(1, Duration.ofSeconds(10)))
        .extracting(ConnectionClosed::detail)
        .noneMatch(detail -> detail.contains("Exception"));
  }

  private static void assertTimedOut(SshClientLibrary client, Throwable thrown) {
    switch (client) {
      case MINA -> assertCausedBy(thrown, TimeoutException.class, "Timed out");
      case JSCH -> assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "Auth fail");
      case SSHJ -> assertCausedBy(thrown, TimeoutException.class, "Timeout expired");
    }
  }

  private static void assertTooManyFailures(SshClientLibrary client, Throwable thrown) {
    switch (client) {
      case MINA -> assertCausedBy(thrown, SshException.class, "Too many authentication failures");
      case JSCH ->
          assertCausedBy(
              thrown,
              com.jcraft.jsch.JSchSessionDisconnectException.class,
              "SSH_MSG_DISCONNECT: 2 Too many authentication failures");
      case SSHJ ->
          assertCausedBy(
              thrown,
              net.schmizz.sshj.transport.TransportException.class,
              "[PROTOCOL_ERROR] Too many authentication failures");
    }
  }

  @Test
  void delayedFailureIsStillAFailure() {
    host.faults()
        .add(
            Fault.delay(Delay.uniform(Duration.ofMillis(100), Duration.ofMillis(200)))
                .at(Stage.AUTH));

    assertThatThrownBy(() -> SshClientLibrary.MINA.exec(login("alice", "wrong"), "id"))
        .satisfies(thrown -> assertAuthFailed(SshClientLibrary.MINA, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hungAuthenticationFailsAtEachClientsTimeout(SshClientLibrary client) {
    host.faults().add(Fault.hang().at(Stage.AUTH));

    assertThatThrownBy(() -> client.exec(login("alice", "secret").withTimeout(HANG_TIMEOUT), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA -> assertCausedBy(thrown, TimeoutException.class, "Timed out");
                case JSCH ->
                    assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "Auth fail");
                case SSHJ -> assertCausedBy(thrown, TimeoutException.class, "Timeout expired");
              }
            });
  }

  @Test
  void hungAuthenticationBlocksNoOtherConnection() throws Exception {
    host.faults().add(Fault.hang().at(Stage.AUTH).forUser("bob"));
    CompletableFuture<ExecResult> bob =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SshClientLibrary.MINA.exec(
                    Login.password(host, "bob", "hunter2").withTimeout(Duration.ofSeconds(30)),
                    "id");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      assertThat(SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "id"))
          .isEqualTo(ID);
      // Bob's login may not have reached the host yet: clearing the plan then would let him in.
      host.journal().await(FaultFired.class, 1, Duration.ofSeconds(10));
      assertThat(bob).isNotDone();
    } finally {
      host.faults().clear();
      host.dropAllSessions();
      assertThat(bob).failsWithin(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void requiredSecondMethodFailsAClientWithOnlyAPassword(SshClientLibrary client) {
    host.faults().add(Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD));

    assertThatThrownBy(() -> client.exec(login("alice", "secret"), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void requiredSecondMethodFailsAClientWithOnlyAKey(SshClientLibrary client) {
    UserKey carol = host.userWithNewKey("carol");
    host.faults().add(Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD));

    assertThatThrownBy(() -> client.exec(Login.key(host, carol), "id"))
        .satisfies(thrown -> assertAuthFailed(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void partialSuccessWithTheKeyThenThePasswordLetsTheClientIn(SshClientLibrary client)
      throws Exception {
    UserKey carol = host.userWithNewKey("carol");
    host.user("carol", "pw");
    host.faults().add(Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD));

    assertThat(client.exec(Login.key(host, carol).andPassword("pw"), "id")).isEqualTo(ID);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void tooManyFailuresEndWithADisconnect(SshClientLibrary client) {
    host.faults().add(Fault.tooManyAuthFailures(1));

    assertThatThrownBy(() -> client.exec(login("alice", "wrong"), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(thrown, SshException.class, "Too many authentication failures");
                case JSCH ->
                    assertCausedBy(
                        thrown,
                        com.jcraft.jsch.JSchSessionDisconnectException.class,
                        "SSH_MSG_DISCONNECT: 2 Too many authentication failures");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "[PROTOCOL_ERROR] Too many authentication failures");
              }
            });
  }

  @Test
  void tooManyFailuresSendReasonTwoWithOpenSshsMessage() throws Exception {
    host.faults().add(Fault.tooManyAuthFailures(1));

    try (MinaSession session = MinaSession.connect(login("alice", "wrong"))) {
      assertThatThrownBy(() -> session.session().auth().verify(Duration.ofSeconds(1)));
      MinaSession.Ending ending = session.awaitEnd();
      assertThat(ending.disconnectReason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR.code());
      assertThat(ending.disconnectMessage()).isEqualTo("Too many authentication failures");
    }
  }
}
