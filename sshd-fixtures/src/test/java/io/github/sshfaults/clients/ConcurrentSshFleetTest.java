package io.github.sshfaults.clients;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static io.github.sshfaults.assertions.SshAssertions.tuple;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.DeadlineExceededException;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RetryPolicy;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.FaultFired;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The helper against real fake hosts, with each client library: the multithreaded "many hosts, some
 * failing" scenario, at small and large scale, and with a host that hangs.
 */
class ConcurrentSshFleetTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");

  private final List<FakeSshHost> hosts = new ArrayList<>();

  @AfterEach
  void closeHosts() {
    hosts.forEach(FakeSshHost::close);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void collectsEveryHostsOutcomeClassifiedAndClosesEveryClient(ClientAdapters client) {
    FakeSshHost good = host();
    good.command("uptime").replies("up 3 days\n");
    FakeSshHost unreachable = host();
    unreachable.close();
    SshTarget nonexistent = SshTarget.of("nonexistent", "::1%nosuchinterface0", 22);
    FakeSshHost locked = FakeSshHost.start().user("alice", "rotated-yesterday");
    hosts.add(locked);
    TrackingFactory clients = new TrackingFactory(client.factory());

    RunReport<SshTarget, CommandOutput> report =
        ConcurrentSsh.create()
            .run(
                List.of(good, unreachable, nonexistent, locked),
                clients,
                (ssh, target) -> ssh.exec(target, ALICE, "uptime"));

    assertThat(report)
        .hasOutcomeCount(4)
        .succeededOn(good)
        .failedOn(unreachable, FailureKind.CONNECT_REFUSED)
        .failedOn(nonexistent, FailureKind.UNKNOWN_HOST)
        .failedOn(locked, FailureKind.AUTH)
        .noneHung()
        .leftNoThreads();
    assertThat(report.outcomes().get(0).value().stdout()).isEqualTo("up 3 days\n");
    assertThat(clients.created()).isNotEmpty();
    assertThat(clients.closedAll()).as("every client closed").isTrue();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void keeps200OutcomesOn16ThreadsAgainst4HostsEachOfTheRightKind(ClientAdapters client) {
    FakeSshHost good = host();
    good.command("uptime").replies("up\n");
    FakeSshHost locked = FakeSshHost.start().user("alice", "other");
    hosts.add(locked);
    FakeSshHost broken = host();
    broken.command("uptime").exitWith(3, "uptime: /proc is not mounted\n");
    FakeSshHost down = host();
    down.close();
    List<FakeSshHost> fleet = List.of(good, locked, broken, down);
    List<FakeSshHost> targets = IntStream.range(0, 200).mapToObj(i -> fleet.get(i % 4)).toList();
    TrackingFactory clients = new TrackingFactory(client.factory());

    RunReport<FakeSshHost, CommandOutput> report =
        ConcurrentSsh.create()
            .withThreads(16)
            .withName("fleet200")
            .run(targets, clients, (ssh, host) -> ssh.exec(host, ALICE, "uptime"));

    assertThat(report.outcomes()).hasSize(200);
    assertThat(report.successes()).hasSize(50).allMatch(o -> o.target() == good);
    assertThat(report)
        .hasFailuresOfKind(FailureKind.AUTH, 50)
        .hasFailuresOfKind(FailureKind.COMMAND_FAILED, 50)
        .hasFailuresOfKind(FailureKind.CONNECT_REFUSED, 50)
        .failedOn(locked, FailureKind.AUTH)
        .failedOn(broken, FailureKind.COMMAND_FAILED)
        .failedOn(down, FailureKind.CONNECT_REFUSED)
        .noneHung()
        .leftNoThreads();
    assertThat(report.failures(FailureKind.COMMAND_FAILED))
        .allSatisfy(
            o ->
                assertThat(o.failure().orElseThrow())
                    .isInstanceOfSatisfying(
                        CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(3)));
    assertThat(report.outcomes())
        .extracting(Outcome::threadName)
        .allMatch(n -> n.startsWith("sshfaults-fleet200-"));
    assertThat(liveWorkersOf(report)).isEmpty();
    assertThat(clients.created()).hasSizeLessThanOrEqualTo(16);
    assertThat(clients.closedAll()).isTrue();
  }

  /** One task of a fleet run: which host, and its number, which its command line carries. */
  private record Job(int number, FakeSshHost host) {
    String command() {
      return "uptime #" + number;
    }

    @Override
    public String toString() {
      return host.displayName() + " " + command();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void keeps200OutcomesOn16ThreadsAgainst4HostsWithRealFaultsEachOfTheKindItsFaultCauses(
      ClientAdapters client) {
    FakeSshHost healthy = faultyHost("healthy");
    FakeSshHost locked = faultyHost("locked", Fault.rejectAuth());
    // Every second connection that logs in is dropped before it can open a channel.
    FakeSshHost flaky =
        faultyHost("flaky", Fault.dropConnection().at(Stage.AFTER_AUTH).everyNth(2));
    FakeSshHost broken = faultyHost("broken", Fault.exitWith(2, "uptime: /proc is gone\n"));
    List<FakeSshHost> fleet = List.of(healthy, locked, flaky, broken);
    List<Job> jobs = IntStream.range(0, 200).mapToObj(i -> new Job(i, fleet.get(i % 4))).toList();
    // JSch notices a connection dropped under a channel open only at its timeout: keep it short,
    // but far above what 16 concurrent logins on loopback need.
    TrackingFactory clients = new TrackingFactory(client.factory(Duration.ofSeconds(3)));

    RunReport<Job, CommandOutput> report =
        ConcurrentSsh.create()
            .withThreads(16)
            .withName("faults200")
            .run(jobs, clients, (ssh, job) -> ssh.exec(job.host(), ALICE, job.command()));

    assertThat(report.outcomes()).hasSize(200);
    assertThat(report.outcomes()).extracting(Outcome::target).containsExactlyElementsOf(jobs);
    assertThat(report).noneHung().leftNoThreads();
    Map<FakeSshHost, List<Outcome<Job, CommandOutput>>> byHost =
        report.outcomes().stream().collect(Collectors.groupingBy(o -> o.target().host()));
    assertThat(byHost.get(healthy))
        .hasSize(50)
        .allSatisfy(o -> assertThat(o.value().stdout()).isEqualTo("up 3 days\n"));
    assertThat(byHost.get(locked))
        .hasSize(50)
        .allSatisfy(o -> assertThat(o.kind()).contains(FailureKind.AUTH));
    assertThat(byHost.get(broken))
        .hasSize(50)
        .allSatisfy(o -> assertThat(o.kind()).contains(FailureKind.COMMAND_FAILED))
        .allSatisfy(
            o ->
                assertThat(o.failure().orElseThrow())
                    .isInstanceOfSatisfying(
                        CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(2)));
    // The flaky host: each job either ran on a connection the fault spared, or was dropped.
    List<Outcome<Job, CommandOutput>> flakyOutcomes = byHost.get(flaky);
    assertThat(flakyOutcomes)
        .hasSize(50)
        .allSatisfy(
            o ->
                assertThat(o.kind())
                    .satisfiesAnyOf(
                        k -> assertThat(k).isEmpty(),
                        k -> assertThat(k).contains(FailureKind.DISCONNECTED)));
    assertThat(flaky.journal().dropped()).isZero();
    assertThat(flaky.journal().connections()).hasSize(50);
    Set<Integer> dropped =
        flaky.journal().faultsFired().stream()
            .map(FaultFired::connection)
            .collect(Collectors.toSet());
    assertThat(dropped).as("connections the fault dropped").hasSize(25);
    List<Outcome<Job, CommandOutput>> succeeded =
        flakyOutcomes.stream().filter(o -> o.kind().isEmpty()).toList();
    assertThat(succeeded).as("jobs on the spared connections").hasSize(25);
    for (Outcome<Job, CommandOutput> success : succeeded) {
      assertThat(flaky.journal().commands(success.target().command()))
          .singleElement()
          .satisfies(run -> assertThat(dropped).doesNotContain(run.connection()));
    }
    assertThat(flaky.journal().commands())
        .as("no command reached a dropped connection")
        .extracting(CommandRun::connection)
        .doesNotContainAnyElementsOf(dropped);
    assertThat(report.outcomes())
        .extracting(Outcome::threadName)
        .allMatch(n -> n.startsWith("sshfaults-faults200-"));
    assertThat(liveWorkersOf(report)).isEmpty();
    assertThat(clients.created()).hasSizeLessThanOrEqualTo(16);
    assertThat(clients.closedAll()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void returnsAtTheDeadlineOfAHangingHostWithAHungOutcomeAndItsStackTrace(ClientAdapters client)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    FakeSshHost hanging = host();
    hanging
        .command("uptime")
        .answers(
            call -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              return CommandResult.success("too late\n");
            });
    FakeSshHost good = host();
    good.command("uptime").replies("up\n");
    TrackingFactory clients = new TrackingFactory(client.factory());
    try {
      RunReport<FakeSshHost, CommandOutput> report =
          ConcurrentSsh.create()
              .withRunDeadline(Duration.ofSeconds(3))
              .run(List.of(hanging, good), clients, (ssh, host) -> ssh.exec(host, ALICE, "uptime"));

      assertThat(started.await(0, TimeUnit.SECONDS)).as("the command reached the host").isTrue();
      assertThat(report.deadlineReached()).isTrue();
      assertThat(report).succeededOn(good).failedOn(hanging, FailureKind.TIMEOUT).leftNoThreads();
      Outcome<FakeSshHost, CommandOutput> hung = report.outcomesOn(hanging).get(0);
      assertThat(hung).hung();
      assertThat(hung.failure().orElseThrow()).isInstanceOf(DeadlineExceededException.class);
      assertThat(
              Arrays.stream(hung.failure().orElseThrow().getStackTrace())
                  .map(StackTraceElement::toString))
          .as("the stack of the worker at the deadline, inside the adapter's exec")
          .anyMatch(frame -> frame.contains(".exec("));
      assertThat(clients.closedAll()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void retriesAHostThatFailsTwiceThenSucceedsAndRecordsEveryAttempt(ClientAdapters client) {
    AtomicInteger calls = new AtomicInteger();
    FakeSshHost flaky = host();
    flaky
        .command("deploy")
        .answers(
            call ->
                calls.incrementAndGet() <= 2
                    ? CommandResult.exit(75).withStderr("deploy: lock held, try again\n")
                    : CommandResult.success("deployed\n"));

    RunReport<FakeSshHost, CommandOutput> report =
        ConcurrentSsh.create()
            .withRetry(
                RetryPolicy.on(FailureKind.COMMAND_FAILED)
                    .withMaxAttempts(3)
                    .withBackoff(Duration.ofMillis(10)))
            .run(List.of(flaky), client.factory(), (ssh, host) -> ssh.exec(host, ALICE, "deploy"));

    assertThat(report).succeededOn(flaky);
    assertThat(report.attempts())
        .extracting(Outcome::attempt, o -> o.kind().orElse(null))
        .containsExactly(
            tuple(1, FailureKind.COMMAND_FAILED),
            tuple(2, FailureKind.COMMAND_FAILED),
            tuple(3, null));
    assertThat(report.outcomes().get(0).value().stdout()).isEqualTo("deployed\n");
  }

  /** A host whose every command is {@code uptime #n} and replies, with these faults. */
  private FakeSshHost faultyHost(String name, Fault... faults) {
    FakeSshHost host =
        FakeSshHost.builder().name(name).journalCapacity(10_000).faults(faults).start();
    hosts.add(host);
    host.user("alice", "secret").commandMatching("uptime #[0-9]+").replies("up 3 days\n");
    return host;
  }

  private FakeSshHost host() {
    FakeSshHost host = FakeSshHost.start().user("alice", "secret");
    hosts.add(host);
    return host;
  }

  /** Worker threads of the run alive now; none may be once run() returned. */
  private static List<String> liveWorkersOf(RunReport<?, ?> report) {
    String prefix = "sshfaults-" + report.runName() + "-worker-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .map(Thread::getName)
        .toList();
  }
}
