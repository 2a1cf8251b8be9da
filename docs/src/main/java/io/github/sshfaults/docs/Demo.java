package io.github.sshfaults.docs;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.Journal;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The demo: starts a small fleet of fake SSH hosts, each failing its own way, runs {@code uptime}
 * on all of them at once with {@link ConcurrentSsh} (a worker thread and a MINA SSHD client per
 * thread), prints progress, the classified outcome table and what each host's journal saw, then
 * replays the flaky host's seed to show the same faults on the same connections.
 *
 * <p>Run it with {@code mvn -B -q -Pdemo -pl docs -am -DskipTests verify}. It needs no set-up and
 * takes a few seconds.
 */
public final class Demo {

  /** The flaky host's seed: set, so that the demo prints the same pattern on every run. */
  static final long FLAKY_SEED = 7;

  private static final String USER = "deploy";
  private static final String PASSWORD = "s3cret";

  /** How many more times the demo polls the flaky host. */
  private static final int POLLS = 9;

  private Demo() {}

  /** Runs the demo; takes no arguments. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}; returns whether the replay matched. */
  static boolean run(PrintStream out) {
    List<FakeSshHost> fleet = new ArrayList<>();
    try {
      FakeSshHost healthy = named("web-1").start();
      FakeSshHost locked = named("web-2").start();            // deploy's password was changed
      FakeSshHost down = named("web-3").faults(Fault.refuse()).start();
      FakeSshHost dropping =
          named("web-4").faults(Fault.dropConnection().at(Stage.AFTER_AUTH)).start();
      FakeSshHost slow = named("web-5").faults(Fault.delay(Duration.ofMillis(400))).start();
      FakeSshHost flaky =
          named("web-6")
              .seed(FLAKY_SEED)                                // replayable
              .faults(Fault.dropConnection().withProbability(0.5))
              .start();
      fleet.addAll(List.of(healthy, locked, down, dropping, slow, flaky));
      for (FakeSshHost host : fleet) {
        host.user(USER, host == locked ? "rotated-yesterday" : PASSWORD);
        host.command("uptime").replies(" 10:14:03 up 3 days,  2:01,  load average: 0.10\n");
      }

      out.println("sshfaults demo: six fake SSH hosts, each failing its own way");
      for (FakeSshHost host : fleet) {
        out.printf("  %-6s %s%n", host.displayName(), what(host, locked, flaky));
      }
      out.println();
      out.println("Running 'uptime' on all six at once, a thread and a MINA SSHD client each:");

      RunReport<FakeSshHost, CommandOutput> report = uptime(fleet, out);

      out.println();
      out.println("Outcomes, classified (RunReport.table()):");
      out.println(report.summary());
      out.print(report.table());

      out.println();
      out.println("What each host's journal saw:");
      for (FakeSshHost host : fleet) {
        out.printf("  %-6s %s%n", host.displayName(), journalSummary(host.journal()));
      }

      out.println();
      out.printf("Polling web-6 %d more times from 6 threads...%n", POLLS);
      uptime(Collections.nCopies(POLLS, flaky), null);
      List<String> pattern = pattern(flaky.journal());
      out.printf(
          "Replaying: a new host with seed %d and the same faults, %d polls from 6 threads...%n",
          flaky.seed(), POLLS + 1);
      List<String> replayed;
      try (FakeSshHost replay =
          named("web-6-replay").seed(flaky.seed()).faults(flaky.faults().plan()).start()) {
        replay.user(USER, PASSWORD);
        replay.command("uptime").replies("up\n");
        uptime(Collections.nCopies(POLLS + 1, replay), null);
        replayed = pattern(replay.journal());
      }
      out.printf("  web-6        seed %d: %s%n", flaky.seed(), String.join(" ", pattern));
      out.printf("  web-6-replay seed %d: %s%n", flaky.seed(), String.join(" ", replayed));
      boolean same = pattern.equals(replayed);
      out.println(
          same
              ? "  Same seed, same faults on the same connections, whatever the threads did."
                  + " Replay a CI failure with -Dsshfaults.seed=<seed>."
              : "  The replay differs!");
      return same;
    } finally {
      fleet.forEach(FakeSshHost::close);
    }
  }

