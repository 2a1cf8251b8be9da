package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import io.github.sshfaults.sshd.testclients.TcpRelay;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A drop is a FIN and a reset an RST on the wire, at every stage where they can happen and with
 * every client: seen by a relay between client and host, which reads the encrypted stream as bytes.
 */
class FinAndRstAtEveryStageTest {

  private static final List<Stage> STAGES =
      List.of(
          Stage.CONNECT,
          Stage.KEX,
          Stage.AUTH,
          Stage.AFTER_AUTH,
          Stage.CHANNEL_OPEN,
          Stage.EXEC,
          Stage.OUTPUT);

  static Stream<Arguments> stagesEndingsAndClients() {
    return STAGES.stream()
        .flatMap(
            stage ->
                Stream.of(Ending.FIN, Ending.RESET)
                    .filter(ending -> canHappenAt(fault(ending), stage))
                    .flatMap(
                        ending ->
                            Arrays.stream(SshClientLibrary.values())
                                .map(client -> Arguments.of(stage, ending, client))));
  }

  private static boolean canHappenAt(Fault fault, Stage stage) {
    try {
      fault.at(stage);
      return true;
    } catch (IllegalArgumentException notThere) {
      return false;
    }
  }

  private static Fault fault(Ending ending) {
    return ending == Ending.FIN ? Fault.dropConnection() : Fault.resetConnection();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("stagesEndingsAndClients")
  void endsTheConnectionAsTheFaultSays(Stage stage, Ending ending, SshClientLibrary client)
      throws Exception {
    Fault fault = fault(ending).at(stage);
    try (FakeSshHost host =
            FakeSshHost.builder()
                .faults(stage == Stage.OUTPUT ? fault.afterBytes(25) : fault)
                .start();
        TcpRelay relay = TcpRelay.to(host.host(), host.port())) {
      host.user("alice", "secret").command("cat").replies("0123456789".repeat(50));
      Login login =
          relay.relaying(
              Login.password(host, "alice", "secret").withTimeout(Duration.ofSeconds(5)));

      ExecResult result = null;
      try {
        result = client.exec(login, "cat");
      } catch (Exception expected) {
        // Most clients throw; what each one says is in the tests of each catalog row.
      }

      assertThat(relay.awaitHostEnding(Duration.ofSeconds(10))).isEqualTo(ending);
      if (result != null) {
        assertThat(result.exitStatus()).as("exit status of a command cut short").isNull();
      }
    }
  }
}
