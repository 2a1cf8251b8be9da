package io.github.sshfaults.bench;

import io.github.sshfaults.bench.Clients.Client;
import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.internal.BareServer;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One forked JVM of the benchmarks: runs one group and prints its samples on standard output, one
 * line each, {@code SAMPLE <metric> <value>}, for {@link Benchmarks} to aggregate. Comparisons
 * within a group are interleaved round by round, in an order that rotates each round, after as
 * many warm-up rounds as measured ones.
 */
public final class BenchWorker {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private BenchWorker() {}

  /** {@code <group> [arguments]}; see {@link Benchmarks} for the groups. */
  public static void main(String[] args) throws Exception {
    long enteredMain = System.nanoTime();
    switch (args[0]) {
      case "cold" -> cold(args[1], enteredMain);
      case "clients" -> clients(Integer.parseInt(args[1]));
      case "overhead" -> overhead(Integer.parseInt(args[1]));
      case "throughput" -> throughput(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "delay" -> delay(Integer.parseInt(args[1]));
      case "idle" -> idle(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("no group " + args[0]);
    }
    System.out.flush();
    System.exit(0); // MINA SSHD's and the clients' daemon-less pools must not keep the JVM alive
  }

  /** The first host (or bare MINA server) and the first session of a fresh JVM. */
  private static void cold(String variant, long enteredMain) throws Exception {
    long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
    long start = System.nanoTime();
    AutoCloseable server;
    int port;
    if (variant.startsWith("fake")) {
      FakeSshHost host = FakeSshHost.start();
      host.user(Clients.USER, Clients.PASSWORD).command(Clients.COMMAND).replies(Clients.STDOUT);
      server = host;
      port = host.port();
    } else {
      StockServer stock = StockServer.start(null, Clients.USER, Clients.PASSWORD, Clients.STDOUT);
      server = stock;
      port = stock.port();
    }
    long started = System.nanoTime();
    // MINA SSHD's client, not through Clients, whose sshj variants a -nobc fork cannot load.
    try (SshClient mina = SshClient.setUpDefaultClient()) {
      CoreModuleProperties.TCP_NODELAY.set(mina, true);
      mina.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      mina.start();
      try (ClientSession session = login(mina, port)) {
        check(session.executeRemoteCommand(Clients.COMMAND));
      }
    }
    long sessionDone = System.nanoTime();
    server.close();
    long closed = System.nanoTime();
    sample("cold." + variant + ".jvm-to-main", jvmToMain);
    sample("cold." + variant + ".start", millis(started - start));
    sample("cold." + variant + ".first-session", millis(sessionDone - started));
    sample("cold." + variant + ".total", millis(closed - start));
    sample("cold." + variant + ".main-to-exit", millis(closed - enteredMain));
  }

  /** Each client against our host and against a stock MINA SSHD server. */
  private static void clients(int rounds) throws Exception {
    try (FakeSshHost host = FakeSshHost.start();
        StockServer stock =
            StockServer.start(ecKey(), Clients.USER, Clients.PASSWORD, Clients.STDOUT)) {
      host.user(Clients.USER, Clients.PASSWORD).command(Clients.COMMAND).replies(Clients.STDOUT);
      Map<String, Client> clients = new LinkedHashMap<>();
      try {
        for (String name : Clients.names()) {
          clients.put(name, Clients.open(name));
        }
        List<Measured> variants = new ArrayList<>();
        clients.forEach(
            (name, client) -> {
              variants.add(new Measured("clients." + name + ".ours", () -> client.roundTrip(host.port())));
              variants.add(new Measured("clients." + name + ".stock", () -> client.roundTrip(stock.port())));
            });
        interleave(variants, rounds);
      } finally {
        for (Client client : clients.values()) {
          client.close();
        }
      }
    }
  }

  /** What the host's hooks cost without faults: a fake host, a bare server, and a second host. */
  private static void overhead(int rounds) throws Exception {
    interleave(
        List.of(
            new Measured("overhead.start-close.fake", () -> FakeSshHost.start().close()),
            new Measured(
                "overhead.start-close.bare",
                () -> BareServer.start("u", "p", "id", "x").close()),
            new Measured("overhead.start-close.fake-aa", () -> FakeSshHost.start().close())),
        rounds);
    try (FakeSshHost host = benchHost();
        FakeSshHost other = benchHost();
        BareServer bare =
            BareServer.start(Clients.USER, Clients.PASSWORD, Clients.COMMAND, Clients.STDOUT);
        Client client = Clients.open("mina-nodelay")) {
      interleave(
          List.of(
              new Measured("overhead.session.fake", () -> client.roundTrip(host.port())),
              new Measured("overhead.session.bare", () -> client.roundTrip(bare.port())),
              new Measured("overhead.session.fake-aa", () -> client.roundTrip(other.port()))),
          rounds / 2);
      try (SshClient mina = SshClient.setUpDefaultClient()) {
        CoreModuleProperties.TCP_NODELAY.set(mina, true);
        mina.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        mina.start();
        try (ClientSession onHost = login(mina, host.port());
            ClientSession onBare = login(mina, bare.port());
            ClientSession onOther = login(mina, other.port())) {
          interleave(
              List.of(
                  new Measured("overhead.exec.fake", () -> onHost.executeRemoteCommand("uptime")),
                  new Measured("overhead.exec.bare", () -> onBare.executeRemoteCommand("uptime")),
                  new Measured(
                      "overhead.exec.fake-aa", () -> onOther.executeRemoteCommand("uptime"))),
              rounds * 5);
        }
      }
    }
  }

  /** Sessions per second through ConcurrentSsh with 16 threads, one adapter, on 1 or 4 hosts. */
  private static void throughput(String adapter, int hostCount, int tasks) throws Exception {
    List<FakeSshHost> hosts = new ArrayList<>();
    try {
      for (int i = 0; i < hostCount; i++) {
        hosts.add(benchHost());
      }
      List<FakeSshHost> targets = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        targets.add(hosts.get(i % hostCount));
      }
      ClientFactory<? extends SshClientAdapter> factory =
          switch (adapter) {
            case "mina" -> MinaClientAdapter.factory();
            case "jsch" -> JschClientAdapter.factory();
            case "sshj" -> SshjClientAdapter.factory();
            default -> throw new IllegalArgumentException("no adapter " + adapter);
          };
      ConcurrentSsh runner = ConcurrentSsh.create().withThreads(16);
      SshLogin login = SshLogin.password(Clients.USER, Clients.PASSWORD);
      for (int run = 0; run < 4; run++) {
        long start = System.nanoTime();
        RunReport<FakeSshHost, CommandOutput> report =
            runner.run(targets, factory, (client, host) -> client.exec(host, login, Clients.COMMAND));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.failures().size() > 0) {
          throw new IllegalStateException("a benchmark session failed:\n" + report);
        }
        if (run > 0) { // the first run warms up
          sample("throughput." + adapter + "." + hostCount + "-hosts", tasks / seconds);
        }
      }
    } finally {
      hosts.forEach(FakeSshHost::close);
    }
  }

