package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/** {@code @FakeHost(count = N) List<FakeSshHost>}: N hosts alike, named, reported and closed. */
class FleetTest {

  /** What the classes run by the test kit saw; static because the kit instantiates them. */
  static final List<List<FakeSshHost>> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void startsAFleetOfHostsAlikeNamedAfterTheParameterAndClosesItAfterTheTest() {
    TestKit.tests(FleetPerTest.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(SEEN).singleElement().satisfies(fleet -> assertThat(fleet).hasSize(3));
    List<FakeSshHost> fleet = SEEN.get(0);
    assertThat(fleet)
        .extracting(FakeSshHost::displayName)
        .containsExactly("web-1", "web-2", "web-3");
    assertThat(fleet).extracting(FakeSshHost::port).doesNotHaveDuplicates();
    assertThat(fleet).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
  }

  @Test
  void describesEveryHostOfAFleetWhenATestFailsWithTheFleetsReplayHint() {
    EngineExecutionResults results = TestKit.run(FailingFleet.class);

    Map<String, String> entries = TestKit.reportEntries(results).values().iterator().next();
    assertThat(entries).containsOnlyKeys("sshfaults.host.db-1", "sshfaults.host.db-2");
    assertThat(entries.get("sshfaults.host.db-2"))
        .startsWith("FakeSshHost[db-2, 127.0.0.1:")
        .contains(
            "(replay this fleet's random decisions with @FakeHost(seed = \"42\", count = 2) on"
                + " fleet db, whose seed each of its hosts' seeds derives from; -Dsshfaults.seed=42"
                + " gives every fleet and single host that seed)");
  }

  @Test
  void derivesEachHostsSeedFromTheFleetsSeedSoThatOneSeedReplaysThemAll() {
    TestKit.tests(FailingFleet.class);
    TestKit.tests(FailingFleet.class);

    assertThat(SEEN).hasSize(2);
    List<Long> first = SEEN.get(0).stream().map(FakeSshHost::seed).toList();
    assertThat(first)
        .containsExactly(HostSpec.memberSeed(42, 1), HostSpec.memberSeed(42, 2))
        .doesNotHaveDuplicates();
    assertThat(SEEN.get(1)).extracting(FakeSshHost::seed).isEqualTo(first);
  }

  @Test
  void sharesAStaticFleetAndResetsEachOfItsHostsAfterEachTest() {
    TestKit.tests(SharedFleet.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(0)).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
  }

  @Test
  void sharesAFleetFromABeforeAllParameter() {
    TestKit.tests(BeforeAllFleet.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1)).hasSize(2);
    assertThat(SEEN.get(0))
        .extracting(FakeSshHost::displayName)
        .containsExactly("shared-1", "shared-2");
    assertThat(SEEN.get(0)).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
  }

