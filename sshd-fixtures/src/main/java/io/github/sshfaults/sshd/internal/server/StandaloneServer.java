package io.github.sshfaults.sshd.internal.server;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.internal.plan.HostPlan;
import io.github.sshfaults.sshd.journal.internal.JsonLines;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The hosts of one standalone server process, its output and its control interface, from start to
 * stop. {@link #close()} stops everything it started, from any thread, once.
 */
final class StandaloneServer implements AutoCloseable {

  /**
   * How the server runs.
   *
   * @param hosts the hosts, in order
   * @param bind the address they listen on
   * @param port the first host's port, or 0 for ephemeral ports
   * @param journal where to write the journal as JSON Lines, or null
   * @param controlPort the control interface's port (0: ephemeral), or null for none
   * @param quiet whether to leave out the log line of each event
   */
  record Settings(
      List<HostPlan> hosts,
      String bind,
      int port,
      Path journal,
      Integer controlPort,
      boolean quiet) {}

  private final Output output;
  private final List<FakeSshHost> hosts = new ArrayList<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private ControlServer control;
  private boolean closed;

  private StandaloneServer(Output output) {
    this.output = output;
  }

  /**
   * Starts the hosts and the control interface, then prints one JSON line per host and a {@code
   * ready} line.
   *
   * @throws UncheckedIOException when the journal file cannot be written or a port is taken
   * @throws IllegalArgumentException when a host's plan is rejected at start (a stub's regex)
   */
  static StandaloneServer start(Settings settings, PrintStream out) {
    Writer journal = null;
    if (settings.journal() != null) {
      try {
        journal = Files.newBufferedWriter(settings.journal(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the journal file " + settings.journal(), e);
      }
    }
    StandaloneServer server = new StandaloneServer(new Output(out, journal, settings.quiet()));
    try {
      server.startHosts(settings);
      if (settings.controlPort() != null) {
        server.control = new ControlServer(server, settings.controlPort());
      }
      for (FakeSshHost host : server.hosts) {
        server.output.print(JsonLines.object(server.describe(host)));
      }
      Map<String, Object> ready = new LinkedHashMap<>();
      ready.put("event", "ready");
      ready.put("hosts", server.hosts.size());
      ready.put("control", server.control().orElse(null));
      server.output.print(JsonLines.object(ready));
      return server;
    } catch (RuntimeException e) {
      try {
        server.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private void startHosts(Settings settings) {
    int next = settings.port();
    for (HostPlan plan : settings.hosts()) {
      FakeSshHost host =
          plan.configure(FakeSshHost.builder().bindAddress(settings.bind()).port(next)).start();
      synchronized (this) {
        hosts.add(host);
      }
      String name = plan.name();
      ((RecordingJournal) host.journal()).listen(event -> output.event(name, event));
      plan.setUp(host);
      host.markBaseline();
      if (next != 0) {
        next++;
      }
    }
  }

  /** What the server prints for {@code host} when it starts, and the control interface lists. */
  Map<String, Object> describe(FakeSshHost host) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", "host");
    fields.put("name", host.displayName());
    fields.put("host", host.host());
    fields.put("port", host.port());
    fields.put("hostKeyFingerprint", host.hostKeyFingerprint());
    fields.put("knownHostsLine", host.knownHostsLine());
    fields.put("seed", host.seed());
    fields.put("control", control().map(c -> c + "/hosts/" + host.displayName()).orElse(null));
    return fields;
  }

  /** The hosts, in order. */
  synchronized List<FakeSshHost> hosts() {
    return List.copyOf(hosts);
  }

  /**
   * The host called {@code name}.
   *
   * @throws IllegalArgumentException naming the hosts there are when none is called so
   */
  FakeSshHost host(String name) {
    return hosts().stream()
        .filter(host -> host.displayName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no host "
                        + quote(name)
                        + "; the hosts are "
                        + String.join(
                            ", ", hosts().stream().map(FakeSshHost::displayName).toList())));
  }

  /** The control interface's base address, {@code http://127.0.0.1:port}, if it runs. */
  Optional<String> control() {
    return Optional.ofNullable(control).map(ControlServer::address);
  }

  /** The server's output, for the control interface's log lines. */
  Output output() {
    return output;
  }

  /** Asks the thread waiting in {@link #awaitStop} to stop the server. */
  void requestStop() {
    stop.countDown();
  }

  /**
   * Waits until a stop is requested or the server is closed, at most {@code timeout}.
   *
   * @return whether that happened in time
   */
  boolean awaitStop(Duration timeout) throws InterruptedException {
    return stop.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until a stop is requested or the server is closed. */
  void awaitStop() throws InterruptedException {
    stop.await();
  }

  /**
   * Stops the control interface, closes every host (their sessions and threads go with them),
   * prints a {@code stopped} line and closes the output and the journal file. Idempotent.
   */
  @Override
  public void close() {
    List<FakeSshHost> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = List.copyOf(hosts);
    }
    RuntimeException failure = null;
    try {
      if (control != null) {
        control.close();
      }
      for (FakeSshHost host : toClose) {
        try {
          host.close();
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      output.print(JsonLines.object(Map.of("event", "stopped")));
      output.close();
    } finally {
      stop.countDown();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
