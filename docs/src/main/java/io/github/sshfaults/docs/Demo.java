package io.github.sshfaults.docs;

import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * The demo: starts a small fleet of fake SSH hosts, each failing its own way, runs {@code uptime}
 * on all of them at once (one thread and one client per host) and prints what each host did.
 *
 * <p>Run it with {@code mvn -q -Pdemo -pl docs -am -DskipTests verify}.
 */
public final class Demo {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Demo() {}

  /** Runs the demo; takes no arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, FakeSshHost> fleet = new LinkedHashMap<>();
    try {
      fleet.put("web-1 (healthy)", healthy());
      fleet.put("web-2 (wrong password)", FakeSshHost.start().user("deploy", "rotated-yesterday"));
      fleet.put("web-3 (no uptime)", FakeSshHost.start().user("deploy", "s3cret"));
      fleet.put("web-4 (broken uptime)", broken());
      FakeSshHost down = FakeSshHost.start();
      down.close();
      fleet.put("web-5 (down)", down);

      System.out.printf("Running 'uptime' on %d fake hosts, one thread and client each...%n%n", fleet.size());
      printTable(runEverywhere(fleet));
    } finally {
      fleet.values().forEach(FakeSshHost::close);
    }
  }

  private static FakeSshHost healthy() {
    return FakeSshHost.start()
        .user("deploy", "s3cret")
        .command("uptime")
        .replies(" 10:14:03 up 3 days,  2:01,  1 user,  load average: 0.10, 0.08, 0.01\n");
  }

  private static FakeSshHost broken() {
    return FakeSshHost.start()
        .user("deploy", "s3cret")
        .command("uptime")
        .replies(CommandResult.exit(1).withStderr("uptime: /proc must be mounted\n"));
  }

  private static List<String[]> runEverywhere(Map<String, FakeSshHost> fleet) throws Exception {
    AtomicInteger threadNumber = new AtomicInteger(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            fleet.size(), task -> new Thread(task, "demo-worker-" + threadNumber.getAndIncrement()));
    try {
      Map<String, Future<String>> futures = new LinkedHashMap<>();
      fleet.forEach((name, host) -> futures.put(name, pool.submit(() -> uptime(host))));
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, Future<String>> entry : futures.entrySet()) {
        String outcome;
        try {
          outcome = "OK      " + entry.getValue().get().strip();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          outcome = "FAILED  " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        rows.add(new String[] {entry.getKey(), outcome});
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a fleet tool's worker does: its own client, connect, log in, run, close. */
  private static String uptime(FakeSshHost host) throws Exception {
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client.connect("deploy", host.host(), host.port()).verify(TIMEOUT).getSession()) {
        session.addPasswordIdentity("s3cret");
        session.auth().verify(TIMEOUT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel("uptime")) {
          channel.setOut(out);
          channel.setErr(err);
          channel.open().verify(TIMEOUT);
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
          Integer status = channel.getExitStatus();
          if (status == null || status != 0) {
            throw new IllegalStateException(
                "exit status " + status + ": " + err.toString(StandardCharsets.UTF_8).strip());
          }
          return out.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  private static void printTable(List<String[]> rows) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4);
    System.out.printf("%-" + width + "s | %s%n", "HOST", "OUTCOME");
    System.out.println("-".repeat(width) + "-+-" + "-".repeat(60));
    for (String[] row : rows) {
      System.out.printf("%-" + width + "s | %s%n", row[0], row[1]);
    }
  }
}
