package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.Outcome.Kind.AUTH_ERROR;
import static io.github.sshfaults.docs.guide.Outcome.Kind.COMMAND_ERROR;
import static io.github.sshfaults.docs.guide.Outcome.Kind.OK;
import static io.github.sshfaults.docs.guide.Outcome.Kind.SSH_ERROR;
import static io.github.sshfaults.docs.guide.Outcome.Kind.TIMEOUT;
import static io.github.sshfaults.docs.guide.Outcome.Kind.UNEXPECTED;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.tuple;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worked example: one command on a fleet of hosts, each failing its own way, run from a thread
 * per host and from a pool, with MINA SSHD's client and with JSch.
 */
@SshFaultsTest
class FleetUptimeTest {

  /** Far above what loopback needs: only a host that really never answers trips them. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Short, for hosts that never answer: the wait always runs out, however loaded the machine. */
  private static final Duration SHORT = Duration.ofMillis(300);

  /** The client library each worker uses. */
  enum Client {
    MINA,
    JSCH;

    UptimeWorker worker(Path knownHosts, Duration connectTimeout, Duration execTimeout) {
      return switch (this) {
        case MINA -> new MinaUptime(knownHosts, connectTimeout, execTimeout);
        case JSCH -> new JschUptime(knownHosts, connectTimeout, execTimeout);
      };
    }
  }

  private List<Target> fleet;
  private Path knownHosts;

  // tag::fleet[]
  @BeforeEach
  void startFleet(
      FakeSshHost healthy,
      FakeSshHost locked,
      FakeSshHost down,
      FakeSshHost broken,
      FakeSshHost rebooted,
      @TempDir Path dir)
      throws IOException {
    healthy.user("deploy", "s3cret").command("uptime")
        .replies(" 10:14:03 up 3 days,  2:01,  1 user,  load average: 0.10, 0.08, 0.01\n");
    locked.user("deploy", "rotated-yesterday");   // our password is stale
    down.close();                                 // nothing listens on its port any more
    broken.user("deploy", "s3cret").command("uptime")
        .exitWith(1, "uptime: /proc must be mounted\n");
    rebooted.user("deploy", "s3cret").command("uptime")
        .replies(" 10:14:03 up 7 min,  0 users,  load average: 0.52, 0.18, 0.06\n");

    List<FakeSshHost> hosts = List.of(healthy, locked, down, broken, rebooted);
    knownHosts =
        Files.write(
            dir.resolve("known_hosts"), hosts.stream().map(FakeSshHost::knownHostsLine).toList());
    fleet =
        List.of(
            Target.of("web-1", healthy),
            Target.of("web-2", locked),
            Target.of("web-3", down),
            Target.of("web-4", broken),
            Target.of("web-5", rebooted));
  }
  // end::fleet[]