  @Test
  void rejectsCountOnASingleHost() {
    assertThat(TestKit.firstFailure(TestKit.tests(CountOnAHost.class)))
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@FakeHost(count = 3) asks for a fleet, which needs the type"
                + " java.util.List<io.github.sshfaults.sshd.FakeSshHost>; for a single"
                + " FakeSshHost, leave count out, on parameter [");
  }

  @Test
  void rejectsAFleetWithoutCountAnnotatedOrNot() {
    String expected =
        "A List<FakeSshHost> is a fleet and needs its size: annotate it @FakeHost(count = N), N"
            + " between 1 and 1000, on ";
    assertThat(TestKit.firstFailure(TestKit.tests(FleetWithoutCount.class)))
        .cause()
        .hasMessageStartingWith(expected + "parameter [java.util.List<");
    assertThat(TestKit.firstFailure(TestKit.tests(FleetWithoutAnnotation.class)))
        .cause()
        .hasMessageStartingWith(expected + "parameter [java.util.List<");
    Events fieldFleet = TestKit.run(FieldFleetWithoutCount.class).containerEvents();
    assertThat(TestKit.firstFailure(fieldFleet))
        .hasMessageStartingWith(expected + "field " + FieldFleetWithoutCount.class.getName());
  }

  @Test
  void rejectsACountOutOfBounds() {
    assertThat(TestKit.firstFailure(TestKit.tests(TooMany.class)))
        .cause()
        .hasMessageStartingWith(
            "@FakeHost(count) must be between 1 and 1000 (or left out for a single host), but was"
                + " 1001");
  }

  @Test
  void rejectsFakeHostOnAListOfAnotherType() {
    assertThat(TestKit.firstFailure(TestKit.tests(ListOfStrings.class)))
        .hasMessageStartingWith(
            "@FakeHost is only for parameters of type io.github.sshfaults.sshd.FakeSshHost or"
                + " java.util.List<io.github.sshfaults.sshd.FakeSshHost>, but parameter"
                + " [java.util.List<java.lang.String> names]")
        .hasMessageEndingWith(" is of type java.util.List<java.lang.String>");
  }

  @Test
  void closesEveryHostStartedWhenOneOfTheFleetFailsToStart() {
    List<FakeSshHost> started = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                FleetStart.start(
                    "web",
                    6,
                    i -> {
                      if (i == 3) {
                        throw new IllegalStateException("host 4 cannot start");
                      }
                      FakeSshHost host = FakeSshHost.start();
                      started.add(host);
                      return host;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "1 of the 6 hosts of fleet web failed to start (the rest were not started, or closed"
                + " again)")
        .hasRootCauseMessage("host 4 cannot start");
    assertThat(started).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
    assertThat(threadsNamed("sshfaults-fleet-web-start-")).isEmpty();
  }

  @Test
  void startsItsHostsOnThreadsThatEndBeforeItReturns() {
    List<FakeSshHost> fleet = FleetStart.start("db", 24, i -> FakeSshHost.start());
    try {
      assertThat(fleet).hasSize(24).doesNotContainNull().doesNotHaveDuplicates();
      assertThat(threadsNamed("sshfaults-fleet-db-start-")).isEmpty();
      assertThatThrownBy(() -> fleet.add(fleet.get(0)))
          .isInstanceOf(UnsupportedOperationException.class);
    } finally {
      fleet.forEach(FakeSshHost::close);
    }
  }

  private static List<String> threadsNamed(String prefix) {
    List<String> names = new ArrayList<>();
    Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .forEach(names::add);
    return names;
  }

  // Run by the test kit only.

  @SshFaultsTest
  static class FleetPerTest {
    @Test
    void usesEveryHost(
        @FakeHost(count = 3, users = "deploy:pw", hostKeyType = HostKeyType.ECDSA_P256)
            List<FakeSshHost> web)
        throws Exception {
      SEEN.add(web);
      for (FakeSshHost host : web) {
        host.command("hostname").replies(host.displayName() + "\n");
        assertThat(SshClientLibrary.MINA.exec(Login.password(host, "deploy", "pw"), "hostname"))
            .satisfies(result -> assertThat(result.stdout()).isEqualTo(host.displayName() + "\n"));
      }
      assertThatThrownBy(web::clear).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @SshFaultsTest
  static class FailingFleet {
    @Test
    void fails(@FakeHost(count = 2, seed = "42") List<FakeSshHost> db) {
      SEEN.add(db);
      throw new AssertionError("deliberate failure");
    }
  }

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedFleet {
    @FakeHost(count = 2, users = "deploy:pw")
    static List<FakeSshHost> shared;

    @Test
    @Order(1)
    void addsAStubToEveryHost() {
      SEEN.add(shared);
      shared.forEach(host -> host.command("extra").replies("x\n"));
    }

    @Test
    @Order(2)
    void findsThemReset() throws Exception {
      SEEN.add(shared);
      for (FakeSshHost host : shared) {
        assertThat(
                SshClientLibrary.MINA
                    .exec(Login.password(host, "deploy", "pw"), "extra")
                    .exitStatus())
            .isEqualTo(127);
      }
    }
  }

  @SshFaultsTest
  static class BeforeAllFleet {
    static List<FakeSshHost> fleet;

    @BeforeAll
    static void start(@FakeHost(count = 2) List<FakeSshHost> shared) {
      fleet = shared;
      SEEN.add(shared);
    }

    @Test
    void usesIt() {
      SEEN.add(fleet);
      assertThat(fleet).allSatisfy(host -> assertThat(host.isRunning()).isTrue());
    }
  }

  @SshFaultsTest
  static class CountOnAHost {
    @Test
    void neverRuns(@FakeHost(count = 3) FakeSshHost host) {}
  }

  @SshFaultsTest
  static class FleetWithoutCount {
    @Test
    void neverRuns(@FakeHost(users = "deploy:pw") List<FakeSshHost> fleet) {}
  }

  @SshFaultsTest
  static class FleetWithoutAnnotation {
    @Test
    void neverRuns(List<FakeSshHost> fleet) {}
  }

  @SshFaultsTest
  static class FieldFleetWithoutCount {
    @FakeHost static List<FakeSshHost> fleet;

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class TooMany {
    @Test
    void neverRuns(@FakeHost(count = 1001) List<FakeSshHost> fleet) {}
  }

  @SshFaultsTest
  static class ListOfStrings {
    @Test
    void neverRuns(@FakeHost List<String> names) {}
  }
}
