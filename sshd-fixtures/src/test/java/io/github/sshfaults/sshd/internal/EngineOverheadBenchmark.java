package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.internal.NamedThreadFactory;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * Measures what a fake host whose plan is empty costs: a fake host against a bare server with the
 * same user and stub, built without the engine's hooks, the journal or SFTP. Not a test: run it
 * with {@code mvn -B -q -Pbench -pl sshd-fixtures -am -DskipTests verify}.
 *
 * <p>Each measurement alternates blocks of the two variants, so that noise from other processes on
 * the machine spreads over both, and reports the median and the 90th percentile.
 */
public final class EngineOverheadBenchmark {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int BLOCKS = 5;

  private EngineOverheadBenchmark() {}

  /** A running server under test. */
  private interface Target extends AutoCloseable {
    int port();

    @Override
    void close() throws Exception;
  }

  /** Runs the benchmark; the optional argument is the number of measured rounds per variant. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Keys.sharedHostKey(HostKeyType.ECDSA_P256);
    System.out.printf("Engine overhead, %d rounds per variant, in microseconds%n", rounds);
    System.out.printf("%-70s %8s %8s%n", "", "median", "p90");

    compare(
        "start + close a host",
        rounds,
        () -> FakeSshHost.start().close(),
        () -> baseline().close());

    try (Target host = fakeHost();
        Target bare = baseline()) {
      compare(
          "connect + authenticate + exec + disconnect",
          rounds / 2,
          () -> connectAndExec(host.port()),
          () -> connectAndExec(bare.port()));
    }

    try (Target host = fakeHost();
        Target bare = baseline();
        SshClient client = client();
        ClientSession onHost = login(client, host.port());
        ClientSession onBare = login(client, bare.port())) {
      compare(
          "exec on an open session",
          rounds * 5,
          () -> onHost.executeRemoteCommand("id"),
          () -> onBare.executeRemoteCommand("id"));
    }
  }

  private static Target fakeHost() {
    FakeSshHost host = FakeSshHost.start();
    host.user("bench", "bench").command("id").replies("uid=0(bench)\n");
    return new Target() {
      @Override
      public int port() {
        return host.port();
      }

      @Override
      public void close() {
        host.close();
      }
    };
  }

  private static Target baseline() throws Exception {
    Credentials credentials = new Credentials();
    credentials.addPassword("bench", "bench");
    CommandStubs stubs = new CommandStubs();
    stubs.add(
        CommandStubs.exact(
            "id", call -> io.github.sshfaults.sshd.CommandResult.success("uid=0(bench)\n")));
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            10,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new NamedThreadFactory("bench-exec"));
    FaultEngine unused = new FaultEngine(0, FaultPlan.empty());
    SshServer server =
        ServerFactory.createWithoutFaultHooks(
            0,
            AlgorithmSet.FAST,
            Keys.sharedHostKey(HostKeyType.ECDSA_P256),
            credentials,
            stubs,
            executor,
            unused);
    server.start();
    return new Target() {
      @Override
      public int port() {
        return server.getPort();
      }

      @Override
      public void close() throws Exception {
        server.stop(true);
        executor.shutdownNow();
        unused.close();
      }
    };
  }

  private static SshClient client() {
    SshClient client = SshClient.setUpDefaultClient();
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    return client;
  }

  private static ClientSession login(SshClient client, int port) throws Exception {
    ClientSession session =
        client.connect("bench", ServerFactory.LOOPBACK, port).verify(TIMEOUT).getSession();
    session.addPasswordIdentity("bench");
    session.auth().verify(TIMEOUT);
    return session;
  }

  private static void connectAndExec(int port) throws Exception {
    try (SshClient client = client();
        ClientSession session = login(client, port)) {
      session.executeRemoteCommand("id");
    }
  }

  /** A measured action. */
  private interface Action {
    void run() throws Exception;
  }

  private static void compare(String what, int rounds, Action withEngine, Action withoutEngine)
      throws Exception {
    List<Long> engine = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    // As many warm-up rounds as measured ones: with fewer, the variant with more code (the host)
    // is measured partly before the JIT compiled it, and the comparison shows warm-up, not cost.
    int warmup = Math.max(100, rounds);
    time(withEngine, warmup, new ArrayList<>());
    time(withoutEngine, warmup, new ArrayList<>());
    for (int block = 0; block < BLOCKS; block++) {
      time(withEngine, rounds / BLOCKS, engine);
      time(withoutEngine, rounds / BLOCKS, bare);
    }
    print(what + " (fault engine, no faults)", engine);
    print(what + " (no engine hooks)", bare);
  }

  private static void time(Action action, int times, List<Long> micros) throws Exception {
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      action.run();
      micros.add((System.nanoTime() - start) / 1000);
    }
  }

  private static void print(String what, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    long p90 = sorted.get((int) (sorted.size() * 0.9));
    System.out.printf(Locale.ROOT, "%-70s %8d %8d%n", what, median, p90);
  }
}
