package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What reports and outcome tables call hosts: {@code @FakeHost(name)}, the parameter's or field's
 * name, or, without {@code javac -parameters}, a stand-in that the report explains once.
 */
class HostNamesTest {

  @TempDir Path classes;

  @Test
  void namesAHostByTheNameAttributeInTheReportAndTheOutcomeTable() {
    EngineExecutionResults results = TestKit.run(Named.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Map<String, String> entries = TestKit.reportEntries(results).values().iterator().next();
    assertThat(entries).containsOnlyKeys("sshfaults.host.web-1", "sshfaults.run.runner");
    assertThat(entries.get("sshfaults.host.web-1")).startsWith("FakeSshHost[web-1, 127.0.0.1:");
    assertThat(entries.get("sshfaults.run.runner"))
        .containsPattern("\nweb-1 +\\| failed +\\| AUTH");
  }

  @Test
  void rejectsABlankNameNamingTheParameter() {
    assertThat(TestKit.firstFailure(TestKit.tests(BlankName.class)))
        .isInstanceOf(ParameterResolutionException.class)
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("@FakeHost(name) must not be blank, but was \" \"")
        .hasMessageContaining("FakeSshHost host] at index 0");
  }

  @Test
  void rejectsTwoHostsOfOneTestWithTheSameNameAlsoAcrossClassAndTest() {
    assertThat(TestKit.firstFailure(TestKit.tests(SameNameTwice.class)))
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@FakeHost(name = \"web\") gives it the name of another host of the same test, on"
                + " parameter at index 0 of twoWebs(FakeSshHost, FakeSshHost): each host needs a"
                + " name of its own, on parameter [");
    assertThat(TestKit.firstFailure(TestKit.tests(SameNameAsASharedHost.class)))
        .cause()
        .hasMessageContaining("the name of another host of the same test, on field ")
        .hasMessageContaining("SameNameAsASharedHost.gateway");
  }

  @Test
  void givesUnnamedParametersStandInsAndExplainsThemOnceInTheReport() throws Exception {
    try (WithoutParameterNames compiled =
        WithoutParameterNames.compile(classes, "noparams.Unnamed", UNNAMED)) {
      Class<?> unnamed = compiled.load("noparams.Unnamed");
      assertThat(
              unnamed
                  .getDeclaredMethod(
                      "fails",
                      FakeSshHost.class,
                      FakeSshHost.class,
                      ConcurrentSsh.class,
                      List.class)
                  .getParameters()[0]
                  .isNamePresent())
          .as("compiled without -parameters")
          .isFalse();

      EngineExecutionResults results = TestKit.run(unnamed);

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      Map<String, String> entries = TestKit.reportEntries(results).values().iterator().next();
      assertThat(entries)
          .containsOnlyKeys(
              "sshfaults.host.setUp-host-1",
              "sshfaults.host.host-1",
              "sshfaults.host.host-2_2",
              "sshfaults.host.host-2",
              "sshfaults.host.fleet-1-1",
              "sshfaults.host.fleet-1-2",
              "sshfaults.run.runner-1",
              Diagnostics.NAMES_KEY);
      assertThat(entries.get("sshfaults.host.host-1")).startsWith("FakeSshHost[host-1, ");
      assertThat(entries.get("sshfaults.run.runner-1")).contains("\nhost-1 ");
      assertThat(entries.get(Diagnostics.NAMES_KEY))
          .isEqualTo(
              "setUp-host-1 (parameter at index 0 of setUp(FakeSshHost)), host-1 (parameter at"
                  + " index 0 of fails(FakeSshHost, FakeSshHost, ConcurrentSsh, List)), host-2_2"
                  + " (parameter at index 1 of fails(FakeSshHost, FakeSshHost, ConcurrentSsh,"
                  + " List)), fleet-1-1..fleet-1-2 (parameter at index 3 of fails(FakeSshHost,"
                  + " FakeSshHost, ConcurrentSsh, List)), runner-1 (parameter at index 2 of"
                  + " fails(FakeSshHost, FakeSshHost, ConcurrentSsh, List)) are stand-in names:"
                  + " the test was compiled without javac -parameters, so its parameters have no"
                  + " names. For real names, name each host with @FakeHost(name = \"web\"), or"
                  + " compile the tests with -parameters (Maven: <maven.compiler.parameters>true"
                  + "</maven.compiler.parameters>), which names hosts and runners after their"
                  + " parameters");
      Throwable failure = TestKit.firstFailure(results.testEvents());
      assertThat(failure.getSuppressed()[0].getMessage())
          .containsOnlyOnce("are stand-in names")
          .endsWith("which names hosts and runners after their parameters");
    }
  }

  @Test
  void saysNothingAboutNamesWhenEveryHostHasOne() {
    EngineExecutionResults results = TestKit.run(Named.class);

    assertThat(TestKit.reportEntries(results).values())
        .allSatisfy(entries -> assertThat(entries).doesNotContainKey(Diagnostics.NAMES_KEY));
  }

  // Compiled without -parameters by the test above. The @BeforeEach host is named after its
  // method; "host-2" is taken by name, so the second parameter's stand-in is made unique.
  private static final String UNNAMED =
      """
      package noparams;

      import io.github.sshfaults.concurrent.ConcurrentSsh;
      import io.github.sshfaults.junit.FakeHost;
      import io.github.sshfaults.junit.SshFaultsTest;
      import io.github.sshfaults.sshd.FakeSshHost;
      import java.util.List;
      import org.junit.jupiter.api.BeforeEach;
      import org.junit.jupiter.api.Test;

      @SshFaultsTest
      public class Unnamed {
        @FakeHost(name = "host-2")
        FakeSshHost named;

        @BeforeEach
        void setUp(FakeSshHost gateway) {}

        @Test
        void fails(
            FakeSshHost first,
            FakeSshHost second,
            ConcurrentSsh runner,
            @FakeHost(count = 2) List<FakeSshHost> fleet) {
          runner.run(List.of(first), host -> "ok");
          throw new AssertionError("deliberate failure");
        }
      }
      """;

  // Run by the test kit only.

  @SshFaultsTest
  static class Named {
    @Test
    void failsAfterARun(
        @FakeHost(name = "web-1", users = "deploy:other") FakeSshHost host, ConcurrentSsh runner) {
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              List.of(host),
              JschClientAdapter.factory(),
              (jsch, target) -> jsch.exec(target, SshLogin.password("deploy", "pw"), "uptime"));
      assertThat(host.displayName()).isEqualTo("web-1");
      throw new AssertionError("deliberate failure after " + report.summary());
    }
  }

  @SshFaultsTest
  static class BlankName {
    @Test
    void neverRuns(@FakeHost(name = " ") FakeSshHost host) {}
  }

  @SshFaultsTest
  static class SameNameTwice {
    @Test
    void twoWebs(@FakeHost(name = "web") FakeSshHost a, @FakeHost(name = "web") FakeSshHost b) {}
  }

  @SshFaultsTest
  static class SameNameAsASharedHost {
    @FakeHost(name = "bastion")
    static FakeSshHost gateway;

    @Test
    void neverRuns(@FakeHost(name = "bastion") FakeSshHost host) {}
  }
}
