package io.github.sshfaults.sshd.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.internal.FaultText;
import io.github.sshfaults.internal.NamedThreadFactory;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.internal.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server's control interface: HTTP on {@code 127.0.0.1} only, whatever address the hosts bind
 * to, answering in plain text, JSON or JSON Lines.
 *
 * <pre>
 * GET    /hosts                          the hosts, one JSON line each (as printed at start)
 * POST   /hosts/NAME/partition           cut the host off the network, nothing closed
 * POST   /hosts/NAME/heal                end the partition
 * POST   /hosts/NAME/drop-sessions       close every open connection (TCP FIN)
 * POST   /hosts/NAME/reset               back to the plan: users, stubs, files, faults; journal cleared
 * GET    /hosts/NAME/faults              the live fault plan, described
 * PUT    /hosts/NAME/faults              replace it: one fault per line of the body (# comments)
 * DELETE /hosts/NAME/faults              no faults any more
 * GET    /hosts/NAME/journal             the journal, as JSON Lines
 * POST   /stop                           stop the server (exit code 0)
 * </pre>
 *
 * <p>HTTP rather than commands on stdin: a server started in the background by a shell script,
 * a Python test or a CI step has no stdin to write to, but any language can send an HTTP request
 * (curl, urllib, requests), and each request gets its own answer and status code.
 */
final class ControlServer implements AutoCloseable {

  /** The routes, as the answer to an unknown one lists them. */
  static final String ROUTES =
      String.join(
          "\n",
          "GET    /hosts",
          "POST   /hosts/NAME/partition",
          "POST   /hosts/NAME/heal",
          "POST   /hosts/NAME/drop-sessions",
          "POST   /hosts/NAME/reset",
          "GET    /hosts/NAME/faults",
          "PUT    /hosts/NAME/faults       (one fault per line)",
          "DELETE /hosts/NAME/faults",
          "GET    /hosts/NAME/journal",
          "POST   /stop");

  private static final int MAX_BODY = 1 << 20;

  private final StandaloneServer server;
  private final HttpServer http;
  private final ExecutorService executor;

  /**
   * Starts answering on {@code 127.0.0.1:port} (0: any free port).
   *
   * @throws UncheckedIOException when the port is taken
   */
  ControlServer(StandaloneServer server, int port) {
    this.server = server;
    try {
      this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the control interface on 127.0.0.1:"
              + port
              + (port == 0 ? "" : "; another process may have taken the port"),
          e);
    }
    this.executor = Executors.newSingleThreadExecutor(new NamedThreadFactory("sshfaults-control"));
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  /** {@code http://127.0.0.1:port}. */
  String address() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange);
      } catch (IllegalArgumentException e) {
        answer = Answer.text(400, e.getMessage() + "\n");
      } catch (RuntimeException e) {
        answer = Answer.text(500, e + "\n");
      }
      if (answer.allow() != null) {
        exchange.getResponseHeaders().set("Allow", answer.allow());
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.type() + "; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      if (answer.afterwards() != null) {
        answer.afterwards().run();
      }
    }
  }

  private record Answer(int status, String type, String body, String allow, Runnable afterwards) {
    static Answer text(int status, String body) {
      return new Answer(status, "text/plain", body, null, null);
    }

    static Answer notAllowed(String method, String path, String allowed) {
      return new Answer(
          405,
          "text/plain",
          method + " " + path + " is not allowed; use " + allowed + "\n",
          allowed,
          null);
    }
  }

  private Answer answer(String method, String path, HttpExchange exchange) throws IOException {
    String[] parts = path.replaceAll("/+$", "").split("/");
    if (path.equals("/stop")) {
      if (!method.equals("POST")) {
        return Answer.notAllowed(method, path, "POST");
      }
      server.output().log("control: stop");
      return new Answer(200, "text/plain", "stopping\n", null, server::requestStop);
    }
    if (parts.length == 2 && parts[1].equals("hosts")) {
      if (!method.equals("GET")) {
        return Answer.notAllowed(method, path, "GET");
      }
      StringBuilder lines = new StringBuilder();
      for (FakeSshHost host : server.hosts()) {
        lines.append(JsonLines.object(server.describe(host))).append('\n');
      }
      return new Answer(200, "application/x-ndjson", lines.toString(), null, null);
    }
    if (parts.length == 4 && parts[1].equals("hosts")) {
      FakeSshHost host;
      try {
        host = server.host(parts[2]);
      } catch (IllegalArgumentException e) {
        return Answer.text(404, e.getMessage() + "\n");
      }
      return hostAnswer(method, path, parts[3], host, exchange);
    }
    return Answer.text(404, "no such control path " + path + "; the paths are:\n" + ROUTES + "\n");
  }

  private Answer hostAnswer(
      String method, String path, String action, FakeSshHost host, HttpExchange exchange)
      throws IOException {
    String name = host.displayName();
    switch (action) {
      case "partition", "heal", "drop-sessions", "reset" -> {
        if (!method.equals("POST")) {
          return Answer.notAllowed(method, path, "POST");
        }
        switch (action) {
          case "partition" -> host.partition();
          case "heal" -> host.heal();
          case "drop-sessions" -> host.dropAllSessions();
          default -> host.reset();
        }
        server.output().log("control: " + action + " " + name);
        return Answer.text(200, action + " " + name + "\n");
      }
      case "faults" -> {
        switch (method) {
          case "GET" -> {
            return Answer.text(200, host.faults().describe() + "\n");
          }
          case "PUT" -> {
            FaultPlan plan = FaultPlan.of(faults(body(exchange)));
            host.faults().replace(plan);
            server.output().log("control: faults of " + name + " replaced: " + plan.faults());
            return Answer.text(200, host.faults().describe() + "\n");
          }
          case "DELETE" -> {
            host.faults().clear();
            server.output().log("control: faults of " + name + " cleared");
            return Answer.text(200, host.faults().describe() + "\n");
          }
          default -> {
            return Answer.notAllowed(method, path, "GET, PUT, DELETE");
          }
        }
      }
      case "journal" -> {
        if (!method.equals("GET")) {
          return Answer.notAllowed(method, path, "GET");
        }
        StringWriter lines = new StringWriter();
        host.journal().writeJsonLines(lines);
        return new Answer(200, "application/x-ndjson", lines.toString(), null, null);
      }
      default -> {
        return Answer.text(
            404, "no such control path " + path + "; the paths are:\n" + ROUTES + "\n");
      }
    }
  }

  /**
   * The faults of a request body, one per line; blank lines and lines starting with {@code #} are
   * skipped.
   *
   * @throws IllegalArgumentException naming the line of a fault that does not read
   */
  static List<Fault> faults(String body) {
    List<Fault> faults = new ArrayList<>();
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        faults.add(FaultText.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return faults;
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new IllegalArgumentException("the body is longer than " + MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Stops answering at once, and its thread. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For messages. */
  @Override
  public String toString() {
    return "ControlServer[" + address() + "]";
  }
}
