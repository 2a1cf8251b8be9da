package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension under {@code junit.jupiter.execution.parallel.enabled=true}, concurrent mode: tests
 * that really run at the same time each get their own hosts and pass; a class sharing a host runs
 * its tests in one thread and passes; a class that lets tests share a host concurrently is told so
 * instead of corrupting it.
 */
class ParallelExecutionTest {

  static final int CONCURRENT_TESTS = 4;
  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();
  static CountDownLatch allStarted;
  static CountDownLatch contenderFinished;

  @BeforeEach
  void reset() {
    SEEN.clear();
    allStarted = new CountDownLatch(CONCURRENT_TESTS);
    contenderFinished = new CountDownLatch(1);
  }

  private static EngineExecutionResults runConcurrently(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism",
                    String.valueOf(CONCURRENT_TESTS + 2)))
        .selectors(
            Arrays.stream(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
        .execute();
  }

  @Test
  void runsTestsWithTheirOwnHostsAtTheSameTimeAndClosesThemAll() {
    EngineExecutionResults results = runConcurrently(Concurrent.class, SharedInOneThread.class);

    int sharedClassTests = SshClientLibrary.values().length + 1;
    results
        .testEvents()
        .assertStatistics(
            stats ->
                stats
                    .started(CONCURRENT_TESTS + sharedClassTests)
                    .succeeded(CONCURRENT_TESTS + sharedClassTests));
    assertThat(SEEN).hasSize(CONCURRENT_TESTS * 2 + sharedClassTests + 1);
    assertThat(SEEN).allSatisfy(host -> assertThat(host.isRunning()).isFalse());
  }

  @Test
  void tellsTestsThatShareAHostConcurrentlyWhatIsWrong() {
    EngineExecutionResults results = runConcurrently(SharedConcurrently.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    assertThat(TestKit.firstFailure(results.testEvents()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("Shared host 'shared'")
        .hasMessageContaining("@Execution(ExecutionMode.SAME_THREAD)");
  }

  // Run by the test kit only.

  @SshFaultsTest
  static class Concurrent {
    private static void meetTheOthers(FakeSshHost one, FakeSshHost two) throws Exception {
      SEEN.add(one);
      SEEN.add(two);
      allStarted.countDown();
      assertThat(allStarted.await(30, TimeUnit.SECONDS))
          .as("all %d tests run at the same time", CONCURRENT_TESTS)
          .isTrue();
      one.user("alice", "pw").command("hostname").replies(one.port() + "\n");
      assertThat(SshClientLibrary.SSHJ.exec(Login.password(one, "alice", "pw"), "hostname"))
          .isEqualTo(new ExecResult(one.port() + "\n", "", 0));
      assertThat(two.journal().events()).isEmpty();
    }

    @Test
    void a(FakeSshHost one, FakeSshHost two) throws Exception {
      meetTheOthers(one, two);
    }

    @Test
    void b(FakeSshHost one, FakeSshHost two) throws Exception {
      meetTheOthers(one, two);
    }

    @Test
    void c(FakeSshHost one, FakeSshHost two) throws Exception {
      meetTheOthers(one, two);
    }

    @Test
    void d(FakeSshHost one, FakeSshHost two) throws Exception {
      meetTheOthers(one, two);
    }
  }

  @SshFaultsTest
  @Execution(ExecutionMode.SAME_THREAD)
  static class SharedInOneThread {
    @FakeHost(users = "alice:pw")
    static FakeSshHost shared;

    @ParameterizedTest
    @EnumSource(SshClientLibrary.class)
    void usesTheSharedHostAloneEachTime(SshClientLibrary client) throws Exception {
      SEEN.add(shared);
      shared.command("whoami").replies(client + "\n");

      assertThat(client.exec(Login.password(shared, "alice", "pw"), "whoami").stdout())
          .isEqualTo(client + "\n");
      assertThat(shared.journal().commands()).hasSize(1);
    }

    @Test
    void alsoGetsPerTestHosts(FakeSshHost own) {
      SEEN.add(shared);
      SEEN.add(own);
      assertThat(own).isNotSameAs(shared);
    }
  }

  /** Signals when the test that found the host taken has finished (its after-each runs anyway). */
  static class ContenderProbe implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
      if (context.getExecutionException().isPresent()) {
        contenderFinished.countDown();
      }
    }
  }

  @SshFaultsTest
  @ExtendWith(ContenderProbe.class)
  static class SharedConcurrently {
    @FakeHost static FakeSshHost shared;

    private static void holdTheHost() throws InterruptedException {
      // Whichever test starts first holds the shared host until the other has been turned away.
      if (!contenderFinished.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the other test never ran concurrently");
      }
    }

    @Test
    void one() throws InterruptedException {
      holdTheHost();
    }

    @Test
    void two() throws InterruptedException {
      holdTheHost();
    }
  }
}
