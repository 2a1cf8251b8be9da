package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults that wait a duration after their occasion: a server that dies some time into a session. */
class TimedFaultsTest {

  /** How long the server lives after the login or into the command. */
  private static final Duration LIFETIME = Duration.ofMillis(400);

  /** How long the command would take: far longer than the server lives. */
  private static final Duration SLOW_COMMAND = Duration.ofSeconds(8);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret").command("id").replies("uid=1000(alice)\n");
    host.command("slow").replies("done\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void sessionWorksAfterTheLoginUntilTheServerDies() throws Exception {
    Duration lifetime = Duration.ofSeconds(2);
    host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH).after(lifetime));

    try (MinaSession session = MinaSession.open(Login.password(host, "alice", "secret"))) {
      long loggedIn = System.nanoTime();
      assertThat(session.exec("id", Duration.ofSeconds(1)).exitStatus()).isZero();

      await().atMost(Duration.ofSeconds(10)).until(() -> session.session().isClosed());
      assertThat(Duration.ofNanos(System.nanoTime() - loggedIn)).isGreaterThanOrEqualTo(lifetime);
    }
    assertThat(host.journal().faultsFired())
        .singleElement()
        .satisfies(
            fired ->
                assertThat(fired.description())
                    .isEqualTo("dropped the connection (FIN) after authentication, 2s later"));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void serverKilledIntoACommandCutsItAtThatMomentForEachClient(SshClientLibrary client)
      throws Exception {
    host.faults()
        .add(
            Fault.delay(SLOW_COMMAND).at(Stage.EXEC).forCommand("slow"),
            Fault.dropConnection().at(Stage.EXEC).after(LIFETIME).forCommand("slow"));
    long start = System.nanoTime();

    switch (client) {
        // MINA and JSch throw nothing: the output just ends, without an exit status.
      case MINA, JSCH -> {
        ExecResult result = client.exec(Login.password(host, "alice", "secret"), "slow");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitStatus()).isNull();
      }
      case SSHJ ->
          assertThatThrownBy(
                  () -> client.exec(Login.password(host, "alice", "secret"), "slow"))
              .hasStackTraceContaining("encountered EOF");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isGreaterThanOrEqualTo(LIFETIME).isLessThan(SLOW_COMMAND);
  }

  @Test
  void commandThatFinishesFirstIsNotCut() throws Exception {
    Duration lifetime = Duration.ofSeconds(2);
    host.faults().add(Fault.resetConnection().at(Stage.EXEC).after(lifetime));

    try (MinaSession session = MinaSession.open(Login.password(host, "alice", "secret"))) {
      assertThat(session.exec("id", lifetime))
          .isEqualTo(new ExecResult("uid=1000(alice)\n", "", 0));
    }
    // The session closed first: at the moment nothing happens, and nothing is reported.
    await()
        .during(lifetime.plusMillis(500))
        .atMost(lifetime.plusSeconds(2))
        .until(() -> host.journal().faultsFired().isEmpty());
  }
}
