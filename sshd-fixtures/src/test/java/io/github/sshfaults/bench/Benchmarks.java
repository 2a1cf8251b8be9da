package io.github.sshfaults.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmarks, run by {@code mvn -B -q -Pbench -pl sshd-fixtures -am -DskipTests verify}: every
 * figure is measured in forked JVMs with fixed flags (never in Maven's own), comparisons side by
 * side in the same run, variants interleaved with rotated order after warm-up, medians and 95th
 * percentiles over several forks, and an A/A row wherever two variants are compared, to show the
 * noise. Each figure is printed as one line, {@code BENCH <name> <value> <unit>}.
 *
 * <p>Groups (all unless named as arguments): {@code cold} (first host and first session of a fresh
 * JVM, against a stock MINA SSHD server), {@code overhead} (a host without faults against the bare
 * server it is built on), {@code clients} (each client library at its defaults, tuned, and each
 * adapter, against our host and a stock server), {@code throughput} (ConcurrentSsh, 16 threads,
 * each adapter, 1 and 4 hosts), {@code delay} (a 200 ms banner delay as each client sees it) and
 * {@code idle} (threads, heap and descriptors of 1,000 idle hosts).
 */
public final class Benchmarks {

  /** Flags of every forked JVM: the same for every variant. */
  private static final List<String> JVM_FLAGS =
      List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  private static final int COLD_FORKS = 6;

  private static final String CDS_ARCHIVE = "target/bench-cds.jsa";

  private final Map<String, List<Double>> samples = new LinkedHashMap<>();
  private final Path logs;

  private Benchmarks(Path logs) {
    this.logs = logs;
  }

  /** Runs the groups named in {@code args}, or all of them. */
  public static void main(String[] args) throws Exception {
    List<String> groups =
        args.length > 0
            ? Arrays.asList(args)
            : List.of("cold", "overhead", "clients", "throughput", "delay", "idle");
    Path logs = Files.createDirectories(Path.of("target", "bench-logs"));
    Benchmarks benchmarks = new Benchmarks(logs);
    long start = System.nanoTime();
    for (String group : groups) {
      switch (group) {
        case "cold" -> benchmarks.cold();
        case "overhead" -> benchmarks.overhead();
        case "clients" -> benchmarks.clients();
        case "throughput" -> benchmarks.throughput();
        case "delay" -> benchmarks.delay();
        case "idle" -> benchmarks.idle();
        default -> throw new IllegalArgumentException("no group " + group);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "BENCH all.elapsed %.0f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  private void cold() throws Exception {
    // "-nobc": the same without BouncyCastle (and sshj, which brings it) on the class path, whose
    // registration MINA SSHD pays on first use when it is there.
    // "-bcoff": BouncyCastle on the class path, but MINA SSHD told not to register it, what users
    // whose own client does not need it can add themselves (see getting-started.md).
    // "-cds": the same as -nobc with a class data sharing archive made by a first run, what users
    // can add themselves (see README); the archive needs jars, so this runs after package.
    List<String> variants =
        new ArrayList<>(List.of("fake", "bare", "fake-aa", "fake-nobc", "bare-nobc", "fake-bcoff"));
    if (jarClassPath().isPresent()) {
      fork("cold", "fake-cds-dump");
      variants.add("fake-cds");
    }
    for (int fork = 0; fork < COLD_FORKS; fork++) {
      for (int i = 0; i < variants.size(); i++) {
        fork("cold", variants.get((fork + i) % variants.size()));
      }
    }
    for (String part : List.of("total", "start", "first-session", "jvm-to-main")) {
      for (String variant : variants) {
        percentiles("cold." + variant + "." + part, "ms");
      }
    }
    ratio("cold.total.fake-vs-bare", "cold.fake.total", "cold.bare.total");
    ratio("cold.total.aa", "cold.fake-aa.total", "cold.fake.total");
    ratio("cold.total.fake-vs-bare-nobc", "cold.fake-nobc.total", "cold.bare-nobc.total");
    ratio("cold.total.fake-bcoff-vs-fake", "cold.fake-bcoff.total", "cold.fake.total");
  }

  private void overhead() throws Exception {
    for (int fork = 0; fork < 2; fork++) {
      fork("overhead", "100");
    }
    for (String what : List.of("start-close", "session", "exec")) {
      for (String variant : List.of("fake", "bare", "fake-aa")) {
        percentiles("overhead." + what + "." + variant, "ms");
      }
      ratio("overhead." + what + ".fake-vs-bare", "overhead." + what + ".fake", "overhead." + what + ".bare");
      ratio("overhead." + what + ".aa", "overhead." + what + ".fake-aa", "overhead." + what + ".fake");
    }
  }

  private void clients() throws Exception {
    for (int fork = 0; fork < 2; fork++) {
      fork("clients", "25");
    }
    for (String client : Clients.names()) {
      percentiles("clients." + client + ".ours", "ms");
      percentiles("clients." + client + ".stock", "ms");
      ratio("clients." + client + ".ours-vs-stock", "clients." + client + ".ours", "clients." + client + ".stock");
    }
    // Each adapter against the raw client tuned as its users would tune it.
    ratio("clients.mina-adapter.vs-raw", "clients.mina-adapter.ours", "clients.mina-nodelay.ours");
    ratio("clients.jsch-adapter.vs-raw", "clients.jsch-adapter.ours", "clients.jsch-default.ours");
    ratio("clients.sshj-adapter.vs-raw", "clients.sshj-adapter.ours", "clients.sshj-nodelay.ours");
  }

  private void throughput() throws Exception {
    for (String adapter : List.of("mina", "jsch", "sshj")) {
      for (int hosts : List.of(1, 4)) {
        fork("throughput", adapter, Integer.toString(hosts), "400");
        median("throughput." + adapter + "." + hosts + "-hosts", "sessions/s");
      }
    }
  }

  private void delay() throws Exception {
    fork("delay", "10");
    for (String client :
        List.of("mina-default", "jsch-default", "sshj-default", "mina-adapter", "jsch-adapter", "sshj-adapter")) {
      String delayed = "delay." + client + ".delayed";
      percentiles(delayed, "ms");
      bench(delayed + ".max", Collections.max(samples.get(delayed)), "ms");
      bench(
          "delay." + client + ".beyond-200ms",
          median(samples.get(delayed)) - median(samples.get("delay." + client + ".plain")) - 200,
          "ms");
    }
  }

  private void idle() throws Exception {
    fork("idle", "1000", "100");
    median("idle.start-all", "ms");
    median("idle.threads", "threads");
    median("idle.threads-in-jvm", "threads");
    median("idle.heap-per-host-kb", "KiB");
    median("idle.fds-per-host", "fds");
    median("idle.threads-after-100-served", "threads");
    median("idle.threads-in-jvm-after-100-served", "threads");
    median("idle.close-all", "ms");
  }

  // ------------------------------------------------------------------ forks and figures

  /** Runs {@code BenchWorker} with {@code args} in a fresh JVM and keeps its samples. */
  private void fork(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    String variant = args[args.length - 1];
    if (variant.equals("fake-cds-dump")) {
      command.add("-XX:ArchiveClassesAtExit=" + CDS_ARCHIVE);
    } else if (variant.equals("fake-cds")) {
      command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
    } else if (variant.equals("fake-bcoff")) {
      command.add("-Dorg.apache.sshd.security.provider.BC.enabled=false");
    }
    command.add("-cp");
    command.add(
        variant.startsWith("fake-cds")
            ? jarClassPath().orElseThrow()
            : classPath(variant.endsWith("-nobc")));
    command.add(BenchWorker.class.getName());
    command.addAll(Arrays.asList(args));
    File log = logs.resolve(String.join("-", args) + ".log").toFile();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("SAMPLE")) {
          samples.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
        }
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "benchmark fork " + String.join(" ", args) + " failed; see " + log);
    }
  }

  /**
   * The -nobc class path with the module's and core's class folders replaced by their jars, as
   * class data sharing needs; empty when a jar is missing (the modules were not packaged).
   */
  private static Optional<String> jarClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath(true).split(File.pathSeparator)) {
      if (!entry.endsWith("classes")) {
        entries.add(entry);
        continue;
      }
      Path target = Path.of(entry).getParent();
      boolean tests = entry.endsWith("test-classes");
      try (var jars = Files.list(target)) {
        Optional<Path> jar =
            jars.map(Path::toString)
                .filter(name -> name.endsWith(tests ? "-tests.jar" : "-SNAPSHOT.jar"))
                .map(Path::of)
                .findFirst();
        if (jar.isEmpty()) {
          return Optional.empty();
        }
        entries.add(jar.get().toString());
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(String.join(File.pathSeparator, entries));
  }

  /** This JVM's class path, without BouncyCastle and sshj when {@code withoutBouncyCastle}. */
  private static String classPath(boolean withoutBouncyCastle) {
    String classPath = System.getProperty("java.class.path");
    if (!withoutBouncyCastle) {
      return classPath;
    }
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.matches(".*/(bcprov|bcpkix|bcutil|sshj)-[^/]*\\.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private void percentiles(String metric, String unit) {
    List<Double> values = samples.get(metric);
    bench(metric + ".p50", median(values), unit);
    bench(metric + ".p95", percentile(values, 0.95), unit);
  }

  private void median(String metric, String unit) {
    bench(metric, median(samples.get(metric)), unit);
  }

  private void ratio(String name, String metric, String baseline) {
    bench(name, median(samples.get(metric)) / median(samples.get(baseline)), "x");
  }

  private void bench(String name, double value, String unit) {
    String line =
        String.format(
            Locale.ROOT, "BENCH %s %s %s", name, value >= 100 || unit.equals("threads")
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3f", value), unit);
    System.out.println(line);
  }

  private static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(List<Double> values, double p) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