  @ParameterizedTest
  @EnumSource(Client.class)
  void reportsEachHostsOutcomeFromAThreadPerHost(Client client) throws Exception {
    // tag::thread-per-host[]
    UptimeWorker worker = client.worker(knownHosts, CONNECT_TIMEOUT, EXEC_TIMEOUT);

    List<Outcome> outcomes = ThreadPerHost.run(fleet, worker, DEADLINE);

    assertThat(outcomes)
        .extracting(Outcome::host, Outcome::kind)
        .containsExactlyInAnyOrder(
            tuple("web-1", OK),
            tuple("web-2", AUTH_ERROR),
            tuple("web-3", SSH_ERROR),
            tuple("web-4", COMMAND_ERROR),
            tuple("web-5", UNEXPECTED));
    // end::thread-per-host[]
    assertThat(outcomes)
        .extracting(Outcome::detail)
        .contains("up 3 days")
        .anyMatch(detail -> detail.contains("Connection refused"))
        .anyMatch(detail -> detail.endsWith("exited with code 1: uptime: /proc must be mounted"))
        .anyMatch(detail -> detail.contains("no day count in \"10:14:03 up 7 min,"));
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void reportsEachHostsOutcomeFromAPool(Client client) throws Exception {
    // tag::pool[]
    UptimeWorker worker = client.worker(knownHosts, CONNECT_TIMEOUT, EXEC_TIMEOUT);

    List<Outcome> outcomes = PooledFleet.run(fleet, worker, 3, DEADLINE);

    assertThat(outcomes)
        .extracting(Outcome::host, Outcome::kind)
        .containsExactlyInAnyOrder(
            tuple("web-1", OK),
            tuple("web-2", AUTH_ERROR),
            tuple("web-3", SSH_ERROR),
            tuple("web-4", COMMAND_ERROR),
            tuple("web-5", UNEXPECTED));
    // end::pool[]
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void reportsEachHostsOutcomeOfOurOwnWorkerFromTheRunner(Client client, ConcurrentSsh runner) {
    // tag::own-worker[]
    UptimeWorker worker = client.worker(knownHosts, CONNECT_TIMEOUT, EXEC_TIMEOUT);

    RunReport<Target, Integer> report =
        runner
            .withThreads(3)
            .withClassifier(
                FailureClassifier.byType(CommandFailedException.class, FailureKind.COMMAND_FAILED))
            .run(fleet, worker::uptimeDays);

    assertThat(report)
        .succeededOn(fleet.get(0))
        .failedOn(fleet.get(1), FailureKind.AUTH)
        .failedOn(fleet.get(2), FailureKind.CONNECT_REFUSED)
        .failedOn(fleet.get(3), FailureKind.COMMAND_FAILED)
        .failedOn(fleet.get(4), FailureKind.UNEXPECTED);
    // end::own-worker[]
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void endsACommandThatNeverFinishesAtTheExecTimeout(Client client, FakeSshHost stuck)
      throws Exception {
    // tag::hung-command[]
    stuck.user("deploy", "s3cret").command("uptime").answers(call -> {
      new CountDownLatch(1).await();   // never answers; the host interrupts it when it closes
      return CommandResult.exit(0);
    });
    Files.writeString(knownHosts, stuck.knownHostsLine() + "\n");
    UptimeWorker worker = client.worker(knownHosts, CONNECT_TIMEOUT, SHORT);

    List<Target> fleet = List.of(Target.of("db-1", stuck));

    List<Outcome> outcomes = PooledFleet.run(fleet, worker, 1, DEADLINE);

    assertThat(outcomes).singleElement().satisfies(outcome -> {
      assertThat(outcome.kind()).isEqualTo(TIMEOUT);
      assertThat(outcome.detail()).endsWith("'uptime' did not finish within PT0.3S");
    });
    // end::hung-command[]
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void endsAServerThatNeverSpeaksAtTheConnectTimeout(Client client, FakeSshHost mute)
      throws Exception {
    mute.user("deploy", "s3cret");
    // tag::silent-server[]
    mute.faults().add(Fault.hang());   // accepts the connection, never sends a byte
    Files.writeString(knownHosts, mute.knownHostsLine() + "\n");
    UptimeWorker worker = client.worker(knownHosts, SHORT, EXEC_TIMEOUT);

    List<Outcome> outcomes = PooledFleet.run(List.of(Target.of("db-2", mute)), worker, 1, DEADLINE);

    assertThat(outcomes).extracting(Outcome::kind).containsExactly(TIMEOUT);
    // end::silent-server[]
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void reportsATaskStillRunningAtTheDeadline(Client client, FakeSshHost stuck) throws Exception {
    stuck.user("deploy", "s3cret").command("uptime").answers(call -> {
      new CountDownLatch(1).await();
      return CommandResult.exit(0);
    });
    Files.writeString(knownHosts, stuck.knownHostsLine() + "\n");
    // The worker gives up after a second; the run's deadline comes first.
    UptimeWorker worker = client.worker(knownHosts, CONNECT_TIMEOUT, Duration.ofSeconds(1));
    List<Target> oneStuckHost = List.of(Target.of("db-1", stuck));

    assertThat(PooledFleet.run(oneStuckHost, worker, 1, SHORT))
        .extracting(Outcome::kind)
        .containsExactly(TIMEOUT);
    assertThat(ThreadPerHost.run(oneStuckHost, worker, SHORT))
        .extracting(Outcome::kind)
        .containsExactly(TIMEOUT);
  }
}
