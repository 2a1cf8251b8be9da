package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.internal.SharedThreads;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * Fake hosts share a handful of JVM-wide threads instead of holding threads of their own; what a
 * host started on them it stops when it closes, and the command threads are bounded.
 */
class SharedThreadsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void manyHostsStartWithoutAThreadOfTheirOwn() {
    FakeSshHost.start().close(); // the shared threads start with the first host of the JVM
    int before = ManagementFactory.getThreadMXBean().getThreadCount();
    List<FakeSshHost> hosts = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        hosts.add(FakeSshHost.start());
      }

      assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(before);
    } finally {
      hosts.forEach(FakeSshHost::close);
    }
  }

  @Test
  void closingAHostInterruptsItsOwnHandlersOnly() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    try (FakeSshHost closing = blockingHost(bothRunning, release, interrupted);
        FakeSshHost staying = blockingHost(bothRunning, release, interrupted);
        MinaSession onClosing = MinaSession.open(Login.password(closing, "alice", "secret"));
        MinaSession onStaying = MinaSession.open(Login.password(staying, "alice", "secret"))) {
      ChannelExec first = start(onClosing, "wait");
      ChannelExec second = start(onStaying, "wait");
      assertThat(bothRunning.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

      closing.close();

      assertThat(interrupted.get()).isEqualTo(1);
      release.countDown();
      second.waitFor(List.of(ClientChannelEvent.EXIT_STATUS), TIMEOUT);
      assertThat(second.getExitStatus()).isZero();
      first.close(true);
    }
  }

  @Test
  void refusesACommandClearlyWhenEveryCommandThreadIsBusy() throws Exception {
    CountDownLatch allRunning = new CountDownLatch(SharedThreads.MAX_COMMANDS);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    List<MinaSession> sessions = new ArrayList<>();
    try (FakeSshHost host = blockingHost(allRunning, release, interrupted)) {
      try {
        for (int i = 0; i < SharedThreads.MAX_COMMANDS / 16; i++) {
          MinaSession session = MinaSession.open(Login.password(host, "alice", "secret"));
          sessions.add(session);
          for (int j = 0; j < 16; j++) {
            start(session, "wait");
          }
        }
        assertThat(allRunning.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        try (MinaSession one = MinaSession.open(Login.password(host, "alice", "secret"))) {
          assertThat(one.exec("wait", TIMEOUT).stderr())
              .startsWith("sshfaults: " + SharedThreads.MAX_COMMANDS + " command handlers")
              .contains("\"wait\" was not run");
        }
      } finally {
        release.countDown();
        for (MinaSession session : sessions) {
          session.close();
        }
      }
    }
  }

  /** A host whose command "wait" blocks until {@code release}, counting interruptions. */
  private static FakeSshHost blockingHost(
      CountDownLatch running, CountDownLatch release, AtomicInteger interrupted) {
    FakeSshHost host = FakeSshHost.start();
    host.user("alice", "secret")
        .command("wait")
        .answers(
            call -> {
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
              }
              return CommandResult.success("");
            });
    return host;
  }

  private static ChannelExec start(MinaSession session, String command) throws Exception {
    ChannelExec channel = session.session().createExecChannel(command);
    channel.open().verify(TIMEOUT);
    return channel;
  }
}
