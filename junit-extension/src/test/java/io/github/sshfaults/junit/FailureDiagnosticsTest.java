package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failed test leaves each host's description and journal tail in the report. */
class FailureDiagnosticsTest {

  @Test
  void publishesEachHostsDescriptionAndJournalTailWhenATestFails() {
    EngineExecutionResults results = TestKit.run(Failing.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Map<String, Map<String, String>> entries = TestKit.reportEntries(results);
    assertThat(entries).containsOnlyKeys("failsAfterRunningUptime(FakeSshHost)");
    Map<String, String> failed = entries.get("failsAfterRunningUptime(FakeSshHost)");
    assertThat(failed)
        .containsOnlyKeys("sshfaults.host.web", "sshfaults.host.shared", "sshfaults.host.gateway");
    assertThat(failed.get("sshfaults.host.web"))
        .startsWith("FakeSshHost[web, 127.0.0.1:")
        .contains("host key ECDSA_P256 SHA256:", "algorithms FAST", "closed")
        .contains("journal of FakeSshHost[web, 127.0.0.1:")
        .contains("no faults", "(replay this host's random decisions with @FakeHost(seed = ")
        .containsPattern("auth user=\"alice\" method=\"[A-Z_]+\" accepted=true")
        .contains("command user=\"alice\" commandLine=\"uptime\" exitCode=0");
    assertThat(failed.get("sshfaults.host.shared")).contains(", shared", "nothing recorded");
    assertThat(failed.get("sshfaults.host.gateway")).contains(", shared");
  }

  @Test
  void attachesTheDiagnosticsToTheFailureSoThatEveryRunnerShowsThem() {
    EngineExecutionResults results = TestKit.run(Failing.class);

    Throwable failure = TestKit.firstFailure(results.testEvents());
    assertThat(failure).hasMessage("deliberate failure");
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(
            diagnostics ->
                assertThat(diagnostics.getMessage())
                    .startsWith("what the fake hosts saw\nsshfaults.host.web = FakeSshHost[web, ")
                    .contains("\nsshfaults.host.shared = ", "\nsshfaults.host.gateway = "));
  }

  @Test
  void publishesWhenABeforeEachMethodFails() {
    EngineExecutionResults results = TestKit.run(FailingBeforeEach.class);

    assertThat(TestKit.reportEntries(results).values())
        .singleElement()
        .satisfies(entries -> assertThat(entries).containsKey("sshfaults.host.shared"));
  }

  @Test
  void publishesWhenABeforeAllMethodFailsOnceForBothExtensions() {
    EngineExecutionResults results = TestKit.run(FailingBeforeAll.class);

    Map<String, Map<String, String>> entries = TestKit.reportEntries(results);
    assertThat(entries.get("FailureDiagnosticsTest$FailingBeforeAll"))
        .containsOnlyKeys("sshfaults.host.shared", "sshfaults.host.gateway");
    Throwable failure =
        results.containerEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(
            diagnostics ->
                assertThat(diagnostics.getMessage()).contains("sshfaults.host.shared = "));
  }

  @Test
  void showsWhatAClientSentEscapedSoThatItCannotRewriteTheTerminal() {
    // slf4j-simple writes the diagnostics' warning to whatever System.err is at the time.
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    EngineExecutionResults results;
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      results = TestKit.run(FailingAfterAHostileClient.class);
    } finally {
      System.setErr(stderr);
    }

    String entry =
        TestKit.reportEntries(results)
            .get("failsAfterAHostileClient(FakeSshHost)")
            .get("sshfaults.host.web");
    String attached = TestKit.firstFailure(results.testEvents()).getSuppressed()[0].getMessage();
    for (String report : new String[] {entry, attached}) {
      assertThat(report)
          .contains("identification=\"SSH-2.0-\\e[2J\\x07ALL TESTS PASSED\"")
          .contains("commandLine=\"clear\\x07\\e[2J\"")
          .doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
    }
    String warning = logged.toString(StandardCharsets.UTF_8);
    assertThat(warning)
        .contains("failsAfterAHostileClient(FakeSshHost) failed (java.lang.AssertionError:"
            + " deliberate failure after \\\"clear\\x07\\e[2J\\\")")
        .doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
  }

  // Run by the test kit only.

  @SshFaultsTest
  static class FailingAfterAHostileClient {
    @Test
    void failsAfterAHostileClient(@FakeHost(users = "alice:pw") FakeSshHost web) throws Exception {
      RawProbe.send(
          web.host(),
          web.port(),
          "SSH-2.0-\u001b[2J\u0007ALL TESTS PASSED\r\n".getBytes(StandardCharsets.UTF_8),
          Duration.ofMillis(200));
      SshClientLibrary.MINA.exec(Login.password(web, "alice", "pw"), "clear\u0007\u001b[2J");
      web.journal().awaitClosedConnections(2);
      // A failure message quoting what a command printed, terminal codes and all.
      throw new AssertionError("deliberate failure after \"clear\u0007\u001b[2J\"");
    }
  }

  @SshFaultsTest
  static class FailingBeforeAll {
    @FakeHost static FakeSshHost shared;

    @RegisterExtension static FakeHostExtension gateway = FakeHostExtension.builder().build();

    @BeforeAll
    static void setUp() {
      throw new IllegalStateException("deliberate failure in @BeforeAll");
    }

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class Failing {
    @FakeHost static FakeSshHost shared;

    @RegisterExtension static FakeHostExtension gateway = FakeHostExtension.builder().build();

    @Test
    void failsAfterRunningUptime(@FakeHost(users = "alice:pw") FakeSshHost web) throws Exception {
      web.command("uptime").replies("up\n");
      SshClientLibrary.MINA.exec(Login.password(web, "alice", "pw"), "uptime");
      web.close(); // diagnostics must cope with a closed host too
      throw new AssertionError("deliberate failure");
    }

    @Test
    void passesQuietly() {}
  }

  @SshFaultsTest
  static class FailingBeforeEach {
    @FakeHost static FakeSshHost shared;

    @BeforeEach
    void setUp() {
      throw new IllegalStateException("deliberate failure in @BeforeEach");
    }

    @Test
    void neverRuns() {}
  }
}
