package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One precedence rule, as for stubs: among the faults that fire on one occasion and exclude each
 * other, the one added last takes effect and the others count nothing; faults that combine all
 * apply. Checked on the wire, with a raw socket and MINA SSHD's client.
 */
class NewestFaultWinsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Duration DELAY = Duration.ofMillis(300);

  private final FakeSshHost host = FakeSshHost.builder().seed(3).start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  @Test
  void theNewestOfTwoEndingsEndsTheConnection() throws Exception {
    host.faults().add(Fault.dropConnection(), Fault.resetConnection());

    assertThat(RawProbe.firstSign(host.host(), host.port(), PATIENCE).ending())
        .isEqualTo(Ending.RESET);
    assertThat(host.faults().describe())
        .contains("1. dropConnection() at CONNECT  [fired 0 times in 1 occasion]")
        .contains("2. resetConnection() at CONNECT  [fired 1 time in 1 occasion]");

    host.faults().replace(FaultPlan.of(Fault.resetConnection(), Fault.dropConnection()));

    assertThat(RawProbe.firstSign(host.host(), host.port(), PATIENCE).ending())
        .isEqualTo(Ending.FIN);
  }

  @Test
  void theNewestBannerIsSent() throws Exception {
    host.faults().add(Fault.garbageBanner("first\r\n"), Fault.garbageBanner("second\r\n"));

    assertThat(RawProbe.probe(host.host(), host.port(), PATIENCE).received())
        .isEqualTo("second\r\n");
  }

  @Test
  void aNarrowFaultAddedLaterOverridesABroadOneAndABroadOneAddedLaterOverridesItAgain()
      throws Exception {
    host.commandGlob("*").replies("done\n");
    host.faults()
        .add(
            Fault.exitWith(1, "broad\n").forCommandGlob("*"),
            Fault.exitWith(2, "narrow\n").forCommand("deploy"));

    assertThat(SshClientLibrary.MINA.exec(alice(), "deploy"))
        .isEqualTo(new ExecResult("", "narrow\n", 2));
    assertThat(SshClientLibrary.MINA.exec(alice(), "uptime"))
        .isEqualTo(new ExecResult("", "broad\n", 1));

    host.faults().add(Fault.exitWith(3, "broad again\n").forCommandGlob("*"));

    assertThat(SshClientLibrary.MINA.exec(alice(), "deploy"))
        .isEqualTo(new ExecResult("", "broad again\n", 3));
    assertThat(host.faults().describe())
        .contains("1. exitWith(1, \"broad\\n\") at EXEC when forCommandGlob(\"*\")  [fired 1 time")
        .contains(
            "2. exitWith(2, \"narrow\\n\") at EXEC when forCommand(\"deploy\")  [fired 1 time")
        .contains(
            "3. exitWith(3, \"broad again\\n\") at EXEC when forCommandGlob(\"*\")  [fired 1 time");
  }

  @Test
  void aRejectionAddedAfterADropAnswersInsteadOfIt() {
    host.faults().add(Fault.dropConnection().at(Stage.AUTH), Fault.rejectAuth());

    assertThatThrownBy(() -> SshClientLibrary.MINA.exec(alice(), "id"))
        .hasMessageContaining("No more authentication methods available");
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .allMatch(description -> description.startsWith("rejected"));
  }

  @Test
  void faultsThatCombineAllApply() throws Exception {
    host.faults().add(Fault.delay(DELAY).at(Stage.EXEC), Fault.exitWith(4, "late\n"));

    long start = System.nanoTime();
    ExecResult result = SshClientLibrary.MINA.exec(alice(), "id");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
    assertThat(result).isEqualTo(new ExecResult("", "late\n", 4));
    assertThat(host.journal().faultsFired()).hasSize(2);
  }

  @Test
  void aDelayHoldsAnEndingOfTheSameOccasion() throws Exception {
    host.command("id").replies("uid=1000\n");
    host.faults().add(Fault.dropConnection().at(Stage.EXEC), Fault.delay(DELAY).at(Stage.EXEC));

    long start = System.nanoTime();
    ExecResult result = SshClientLibrary.MINA.exec(alice(), "id");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
    // MINA SSHD's client throws nothing: the command ends without output nor exit status.
    assertThat(result).isEqualTo(new ExecResult("", "", null));
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly(
            "delayed the output of \"id\" by 300ms",
            "dropped the connection (FIN) instead of running \"id\"");
  }
}
