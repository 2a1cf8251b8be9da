package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.sshd.internal.faults.FaultEvent;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.RawProbe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The same seed gives the same faults on the same connections, whatever the timing. */
class SeedReproducibilityTest {

  private static final int CONNECTIONS = 200;
  private static final FaultPlan COIN_TOSSES =
      FaultPlan.of(
          Fault.garbageBanner("HTTP/1.0 400 Bad Request\r\n\r\n").withProbability(0.2),
          Fault.resetConnection().withProbability(0.25),
          Fault.dropConnection().withProbability(0.3));

  /** What the client saw of each connection, and what the engine says it did. */
  private record Run(List<String> seen, Map<Integer, Integer> firedRules) {}

  private static Run run(long seed) throws IOException {
    Map<Integer, Integer> fired = new ConcurrentHashMap<>();
    List<String> seen = new ArrayList<>(CONNECTIONS);
    try (FakeSshHost host = FakeSshHost.builder().seed(seed).faults(COIN_TOSSES).start()) {
      host.faultEngine()
          .setListener((FaultEvent event) -> fired.put(event.connectionIndex(), event.rule()));
      for (int i = 0; i < CONNECTIONS; i++) {
        seen.add(outcome(RawProbe.firstSign(host.host(), host.port(), Duration.ofSeconds(10))));
      }
    }
    return new Run(seen, new TreeMap<>(fired));
  }

  private static String outcome(Observation observation) {
    if (observation.ending() == Ending.SPOKE) {
      return observation.received().startsWith("SSH-") ? "works" : "garbage";
    }
    return observation.ending().name();
  }

  @AfterEach
  void clearSeedProperty() {
    System.clearProperty(HostFaults.SEED_PROPERTY);
  }

  @Test
  void sameSeedGivesTheSameFaultsOnTheSameConnections() throws Exception {
    Run first = run(42);
    Run second = run(42);

    assertThat(second.seen()).isEqualTo(first.seen());
    assertThat(second.firedRules()).isEqualTo(first.firedRules());
    assertThat(first.seen()).contains("works", "garbage", "RESET", "FIN");
  }

  @Test
  void anotherSeedGivesOtherFaults() throws Exception {
    assertThat(run(43).seen()).isNotEqualTo(run(42).seen());
  }

  @Test
  void theEngineReportsWhatTheClientSaw() throws Exception {
    Run run = run(7);

    for (int index = 1; index <= CONNECTIONS; index++) {
      String expected =
          switch (run.firedRules().getOrDefault(index, 0)) {
            case 1 -> "garbage";
            case 2 -> "RESET";
            case 3 -> "FIN";
            default -> "works";
          };
      assertThat(run.seen().get(index - 1)).as("connection %d", index).isEqualTo(expected);
    }
  }

  @Test
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  void systemPropertyForcesTheSeedUnlessTheBuilderSetsOne() {
    System.setProperty(HostFaults.SEED_PROPERTY, "1234");

    try (FakeSshHost forced = FakeSshHost.start();
        FakeSshHost explicit = FakeSshHost.builder().seed(99).start()) {
      assertThat(forced.seed()).isEqualTo(1234);
      assertThat(forced).hasToString("FakeSshHost[127.0.0.1:" + forced.port() + ", seed=1234]");
      assertThat(explicit.seed()).isEqualTo(99);
    }
  }

  @Test
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  void badSeedPropertyFailsHostCreationNamingTheProperty() {
    System.setProperty(HostFaults.SEED_PROPERTY, "forty-two");

    assertThatIllegalArgumentException()
        .isThrownBy(FakeSshHost::start)
        .withMessageContaining("sshfaults.seed must be a whole number");
  }

  @Test
  void seedsDifferBetweenHostsWithoutOne() {
    try (FakeSshHost one = FakeSshHost.start();
        FakeSshHost two = FakeSshHost.start()) {
      assertThat(one.seed()).isNotEqualTo(two.seed());
      assertThat(one.faults().describe()).startsWith("seed " + one.seed());
    }
  }
}
