package io.github.sshfaults.junit;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The concurrent runner as a test parameter, and its outcome table in a failed test's report. */
@SshFaultsTest
class ConcurrentSshParameterTest {

  @Test
  void injectsARunnerNamedAfterTheTest(
      @FakeHost(users = "alice:secret") FakeSshHost good,
      @FakeHost(users = "alice:other") FakeSshHost locked,
      ConcurrentSsh runner) {
    good.command("uptime").replies("up\n");

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(good, locked),
            JschClientAdapter.factory(),
            (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));

    assertThat(report).succeededOn(good).failedOn(locked, FailureKind.AUTH);
    assertThat(report.outcomes())
        .allSatisfy(
            outcome ->
                assertThat(outcome.threadName())
                    .startsWith("sshfaults-injectsARunnerNamedAfterTheTest-"));
  }

  @Test
  void publishesTheOutcomeTableOfEachRunWhenATestFails() {
    EngineExecutionResults results = TestKit.run(FailingAfterARun.class);

    Map<String, String> entries =
        TestKit.reportEntries(results).get("failsAfterARun(FakeSshHost, ConcurrentSsh)");
    assertThat(entries).containsKey("sshfaults.run.runner");
    assertThat(entries.get("sshfaults.run.runner"))
        .as("the table names the host after its parameter")
        .containsPattern("\nhost +\\| failed +\\| AUTH");
  }

  @Test
  void pointsToTheAssertionMessageInsteadOfRepeatingItsOutcomeTable() {
    EngineExecutionResults results = TestKit.run(FailingAnAssertionOnTheRun.class);

    Map<String, String> entries =
        TestKit.reportEntries(results).get("failsAnAssertion(FakeSshHost, ConcurrentSsh)");
    assertThat(entries.get("sshfaults.run.runner"))
        .startsWith("run failsAnAssertion-")
        .contains(": 1 task, 0 succeeded, 1 failed (AUTH 1)")
        .endsWith("\n" + Diagnostics.TABLE_IN_MESSAGE)
        .doesNotContain("| failed ");
    Throwable failure = TestKit.firstFailure(results.testEvents());
    assertThat(failure.getMessage()).containsPattern("\nlocked +\\| failed +\\| AUTH");
    assertThat(failure.getSuppressed()[0].getMessage())
        .contains("sshfaults.run.runner = run failsAnAssertion-")
        .doesNotContain("| failed ");
  }

  // Run by the test kit only.

  @SshFaultsTest
  static class FailingAnAssertionOnTheRun {
    @Test
    void failsAnAssertion(
        @FakeHost(users = "alice:other") FakeSshHost locked, ConcurrentSsh runner) {
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              List.of(locked),
              JschClientAdapter.factory(),
              (client, target) -> client.exec(target, SshLogin.password("alice", "pw"), "uptime"));
      assertThat(report).allSucceeded();
    }
  }

  @SshFaultsTest
  static class FailingAfterARun {
    static FakeSshHost locked;

    @Test
    void failsAfterARun(@FakeHost(users = "alice:other") FakeSshHost host, ConcurrentSsh runner) {
      locked = host;
      runner.run(
          List.of(host),
          JschClientAdapter.factory(),
          (client, target) -> client.exec(target, SshLogin.password("alice", "secret"), "uptime"));
      throw new AssertionError("deliberate failure");
    }
  }
}
