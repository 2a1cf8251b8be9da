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

  // Run by the test kit only.

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
