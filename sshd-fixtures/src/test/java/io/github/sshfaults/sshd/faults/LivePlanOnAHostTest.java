package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.internal.SharedThreads;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A host's fault plan is live: added to, replaced and cleared while clients connect. */
class LivePlanOnAHostTest {

  private static Ending firstSign(FakeSshHost host) throws Exception {
    return RawProbe.firstSign(host.host(), host.port(), Duration.ofSeconds(5)).ending();
  }

  @Test
  void newConnectionsSeeFaultsAddedAndCleared() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThat(firstSign(host)).isEqualTo(Ending.SPOKE);

      host.faults().add(Fault.resetConnection());
      assertThat(firstSign(host)).isEqualTo(Ending.RESET);

      host.faults().clear();
      assertThat(firstSign(host)).isEqualTo(Ending.SPOKE);
    }
  }

  @Test
  void theBuilderPlanAppliesFromTheFirstConnectionAndCanBeReplaced() throws Exception {
    try (FakeSshHost host = FakeSshHost.builder().faults(Fault.dropConnection()).start()) {
      assertThat(firstSign(host)).isEqualTo(Ending.FIN);

      host.faults().replace(FaultPlan.of(Fault.resetConnection()));

      assertThat(firstSign(host)).isEqualTo(Ending.RESET);
      assertThat(host.faults().plan()).isEqualTo(FaultPlan.of(Fault.resetConnection()));
    }
  }

  @Test
  void openConnectionsSeeAChangeAtTheirNextCommand() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("alice", "secret").command("id").replies("uid=1000\n");
      try (MinaSession session = MinaSession.open(Login.password(host, "alice", "secret"))) {
        assertThat(session.exec("id").exitStatus()).isZero();

        host.faults().add(Fault.exitWith(3, "gone\n").at(Stage.EXEC));

        assertThat(session.exec("id")).isEqualTo(new ExecResult("", "gone\n", 3));
      }
    }
  }

  @Test
  void describesTheSeedThePlanAndHowOftenEachFaultFired() throws Exception {
    try (FakeSshHost host = FakeSshHost.builder().seed(5).start()) {
      host.faults().add(Fault.resetConnection().onConnection(2));
      firstSign(host);
      firstSign(host);

      assertThat(host.faults().describe())
          .isEqualTo(
              "seed 5, faults:\n"
                  + "  1. resetConnection() at CONNECT when onConnection(2)  [fired 1 time in 1"
                  + " occasion]");
    }
  }

  @Test
  void rejectsAnEmptyOrNullChangeAtOnce() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> host.faults().add())
          .withMessage("add needs at least one fault");
      assertThatNullPointerException()
          .isThrownBy(() -> host.faults().replace(null))
          .withMessage("fault plan must not be null");
      assertThatNullPointerException()
          .isThrownBy(() -> FakeSshHost.builder().faults((FaultPlan) null))
          .withMessage("fault plan must not be null");
    }
  }

  @Test
  void aClosedFaultyHostLeavesNoThreadBehind() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    FakeSshHost host =
        FakeSshHost.builder()
            .faults(
                Fault.delay(Duration.ofMillis(5)).at(Stage.TRANSPORT),
                Fault.delay(Duration.ofMillis(5)).at(Stage.AUTH),
                Fault.hang().at(Stage.EXEC).forCommand("stuck"))
            .start();
    host.user("alice", "secret").command("id").replies("uid=1000\n").command("stuck").replies("");
    SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "id");
    MinaSession hanging = MinaSession.open(Login.password(host, "alice", "secret"));
    hanging.session().createExecChannel("stuck").open().verify(Duration.ofSeconds(5));
    host.partition();

    host.close();
    hanging.close();

    Awaitility.await("threads of the closed host to end")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> !before.contains(t) && t.isAlive())
                            .map(Thread::getName)
                            .filter(
                                name -> name.startsWith("sshd-") || name.startsWith("sshfaults-"))
                            .filter(name -> !SharedThreads.isShared(name))
                            .collect(Collectors.toSet()))
                    .isEmpty());
  }
}