  /** A 200 ms banner delay as each client sees it, beside the same host without it. */
  private static void delay(int rounds) throws Exception {
    try (FakeSshHost plain = benchHost();
        FakeSshHost delayed = benchHost()) {
      delayed.faults().add(Fault.delay(Duration.ofMillis(200)));
      Map<String, Client> clients = new LinkedHashMap<>();
      try {
        List<Measured> variants = new ArrayList<>();
        for (String name : List.of("mina-default", "jsch-default", "sshj-default", "mina-adapter", "jsch-adapter", "sshj-adapter")) {
          Client client = Clients.open(name);
          clients.put(name, client);
          variants.add(new Measured("delay." + name + ".plain", () -> client.roundTrip(plain.port())));
          variants.add(
              new Measured("delay." + name + ".delayed", () -> client.roundTrip(delayed.port())));
        }
        interleave(variants, rounds);
      } finally {
        for (Client client : clients.values()) {
          client.close();
        }
      }
    }
  }

  /** Threads, heap and file descriptors of many idle hosts, and of hosts that served a session. */
  private static void idle(int count, int served) throws Exception {
    FakeSshHost.start().close(); // class loading and the shared host key are not the hosts' cost
    gc();
    int threadsBefore = threads();
    long heapBefore = heapUsed();
    long fdsBefore = fileDescriptors();
    List<FakeSshHost> hosts = new ArrayList<>(count);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        hosts.add(FakeSshHost.start());
      }
      sample("idle.start-all", millis(System.nanoTime() - start));
      gc();
      sample("idle.threads", threads() - threadsBefore);
      sample("idle.threads-in-jvm", threads());
      sample("idle.heap-per-host-kb", (heapUsed() - heapBefore) / 1024.0 / count);
      sample("idle.fds-per-host", (fileDescriptors() - fdsBefore) / (double) count);
      try (Client client = Clients.open("mina-nodelay")) {
        for (int i = 0; i < served; i++) {
          FakeSshHost host = hosts.get(i);
          host.user(Clients.USER, Clients.PASSWORD).command(Clients.COMMAND).replies(Clients.STDOUT);
          check(client.roundTrip(host.port()));
        }
      }
      sample("idle.threads-after-" + served + "-served", threads() - threadsBefore);
      sample("idle.threads-in-jvm-after-" + served + "-served", threads());
    } finally {
      long start = System.nanoTime();
      hosts.forEach(FakeSshHost::close);
      sample("idle.close-all", millis(System.nanoTime() - start));
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A named action whose durations, in milliseconds, become samples. */
  private record Measured(String metric, Action action) {}

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  /**
   * As many warm-up rounds as measured ones, then {@code rounds} rounds in which each variant runs
   * once, in an order rotated by one each round: no variant is always first, and the machine's
   * drift spreads over all of them.
   */
  private static void interleave(List<Measured> variants, int rounds) throws Exception {
    for (int phase = 0; phase < 2; phase++) {
      boolean measured = phase == 1;
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < variants.size(); i++) {
          Measured variant = variants.get((round + i) % variants.size());
          long start = System.nanoTime();
          variant.action().run();
          long took = System.nanoTime() - start;
          if (measured) {
            sample(variant.metric(), took / 1e6);
          }
        }
      }
    }
  }

  private static FakeSshHost benchHost() {
    FakeSshHost host = FakeSshHost.start();
    host.user(Clients.USER, Clients.PASSWORD).command(Clients.COMMAND).replies(Clients.STDOUT);
    return host;
  }

  private static ClientSession login(SshClient client, int port) throws Exception {
    ClientSession session =
        client.connect(Clients.USER, "127.0.0.1", port).verify(TIMEOUT).getSession();
    session.addPasswordIdentity(Clients.PASSWORD);
    session.auth().verify(TIMEOUT);
    return session;
  }

  private static void check(String stdout) {
    if (!Clients.STDOUT.equals(stdout)) {
      throw new IllegalStateException("unexpected output: " + stdout);
    }
  }

  private static KeyPair ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static void sample(String metric, double value) {
    System.out.println(String.format(Locale.ROOT, "SAMPLE %s %.3f", metric, value));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long fileDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  // A benchmark's own business: heap figures mean nothing with garbage still in them.
  @SuppressWarnings("java:S1215")
  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }
}
