package io.github.sshfaults.sshd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a fake host's journal records of each real client's visit. */
class JournalClientsTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsEachStepOfAConnectionInOrder(SshClientLibrary client) throws Exception {
    host.user("alice", "secret").command("uptime").replies("up 3 days\n");

    client.exec(Login.password(host, "alice", "secret"), "uptime");
    host.journal().awaitClosedConnections(1);

    List<JournalEvent> events = host.journal().eventsOf(1);
    assertThat(events).extracting(JournalEvent::connection).containsOnly(1);
    assertThat(events).extracting(JournalEvent::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(events)
        .extracting(JournalEvent::type)
        .containsSubsequence(
            "connection-accepted",
            "client-identified",
            "algorithms-negotiated",
            "auth",
            "channel-opened",
            "command",
            "connection-closed")
        .endsWith("connection-closed");
    assertThat(host.journal().connections())
        .singleElement()
        .satisfies(c -> assertThat(c.peer().getAddress().isLoopbackAddress()).isTrue());
    assertThat(host.journal().events(ClientIdentified.class))
        .singleElement()
        .satisfies(id -> assertThat(id.identification()).startsWith("SSH-2.0-"));
    assertThat(host.journal().events(AlgorithmsNegotiated.class).get(0))
        .satisfies(
            algorithms -> {
              assertThat(algorithms.kex())
                  .isIn("curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256");
              assertThat(algorithms.hostKey()).isEqualTo("ecdsa-sha2-nistp256");
              assertThat(algorithms.cipherClientToServer()).isNotBlank();
            });
    assertThat(host.journal().authAttempts("alice"))
        .filteredOn(AuthAttempt::accepted)
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo("password matches"));
    assertThat(host.journal().commands())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.commandLine()).isEqualTo("uptime");
              assertThat(run.user()).isEqualTo("alice");
              assertThat(run.exitCode()).isEqualTo(OptionalInt.of(0));
              assertThat(run.stdoutBytes()).isEqualTo("up 3 days\n".length());
              assertThat(run.stderrBytes()).isZero();
            });
    assertThat(host.journal().closedConnections())
        .singleElement()
        .satisfies(closed -> assertThat(closed.by()).isEqualTo(Initiator.CLIENT));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsRejectedPasswordsWithTheReason(SshClientLibrary client) {
    host.user("alice", "secret");

    assertThatThrownBy(() -> client.exec(Login.password(host, "alice", "wrong"), "id"));

    assertThat(host.journal().authAttempts("alice"))
        .isNotEmpty()
        .allSatisfy(attempt -> assertThat(attempt.accepted()).isFalse())
        .anySatisfy(
            attempt -> {
              assertThat(attempt.method())
                  .isIn(AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE);
              assertThat(attempt.reason()).isEqualTo("wrong password");
            });
    assertThat(host.journal().commands()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsUnknownUsersAsSuch(SshClientLibrary client) {
    host.user("alice", "secret");

    assertThatThrownBy(() -> client.exec(Login.password(host, "mallory", "secret"), "id"));

    assertThat(host.journal().authAttempts("mallory"))
        .isNotEmpty()
        .allSatisfy(attempt -> assertThat(attempt.reason()).isEqualTo("no such user"));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsAPublicKeyLoginOnceThoughClientsMayAskFirst(SshClientLibrary client)
      throws Exception {
    UserKey bob = host.userWithNewKey("bob");
    host.command("whoami").replies("bob\n");

    client.exec(Login.key(host, bob), "whoami");

    assertThat(host.journal().authAttempts("bob"))
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.method()).isEqualTo(AuthMethod.PUBLIC_KEY);
              assertThat(attempt.accepted()).isTrue();
              assertThat(attempt.reason()).isEqualTo("key matches");
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsAnUnregisteredKeyWithItsFingerprint(SshClientLibrary client) {
    host.userWithNewKey("bob");
    UserKey stranger = UserKey.generate("bob");

    assertThatThrownBy(() -> client.exec(Login.key(host, stranger), "id"));

    assertThat(host.journal().authAttempts("bob"))
        .filteredOn(attempt -> attempt.method() == AuthMethod.PUBLIC_KEY)
        .singleElement()
        .satisfies(
            attempt ->
                assertThat(attempt.reason())
                    .isEqualTo("key " + stranger.fingerprint() + " not registered"));
    assertThat(host.journal().authAttempts("bob"))
        .as("JSch falls back to keyboard-interactive")
        .filteredOn(attempt -> attempt.method() != AuthMethod.PUBLIC_KEY)
        .allSatisfy(attempt -> assertThat(attempt.reason()).isEqualTo("user has no password"));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void recordsExitCodeAndOutputSizesOfFailingAndUnknownCommands(SshClientLibrary client)
      throws Exception {
    host.user("alice", "secret");
    host.command("make").replies(CommandResult.exit(2).withStdout("cc\n").withStderr("Error 1\n"));
    Login alice = Login.password(host, "alice", "secret");

    client.exec(alice, "make");
    client.exec(alice, "frobnicate");

    assertThat(host.journal().commands())
        .extracting(
            CommandRun::commandLine,
            CommandRun::exitCode,
            CommandRun::stdoutBytes,
            CommandRun::stderrBytes)
        .containsExactly(
            Tuple.tuple("make", OptionalInt.of(2), 3L, 8L),
            Tuple.tuple(
                "frobnicate",
                OptionalInt.of(127),
                0L,
                (long) "frobnicate: command not found\n".length()));
  }
}
