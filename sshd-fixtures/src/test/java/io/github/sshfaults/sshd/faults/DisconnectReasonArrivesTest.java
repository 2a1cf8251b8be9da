package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.sshd.common.SshException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A disconnect fault is never lost: on every connection, each client library says it received the
 * {@code SSH_MSG_DISCONNECT} with the fault's reason and message, whatever its threads were doing
 * when it arrived. Repeated, because a lost disconnect shows only now and then.
 *
 * <p>Twenty connections for the two disconnects users meet most (too many authentication failures,
 * and a session killed right after its login), five at every other stage a disconnect applies to.
 *
 * <p>What a library then throws is another matter: after the login, MINA SSHD, JSch and sshj each
 * report the dead session in one of several ways, by timing (see {@code
 * AfterAuthAndChannelFaultsTest}); only the hooks below see the reason every time.
 */
class DisconnectReasonArrivesTest {

  private static final int CONNECTIONS = 20;
  private static final int CONNECTIONS_PER_STAGE = 5;

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

  /** A disconnect as a client library heard it. */
  private record Heard(int reason, String message) {}

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void tooManyAuthFailuresReachEveryConnectionWithTheirReason(SshClientLibrary client) {
    host.faults().add(Fault.tooManyAuthFailures(1));
    Login wrong = Login.password(host, "alice", "wrong").withTimeout(Duration.ofSeconds(2));
    Heard expected =
        new Heard(DisconnectReason.PROTOCOL_ERROR.code(), "Too many authentication failures");

    for (int connection = 1; connection <= CONNECTIONS; connection++) {
      List<Heard> heard = new CopyOnWriteArrayList<>();
      assertThatThrownBy(
              () -> client.exec(wrong, "id", (reason, text) -> heard.add(new Heard(reason, text))))
          .as("connection %d", connection)
          .satisfies(
              thrown -> {
                switch (client) {
                  case MINA ->
                      assertCausedBy(
                          thrown, SshException.class, "Too many authentication failures");
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
      awaitHeard(heard, expected, connection);
    }
    assertThat(host.journal().connections()).hasSize(CONNECTIONS);
    assertThat(host.journal().awaitClosedConnections(CONNECTIONS)).hasSize(CONNECTIONS);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void disconnectAfterAuthReachesEveryConnectionWithItsReason(SshClientLibrary client) {
    host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance"));
    Login alice = alice(client);
    Heard expected = new Heard(DisconnectReason.BY_APPLICATION.code(), "maintenance");

    for (int connection = 1; connection <= CONNECTIONS; connection++) {
      List<Heard> heard = new CopyOnWriteArrayList<>();
      assertThatThrownBy(
              () -> client.exec(alice, "id", (reason, text) -> heard.add(new Heard(reason, text))))
          .as("connection %d", connection)
          .isInstanceOfAny(
              IllegalStateException.class,
              // MINA SSHD and sshj: "Not connected", "Closed", "Socket closed", the disconnect
              java.io.IOException.class,
              com.jcraft.jsch.JSchException.class,
              // JSch's openChannel("exec") gives null when the session died while it set it up
              NullPointerException.class);
      awaitHeard(heard, expected, connection);
    }
    assertThat(host.journal().connections()).hasSize(CONNECTIONS);
    assertThat(host.journal().awaitClosedConnections(CONNECTIONS)).hasSize(CONNECTIONS);
  }

  static Stream<Arguments> otherStagesAndClients() {
    return Stream.of(Stage.KEX, Stage.AUTH, Stage.CHANNEL_OPEN, Stage.EXEC, Stage.OUTPUT)
        .flatMap(
            stage ->
                Arrays.stream(SshClientLibrary.values()).map(client -> arguments(stage, client)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("otherStagesAndClients")
  void disconnectAtAnyOtherStageReachesEveryConnectionWithItsReason(
      Stage stage, SshClientLibrary client) {
    Fault disconnect = Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance").at(stage);
    host.command("cat big.log").replies("x".repeat(5_000));
    host.faults().add(stage == Stage.OUTPUT ? disconnect.afterBytes(1_000) : disconnect);
    Login alice = alice(client);
    Heard expected = new Heard(DisconnectReason.BY_APPLICATION.code(), "maintenance");

    for (int connection = 1; connection <= CONNECTIONS_PER_STAGE; connection++) {
      List<Heard> heard = new CopyOnWriteArrayList<>();
      try {
        // MINA SSHD and JSch throw nothing at EXEC and OUTPUT: the command just ends early.
        client.exec(alice, "cat big.log", (reason, text) -> heard.add(new Heard(reason, text)));
      } catch (Exception expectedFailure) {
        // Which exception is the business of the stage's own tests.
      }
      awaitHeard(heard, expected, connection);
    }
    assertThat(host.journal().awaitClosedConnections(CONNECTIONS_PER_STAGE))
        .hasSize(CONNECTIONS_PER_STAGE);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aCodeOutsideTheRfcArrivesAsSent(SshClientLibrary client) {
    host.faults().add(Fault.disconnectWithCode(4096, "odd reason").at(Stage.EXEC));
    // sshj maps every code it does not know to its own UNKNOWN, which it numbers 0.
    Heard expected = new Heard(client == SshClientLibrary.SSHJ ? 0 : 4096, "odd reason");

    List<Heard> heard = new CopyOnWriteArrayList<>();
    try {
      client.exec(alice(client), "id", (reason, text) -> heard.add(new Heard(reason, text)));
    } catch (Exception expectedFailure) {
      // What each client throws is the business of ExecFaultsTest.
    }
    awaitHeard(heard, expected, 1);
  }

  /**
   * The login must succeed before the disconnect can come, so its timeout is the generous default,
   * except for JSch: JSch waits this long for a channel of a session that the host has ended before
   * it says "session is down", once per connection, so it keeps a short one.
   */
  private Login alice(SshClientLibrary client) {
    Login alice = Login.password(host, "alice", "secret");
    return client == SshClientLibrary.JSCH ? alice.withTimeout(Duration.ofMillis(500)) : alice;
  }

  private static void awaitHeard(List<Heard> heard, Heard expected, int connection) {
    // Some libraries hear it on their own thread, after the caller's exception.
    Awaitility.await("disconnect heard on connection " + connection)
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .untilAsserted(() -> assertThat(heard).contains(expected));
  }
}
