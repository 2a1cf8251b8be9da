package io.github.sshfaults.docs.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server ({@code java -jar ...-server.jar}) as a process of its own, for the tests
 * that prove it from outside: started, read line by line, and stopped with its children in {@link
 * #close()}, pass or fail.
 */
public final class ServerProcess implements AutoCloseable {

  /** How long a server may take to print its ready line, on a busy machine. */
  static final Duration START = Duration.ofSeconds(60);

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

  /** A host as the server prints it. */
  public record Host(String name, String host, int port, String knownHostsLine, long seed) {}

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private String control;
  private boolean stdoutEnded;

  private ServerProcess(Process process) {
    this.process = process;
    reader(process.getInputStream(), stdout, "stdout", true).start();
    reader(process.getErrorStream(), stderr, "stderr", false).start();
  }

  /**
   * Starts {@code java -jar <server jar> args} and waits for its ready line.
   *
   * @throws AssertionError with the server's output when it ends or stays silent instead
   */
  public static ServerProcess start(String... args) {
    return start(List.of(), args);
  }

  /** {@link #start(String...)} with options for the server's JVM, such as {@code -D...}. */
  public static ServerProcess start(List<String> jvmOptions, String... args) {
    ServerProcess server = launch(jvmOptions, args);
    try {
      server.awaitLine(line -> line.startsWith("{\"event\":\"ready\""), START);
      for (String line : server.lines()) {
        Map<String, String> fields = fields(line);
        if ("host".equals(fields.get("event"))) {
          Host host =
              new Host(
                  fields.get("name"),
                  fields.get("host"),
                  Integer.parseInt(fields.get("port")),
                  fields.get("knownHostsLine"),
                  Long.parseLong(fields.get("seed")));
          server.hosts.put(host.name(), host);
        } else if ("ready".equals(fields.get("event"))) {
          server.control = fields.get("control");
        }
      }
      return server;
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
  }

  /** Starts {@code java jvmOptions -jar <server jar> args} without waiting for anything. */
  public static ServerProcess launch(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Tools.java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", Tools.serverJar()));
    command.addAll(List.of(args));
    try {
      return new ServerProcess(new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
  }

  /** The JSON fields of one line: strings unescaped, numbers as written. */
  static Map<String, String> fields(String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(json);
    while (field.find()) {
      String value =
          field.group(3) != null
              ? field.group(3).replace("\\\"", "\"").replace("\\\\", "\\")
              : field.group(2);
      fields.putIfAbsent(field.group(1), value);
    }
    return fields;
  }

  private Thread reader(InputStream stream, List<String> lines, String what, boolean isStdout) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (this) {
                    lines.add(line);
                    notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process ended
              } finally {
                synchronized (this) {
                  stdoutEnded |= isStdout;
                  notifyAll();
                }
              }
            },
            "server-" + what + "-reader");
    reader.setDaemon(true);
    return reader;
  }

  /** The host the server printed under {@code name}. */
  public Host host(String name) {
    Host host = hosts.get(name);
    if (host == null) {
      throw new AssertionError("the server printed no host " + name + ": " + lines());
    }
    return host;
  }

  /** The control interface's address, from the ready line. */
  public String control() {
    return control;
  }

  /**
   * The journal of host {@code name}, as JSON Lines, from the control interface.
   *
   * @throws AssertionError when the control interface does not answer 200
   */
  public String journal(String name) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(control + "/hosts/" + name + "/journal"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET journal of " + name + ": " + response.statusCode() + " "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while reading the journal of " + name, e);
    }
  }

  /** What the server printed on stdout so far. */
  public synchronized List<String> lines() {
    return List.copyOf(stdout);
  }

  /** What the server printed on stderr so far. */
  public synchronized List<String> errorLines() {
    return List.copyOf(stderr);
  }

  /**
   * Waits for a line of stdout that {@code matching} accepts.
   *
   * @throws AssertionError with everything printed when none comes within {@code timeout}, or the
   *     process ends first
   */
  public synchronized String awaitLine(Predicate<String> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> line = stdout.stream().filter(matching).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || stdoutEnded) {
        throw new AssertionError(
            "The server printed no such line within "
                + timeout.toSeconds()
                + " s"
                + (process.isAlive() ? "" : " and ended with exit code " + process.exitValue())
                + "; stdout: "
                + stdout
                + "; stderr: "
                + stderr);
      }
      try {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for the server", e);
      }
    }
  }

  /** The process, for its exit code and signals. */
  public Process process() {
    return process;
  }

  /**
   * Stops the server with SIGTERM (and its children, if any), waits for it, and kills what is
   * still running after 10 seconds.
   */
  @Override
  public void close() {
    Tools.stop(process.toHandle());
  }
}
