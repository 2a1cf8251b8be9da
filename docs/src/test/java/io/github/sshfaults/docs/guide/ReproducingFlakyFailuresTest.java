package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.FaultFired;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The worked example of {@code docs/guide/reproducing-flaky-failures.md}: a test with a probability
 * fault fails now and then, its report shows the seed, and the seed replays the same faults on the
 * same connections. The failing tests run through JUnit's test kit only.
 */
class ReproducingFlakyFailuresTest {

  /** A seed with which the rolling restart fails: the one the page's CI report shows. */
  static final long CI_SEED = -7034983329931345211L;

  // tag::code-under-test[]
  /** The code under test: restarts the app, trying up to three times, as a deploy tool would. */
  static boolean restart(FakeSshHost app) {
    SshLogin deploy =
        SshLogin.password("deploy", "s3cret").withKnownHostsLine(app.knownHostsLine());
    try (MinaClientAdapter mina = MinaClientAdapter.factory(Duration.ofSeconds(5)).create()) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        try {
          mina.exec(app, deploy, "systemctl restart app");
          return true;
        } catch (Exception e) {
          // a dropped connection: try again
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
  // end::code-under-test[]

  @Tag("test-kit-only")
  // tag::flaky-test[]
  @SshFaultsTest
  static class RollingRestartTest {

    @Test
    void survivesAFlakyLink(@FakeHost(users = "deploy:s3cret") FakeSshHost app) {
      app.command("systemctl restart app").replies("");
      app.faults().add(Fault.dropConnection().withProbability(0.4));   // 4 connections in 10

      for (int release = 1; release <= 5; release++) {
        assertThat(restart(app)).as("restart for release %d", release).isTrue();
      }
    }
  }
  // end::flaky-test[]

  @Tag("test-kit-only")
  // tag::replay-test[]
  @SshFaultsTest
  static class RollingRestartReplayTest {

    @Test
    void survivesAFlakyLink(
        @FakeHost(users = "deploy:s3cret", seed = "-7034983329931345211") FakeSshHost app) {
      app.command("systemctl restart app").replies("");
      app.faults().add(Fault.dropConnection().withProbability(0.4));

      for (int release = 1; release <= 5; release++) {
        assertThat(restart(app)).as("restart for release %d", release).isTrue();
      }
    }
  }
  // end::replay-test[]

  /** What a failed run of the flaky test left: its message and its host's report entry. */
  private record Failure(String message, String report) {

    long seed() {
      Matcher seed = Pattern.compile("\nseed (-?\\d+), faults:").matcher(report);
      assertThat(seed.find()).as(report).isTrue();
      return Long.parseLong(seed.group(1));
    }

    /** "fired 3 times in 4 occasions": the count of faults and of connections, from the plan. */
    String firings() {
      Matcher fired = Pattern.compile("\\[fired [^\\]]*\\]").matcher(report);
      assertThat(fired.find()).as(report).isTrue();
      return fired.group();
    }
  }

  @Test
  void aFailureReportsTheSeedAndTheSeedReplaysIt() {
    assertThat(System.getProperty(HostFaults.SEED_PROPERTY)).isNull();
    // As CI does: random seeds, run after run, until the test fails (four runs in ten do).
    Failure ci = null;
    for (int run = 1; run <= 60 && ci == null; run++) {
      ci = failureOf(RollingRestartTest.class);
    }
    assertThat(ci).as("60 runs without a failure").isNotNull();
    long seed = ci.seed();

    // Rerun with -Dsshfaults.seed=<seed>: the same failure, three times out of three.
    for (int replay = 1; replay <= 3; replay++) {
      Failure replayed = withSeedProperty(seed, () -> failureOf(RollingRestartTest.class));
      assertThat(replayed).isNotNull();
      assertThat(replayed.seed()).isEqualTo(seed);
      assertThat(replayed.message()).isEqualTo(ci.message());
      assertThat(replayed.firings()).isEqualTo(ci.firings());
    }
  }

  @Test
  void theAnnotationReplaysTheSeedOfTheReport() {
    Failure replay = failureOf(RollingRestartReplayTest.class);
    Failure byProperty = withSeedProperty(CI_SEED, () -> failureOf(RollingRestartTest.class));

    assertThat(replay).isNotNull();
    assertThat(replay.seed()).isEqualTo(CI_SEED);
    assertThat(replay.message()).contains("[restart for release 2]");
    assertThat(replay.firings()).isEqualTo("[fired 3 times in 4 occasions]");
    assertThat(byProperty.message()).isEqualTo(replay.message());
    assertThat(byProperty.firings()).isEqualTo(replay.firings());
  }

  @Test
  void theSameSeedDropsTheSameConnections() {
    // tag::same-connections[]
    Fault flakyLink = Fault.dropConnection().withProbability(0.4);
    try (FakeSshHost ci = FakeSshHost.builder().seed(CI_SEED).faults(flakyLink).start();
        FakeSshHost replay = FakeSshHost.builder().seed(CI_SEED).faults(flakyLink).start()) {
      for (FakeSshHost app : List.of(ci, replay)) {
        app.user("deploy", "s3cret");
        app.command("systemctl restart app").replies("");
        assertThat(restart(app)).isTrue();    // release 1: connection 1 works
        assertThat(restart(app)).isFalse();   // release 2: connections 2, 3 and 4 dropped
      }

      assertThat(droppedConnections(ci)).containsExactly(2, 3, 4);
      assertThat(droppedConnections(replay)).isEqualTo(droppedConnections(ci));
    }
    // end::same-connections[]
  }

  // tag::dropped-connections[]
  /** The connections on which a fault fired, in order, from the host's journal. */
  static List<Integer> droppedConnections(FakeSshHost app) {
    return app.journal().faultsFired().stream().map(FaultFired::connection).toList();
  }
  // end::dropped-connections[]

  /** Runs the class through JUnit's test kit: its failure, or null when it passed. */
  private static Failure failureOf(Class<?> testClass) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    List<Event> failed = results.testEvents().failed().list();
    if (failed.isEmpty()) {
      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
      return null;
    }
    Throwable failure =
        failed.get(0)
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    String report =
        results.allEvents().reportingEntryPublished().stream()
            .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
            .map(entry -> entry.getKeyValuePairs().get("sshfaults.host.app"))
            .filter(text -> text != null)
            .findFirst()
            .orElseThrow();
    return new Failure(failure.getMessage(), report);
  }

  private static Failure withSeedProperty(long seed, java.util.function.Supplier<Failure> run) {
    System.setProperty(HostFaults.SEED_PROPERTY, Long.toString(seed));
    try {
      return run.get();
    } finally {
      System.clearProperty(HostFaults.SEED_PROPERTY);
    }
  }
}
