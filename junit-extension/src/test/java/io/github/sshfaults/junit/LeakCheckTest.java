package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.internal.OpenHosts;
import io.github.sshfaults.sshd.internal.SharedThreads;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The leak check ({@code @SshFaultsTest(checkLeaks = true)}, or {@code sshfaults.checkLeaks}):
 * what a test leaves running fails it, and what the extension owns is gone after a test however
 * the test ends.
 */
class LeakCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Leaves a host it built by hand open. */
  @SshFaultsTest(checkLeaks = true)
  static class LeavesAHostOpen {
    static FakeSshHost leaked;

    @Test
    void forgetsToClose() {
      leaked = FakeSshHost.builder().name("forgotten").start();
    }
  }

  /** Leaves a MINA SSHD client connected. */
  @SshFaultsTest(checkLeaks = true)
  static class LeavesAClientRunning {
    static SshClient leaked;

    @Test
    void forgetsToStop(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      leaked = SshClient.setUpDefaultClient();
      leaked.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      leaked.start();
      ClientSession session = leaked.connect("alice", host.host(), host.port()).verify(TIMEOUT)
          .getSession();
      session.addPasswordIdentity("secret");
      session.auth().verify(TIMEOUT);
    }
  }

  /** Fails in every way a test can; the extension must leave nothing behind any of them. */
  @SshFaultsTest(checkLeaks = true)
  static class EndsBadly {
    @Test
    void throwsWithHostsAndARun(FakeSshHost a, FakeSshHost b, ConcurrentSsh runner) {
      a.user("alice", "secret").command("uptime").replies("up\n");
      runner.run(
          List.of(a, b),
          MinaClientAdapter.factory(TIMEOUT),
          (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
      throw new IllegalStateException("deliberate");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.MILLISECONDS)
    void isInterruptedByItsTimeout(FakeSshHost host) throws InterruptedException {
      new CountDownLatch(1).await();
    }

    @Test
    void hasARunThatHangs(FakeSshHost host, ConcurrentSsh runner) {
      host.user("alice", "secret")
          .command("sleep")
          .answers(
              call -> {
                new CountDownLatch(1).await();
                return null;
              });
      RunReport<FakeSshHost, ?> report =
          runner
              .withRunDeadline(Duration.ofMillis(500))
              .run(
                  List.of(host),
                  MinaClientAdapter.factory(TIMEOUT),
                  (client, target) ->
                      client.exec(target, SshLogin.password("alice", "secret"), "sleep"));
      throw new AssertionError("deliberate, after " + report.summary());
    }
  }

  /** Fails before its test runs. */
  @SshFaultsTest(checkLeaks = true)
  static class FailsInBeforeEach {
    @BeforeEach
    void setUp(FakeSshHost host) {
      throw new IllegalStateException("deliberate");
    }

    @Test
    void neverRuns() {}
  }

  @Test
  void failsATestThatLeavesAHostOpenAndClosesIt() {
    Throwable failure = onlyFailure(run(LeavesAHostOpen.class));

    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("left running what it started")
        .hasMessageContaining("open host FakeSshHost[forgotten, 127.0.0.1:");
    assertThat(LeavesAHostOpen.leaked.isClosed()).isTrue();
    assertThat(OpenHosts.now()).doesNotContain(LeavesAHostOpen.leaked);
  }

  @Test
  void failsATestThatLeavesAClientRunning() throws Exception {
    try {
      Throwable failure = onlyFailure(run(LeavesAClientRunning.class));

      assertThat(failure).hasMessageContaining("thread sshd-SshClient");
    } finally {
      LeavesAClientRunning.leaked.stop();
    }
  }

  @Test
  void leavesNothingWhenATestThrowsTimesOutHangsOrFailsInBeforeEach() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    EngineExecutionResults badly = run(EndsBadly.class);
    EngineExecutionResults early = run(FailsInBeforeEach.class);

    // Each fails for its own reason, none for a leak.
    assertThat(failures(badly))
        .hasSize(3)
        .noneMatch(failure -> String.valueOf(failure.getMessage()).contains("left running"));
    assertThat(failures(early))
        .singleElement()
        .satisfies(failure -> assertThat(failure).hasMessage("deliberate"));
    assertThat(OpenHosts.now()).isEmpty();
    assertThat(newThreadsOfOurs(before)).isEmpty();
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("sshfaults.checkLeaks", "false") // the annotation asks for it
        .selectors(selectClass(testClass))
        .execute();
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    assertThat(failures).hasSize(1);
    return failures.get(0);
  }

  private static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(Event::getPayload)
        .map(payload -> payload.orElseThrow())
        .map(TestExecutionResult.class::cast)
        .map(result -> result.getThrowable().orElseThrow())
        .toList();
  }

  /** Threads started since {@code before} that are not the JVM-wide ones of fake hosts. */
  private static Set<String> newThreadsOfOurs(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> name.startsWith("sshfaults-") || name.startsWith("sshd-"))
        .filter(name -> !SharedThreads.isShared(name))
        .collect(Collectors.toSet());
  }
}
