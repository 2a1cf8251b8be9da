package com.example.fleet.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a failed test's report calls hosts in a project compiled without {@code -parameters}: the
 * name {@code @FakeHost(name)} gives, else a stand-in that the report explains once.
 */
class FailureReportNamesTest {

  @Test
  void showsANamedHostUnderItsNameInTheReportAndTheOutcomeTable() {
    EngineExecutionResults results = run(NamedHost.class);

    Map<String, String> entries = entries(results);
    assertThat(entries)
        .containsOnlyKeys("sshfaults.host.web", "sshfaults.run.runner-1", "sshfaults.names");
    assertThat(entries.get("sshfaults.host.web")).startsWith("FakeSshHost[web, 127.0.0.1:");
    assertThat(entries.get("sshfaults.run.runner-1"))
        .containsPattern("\ntarget +\\| outcome +\\| kind")
        .containsPattern("\nweb +\\| failed +\\| AUTH +\\| JSchException: Auth fail");
    assertThat(entries.get("sshfaults.names"))
        .startsWith(
            "runner-1 (parameter at index 1 of failsToLogIn(FakeSshHost, ConcurrentSsh)) is a"
                + " stand-in name: the test was compiled without javac -parameters");
  }

  @Test
  void givesUnnamedHostsStandInsAndSaysOnceHowToNameThem() {
    EngineExecutionResults results = run(UnnamedHosts.class);

    Map<String, String> entries = entries(results);
    assertThat(entries)
        .containsOnlyKeys("sshfaults.host.host-1", "sshfaults.host.host-2", "sshfaults.names");
    assertThat(entries.get("sshfaults.host.host-1")).startsWith("FakeSshHost[host-1, 127.0.0.1:");
    assertThat(entries.get("sshfaults.names"))
        .startsWith(
            "host-1 (parameter at index 0 of fails(FakeSshHost, FakeSshHost)), host-2 (parameter"
                + " at index 1 of fails(FakeSshHost, FakeSshHost)) are stand-in names")
        .contains("@FakeHost(name = \"web\")", "<maven.compiler.parameters>true");
    String diagnostics = failure(results).getSuppressed()[0].getMessage();
    assertThat(diagnostics).containsOnlyOnce("are stand-in names");
    assertThat(diagnostics).doesNotContain("arg0", "arg1");
  }

  @Test
  void showsEachHostOfAFleetUnderItsOwnName() {
    EngineExecutionResults results = run(Fleets.class);

    assertThat(entries(results))
        .containsOnlyKeys(
            "sshfaults.host.web-1",
            "sshfaults.host.web-2",
            "sshfaults.host.web-3",
            "sshfaults.host.fleet-2-1", // the second fleet parameter
            "sshfaults.host.fleet-2-2",
            "sshfaults.host.db-1",
            "sshfaults.host.db-2",
            "sshfaults.names");
    assertThat(entries(results).get("sshfaults.host.web-2"))
        .startsWith("FakeSshHost[web-2, 127.0.0.1:")
        .contains("(replay this fleet's random decisions with @FakeHost(seed = \"");
    assertThat(entries(results).get("sshfaults.host.db-1")).contains(", shared)");
    assertThat(entries(results).get("sshfaults.names"))
        .startsWith(
            "fleet-2-1..fleet-2-2 (parameter at index 1 of fails(List, List)) are stand-in names");
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    return results;
  }

  private static Map<String, String> entries(EngineExecutionResults results) {
    Map<String, String> entries = new LinkedHashMap<>();
    results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
        .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
    return entries;
  }

  private static Throwable failure(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .findFirst()
        .orElseThrow()
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  // Run by the test kit only: Surefire skips nested classes.

  @SshFaultsTest
  static class NamedHost {
    @Test
    void failsToLogIn(
        @FakeHost(name = "web", users = "deploy:rotated") FakeSshHost host, ConcurrentSsh runner) {
      runner.run(
          List.of(host),
          JschClientAdapter.factory(),
          (jsch, target) -> jsch.exec(target, SshLogin.password("deploy", "s3cret"), "uptime"));
      throw new AssertionError("deliberate failure");
    }
  }

  @SshFaultsTest
  static class UnnamedHosts {
    @Test
    void fails(FakeSshHost web, FakeSshHost db) {
      throw new AssertionError("deliberate failure");
    }
  }

  @SshFaultsTest
  static class Fleets {
    @FakeHost(count = 2)
    static List<FakeSshHost> db; // a field always has its name

    @Test
    void fails(
        @FakeHost(name = "web", count = 3) List<FakeSshHost> web,
        @FakeHost(count = 2) List<FakeSshHost> unnamed) {
      assertThat(web)
          .extracting(FakeSshHost::displayName)
          .containsExactly("web-1", "web-2", "web-3");
      throw new AssertionError("deliberate failure");
    }
  }
}
