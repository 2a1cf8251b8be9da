package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Hand-built hosts registered with a test: closed with it, and in its failure report. */
class HostRegistryTest {

  /** Hosts the classes run by the test kit saw; static because the kit instantiates them. */
  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();

  /** What the classes run by the test kit caught. */
  static final List<Throwable> CAUGHT = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
    CAUGHT.clear();
  }

  @Test
  void closesRegisteredAndStartedHostsAfterPassingAndFailingTests() {
    TestKit.tests(PassingAndFailing.class)
        .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

    assertThat(SEEN).hasSize(4).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
  }

  @Test
  void describesRegisteredHostsInTheReportOfAFailedTest() {
    EngineExecutionResults results = TestKit.run(PassingAndFailing.class);

    Map<String, String> entries = TestKit.reportEntries(results).get("fails(HostRegistry)");
    assertThat(entries).containsOnlyKeys("sshfaults.host.legacy", "sshfaults.host.registered-1");
    assertThat(entries.get("sshfaults.host.legacy"))
        .startsWith("FakeSshHost[legacy, 127.0.0.1:")
        .contains("(host key RSA SHA256:");
  }

  @Test
  void namesStartedHostsRegisteredNUnlessTheConfigurationNamesThem() {
    TestKit.tests(PassingAndFailing.class);

    assertThat(SEEN)
        .extracting(FakeSshHost::displayName)
        .containsExactly("hand-built", "registered-1", "legacy", "registered-1");
  }

  @Test
  void rejectsAClosedHostAHostRegisteredTwiceAndAHostOfTheExtension() {
    TestKit.tests(Mistakes.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(CAUGHT).hasSize(3);
    assertThat(CAUGHT.get(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot register FakeSshHost[closed, 127.0.0.1:")
        .hasMessageEndingWith(
            "]: it is closed already. Register a host while it runs (or is stopped), and let the"
                + " registry close it");
    assertThat(CAUGHT.get(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot register FakeSshHost[twice, ")
        .hasMessageEndingWith(
            " twice: it belongs to this test already, as host twice registered by hand, and is"
                + " closed with it");
    assertThat(CAUGHT.get(2))
        .hasMessageEndingWith(
            " twice: it belongs to this test already, as parameter at index 1 of"
                + " rejectsMistakes(HostRegistry, FakeSshHost), and is closed with it");
    assertThat(SEEN).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
  }

  @Test
  void sharesHostsOfABeforeAllRegistryResetsThemAndClosesThemAfterTheClass() {
    TestKit.tests(SharedRegistry.class).assertStatistics(stats -> stats.started(3).succeeded(3));

    assertThat(SEEN).hasSize(1).allSatisfy(host -> assertThat(host.isClosed()).isTrue());
    assertThat(CAUGHT)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                        "HostRegistry[addsAStub(HostRegistry)] is closed: its test or class has"
                            + " ended"));
  }

  // Run by the test kit only.

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PassingAndFailing {
    @Test
    @Order(1)
    void passes(HostRegistry hosts) {
      FakeSshHost handBuilt = FakeSshHost.builder().name("hand-built").start();
      SEEN.add(hosts.register(handBuilt));
      SEEN.add(hosts.start(host -> host));
      assertThat(handBuilt.isRunning()).isTrue();
    }

    @Test
    @Order(2)
    void fails(HostRegistry hosts) {
      SEEN.add(hosts.start(host -> host.name("legacy").hostKeyType(HostKeyType.RSA)));
      SEEN.add(hosts.start(host -> host));
      throw new AssertionError("deliberate failure");
    }
  }

  @SshFaultsTest
  static class Mistakes {
    @Test
    void rejectsMistakes(HostRegistry hosts, FakeSshHost injected) {
      FakeSshHost closed = FakeSshHost.builder().name("closed").start();
      closed.close();
      catching(() -> hosts.register(closed));
      FakeSshHost twice = hosts.register(FakeSshHost.builder().name("twice").start());
      SEEN.add(twice);
      catching(() -> hosts.register(twice));
      catching(() -> hosts.register(injected));
    }

    private static void catching(Runnable mistake) {
      try {
        mistake.run();
      } catch (RuntimeException e) {
        CAUGHT.add(e);
      }
    }
  }

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedRegistry {
    static FakeSshHost shared;
    static HostRegistry ofTest;

    @BeforeAll
    static void start(HostRegistry hosts) {
      shared = hosts.start(host -> host.name("shared"));
      shared.user("deploy", "pw");
      SEEN.add(shared);
    }

    @Test
    @Order(1)
    void addsAStub(HostRegistry hosts) {
      ofTest = hosts;
      shared.command("extra").replies("x\n");
    }

    @Test
    @Order(2)
    void findsTheSharedHostReset() throws Exception {
      assertThat(SshClientLibrary.MINA.exec(Login.password(shared, "deploy", "pw"), "extra"))
          .satisfies(result -> assertThat(result.exitStatus()).isEqualTo(127));
    }

    @Test
    @Order(3)
    void cannotUseTheRegistryOfAnEndedTest() {
      try {
        ofTest.start(host -> host);
      } catch (IllegalStateException e) {
        CAUGHT.add(e);
      }
    }
  }
}
