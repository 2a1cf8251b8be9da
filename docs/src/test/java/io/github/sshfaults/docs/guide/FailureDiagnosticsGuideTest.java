package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The lifecycle page: what a failed test leaves in its report. The failing example runs through
 * JUnit's test kit, never on its own (the docs module's Surefire excludes its tag).
 */
class FailureDiagnosticsGuideTest {

  @Tag("test-kit-only")
  // tag::failing[]
  @SshFaultsTest
  static class DeployTest {

    @FakeHost(users = "deploy:s3cret")
    static FakeSshHost bastion;

    @Test
    void deploysEverywhere(
        @FakeHost(users = "deploy:rotated-yesterday") FakeSshHost web, ConcurrentSsh runner) {
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              List.of(web),
              JschClientAdapter.factory(),
              (jsch, host) -> jsch.exec(host, SshLogin.password("deploy", "s3cret"), "deploy"));

      assertThat(report).allSucceeded();   // fails: web has another password for deploy
    }
  }

  // end::failing[]

  @Test
  void publishesEachHostAndEachRunOfTheFailedTest() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(DeployTest.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Map<String, String> entries = new LinkedHashMap<>();
    results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
        .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));

    assertThat(entries)
        .containsOnlyKeys("sshfaults.host.web", "sshfaults.host.bastion", "sshfaults.run.runner");
    assertThat(entries.get("sshfaults.host.web"))
        .startsWith("FakeSshHost[web, 127.0.0.1:")
        .contains("(host key ECDSA_P256 SHA256:", ", algorithms FAST)\nseed ", ", no faults\n")
        .contains("(replay this host's random decisions with @FakeHost(seed = ")
        .contains("\njournal of FakeSshHost[web, ")
        .contains(
            "auth user=\"deploy\" method=\"PASSWORD\" accepted=false reason=\"wrong password\"");
    assertThat(entries.get("sshfaults.host.bastion")).contains(", shared)", "nothing recorded");
    assertThat(entries.get("sshfaults.run.runner"))   // the table is in the assertion's message
        .startsWith("run deploysEverywhere-")
        .contains("1 task, 0 succeeded, 1 failed (AUTH 1)")
        .endsWith("\n(outcome table: in the assertion message above)");
    Throwable failure =
        results.testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(failure.getMessage())
        .contains("\nweb    | failed  | AUTH | JSchException: Auth fail for methods");
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(
            diagnostics ->
                assertThat(diagnostics.getMessage())
                    .startsWith("what the fake hosts saw\nsshfaults.host.web = ")
                    .contains("\nsshfaults.run.runner = run deploysEverywhere-"));
  }
}