  private static FakeSshHost.Builder named(String name) {
    return FakeSshHost.builder().name(name);
  }

  private static String what(FakeSshHost host, FakeSshHost locked, FakeSshHost flaky) {
    if (host == locked) {
      return "wrong credentials: deploy's password was changed";
    }
    FaultPlan plan = host.faults().plan();
    // Only the flaky host's fault draws at random: its seed is worth showing.
    return plan.isEmpty()
        ? "healthy"
        : plan.faults().get(0) + (host == flaky ? ", seed " + host.seed() : "");
  }

  /**
   * The fleet operation: uptime on every host, concurrently; the tasks print their progress to
   * {@code out} unless it is null.
   */
  private static RunReport<FakeSshHost, CommandOutput> uptime(
      List<FakeSshHost> hosts, PrintStream out) {
    // Trust exactly the fleet's host keys.
    SshLogin login = SshLogin.password(USER, PASSWORD);
    for (FakeSshHost host : hosts) {
      login = login.withKnownHostsLine(host.knownHostsLine());
    }
    SshLogin deploy = login;
    long start = System.nanoTime();
    ConcurrentSsh runner =
        ConcurrentSsh.create()
            .withName("demo")
            .withThreads(Math.min(hosts.size(), 6))
            .withTaskDeadline(Duration.ofSeconds(5));

    return runner.run(
        hosts,
        MinaClientAdapter.factory(Duration.ofSeconds(3)),   // one client per worker thread
        (mina, host) -> {
          progress(out, start, host, "connecting");
          try {
            CommandOutput uptime = mina.exec(host, deploy, "uptime");
            progress(out, start, host, "ok");
            return uptime;
          } catch (Exception e) {
            progress(out, start, host, "failed: " + FailureKind.of(e));
            throw e;
          }
        });
  }

  private static void progress(PrintStream out, long start, FakeSshHost host, String what) {
    if (out != null) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.printf(
          "  %4d ms  %s  %s %s%n", ms, Thread.currentThread().getName(), host.displayName(), what);
    }
  }

  /** One line per host: connections, logins, commands, faults, from its journal. */
  private static String journalSummary(Journal journal) {
    List<AuthAttempt> logins = journal.authAttempts();
    long accepted = logins.stream().filter(AuthAttempt::accepted).count();
    String refusals =
        logins.stream()
            .filter(login -> !login.accepted())
            .map(login -> login.method().protocolName() + ": " + login.reason())
            .distinct()
            .collect(Collectors.joining(", "));
    StringBuilder line =
        new StringBuilder(plural(journal.connections().size(), "connection"))
            .append(", ")
            .append(accepted)
            .append(" logged in");
    if (!refusals.isEmpty()) {
      line.append(", ").append(logins.size() - accepted).append(" refused (").append(refusals)
          .append(')');
    }
    for (CommandRun command : journal.commands()) {
      line.append(", ran ").append(command.commandLine());
      command.exitCode().ifPresent(code -> line.append(" (exit ").append(code).append(')'));
    }
    Map<String, List<Integer>> faults = new LinkedHashMap<>();
    for (FaultFired fault : journal.faultsFired()) {
      faults.computeIfAbsent(fault.description(), d -> new ArrayList<>()).add(fault.connection());
    }
    faults.forEach(
        (description, connections) ->
            line.append("; ").append(description).append(" on connection")
                .append(connections.size() == 1 ? " " : "s ")
                .append(connections.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))));
    return line.toString();
  }

  /** Connection by connection: which fault fired on it, or "ok". */
  static List<String> pattern(Journal journal) {
    Map<Integer, Set<String>> fired = new ConcurrentHashMap<>();
    for (FaultFired fault : journal.faultsFired()) {
      fired.computeIfAbsent(fault.connection(), c -> ConcurrentHashMap.newKeySet())
          .add(fault.description());
    }
    List<String> pattern = new ArrayList<>();
    for (ConnectionAccepted connection : journal.connections()) {
      Set<String> faults = fired.get(connection.connection());
      pattern.add(connection.connection() + (faults == null ? ":ok" : ":dropped"));
    }
    return pattern;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
