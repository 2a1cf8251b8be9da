package io.github.sshfaults.sshd.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.internal.SharedThreads;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The standalone server in this JVM: its options, output, control interface and clean stop. The
 * tests in the docs module run it as a process of its own, with OpenSSH and paramiko.
 */
@Isolated("counts the JVM's threads")
class ServerMainTest {

  private static final Pattern CONTROL = Pattern.compile("\"control\":\"(http://[^\"]+)\"\\}$");

  @TempDir Path dir;

  private final Lines out = new Lines();
  private final Lines err = new Lines();
  private final HttpClient http = HttpClient.newHttpClient();
  private StandaloneServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void printsOneJsonLinePerHostThenLogsWhatTheHostsSee() throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    server =
        start(
            "--hosts", "2", "--name", "web", "--seed", "7", "--journal", journal.toString(),
            "--user", "alice", "--password", "secret",
            "--command", "uptime", "--stdout", "up 3 days\n",
            "--command-matching", "exit (\\d+)", "--stderr", "bye\n", "--exit-code", "3",
            "--command-glob", "cat /var/log/*", "--stdout", "a log line\n",
            "--fault", "drop-connection at=after-auth for-user=bob");

    List<String> start = out.lines().subList(0, 3);
    assertThat(start.get(0))
        .matches(
            "\\{\"event\":\"host\",\"name\":\"web-1\",\"host\":\"127\\.0\\.0\\.1\",\"port\":\\d+,"
                + "\"hostKeyFingerprint\":\"SHA256:[^\"]+\",\"knownHostsLine\":\"\\[127\\.0\\.0\\.1]:"
                + "\\d+ ecdsa-sha2-nistp256 [^\"]+\",\"seed\":-?\\d+,\"control\":\"http://127\\.0\\.0"
                + "\\.1:\\d+/hosts/web-1\"}");
    assertThat(start.get(1)).contains("\"name\":\"web-2\"");
    assertThat(start.get(2)).matches("\\{\"event\":\"ready\",\"hosts\":2,\"control\":\"[^\"]+\"}");
    FakeSshHost web1 = server.host("web-1");
    assertThat(web1.seed()).isNotEqualTo(server.host("web-2").seed());

    assertThat(SshClientLibrary.MINA.exec(Login.password(web1, "alice", "secret"), "uptime"))
        .isEqualTo(new ExecResult("up 3 days\n", "", 0));
    assertThat(SshClientLibrary.MINA.exec(Login.password(web1, "alice", "secret"), "exit 9"))
        .isEqualTo(new ExecResult("", "bye\n", 3));
    assertThat(SshClientLibrary.MINA.exec(Login.password(web1, "alice", "secret"), "cat /var/log/x"))
        .isEqualTo(new ExecResult("a log line\n", "", 0));
    assertThat(SshClientLibrary.MINA.exec(Login.password(web1, "alice", "secret"), "a\u001b[31m"))
        .extracting(ExecResult::exitStatus)
        .isEqualTo(127);

    out.awaitLine("web-1 #", "command", "commandLine=\"uptime\"", "exitCode=0");
    out.awaitLine("web-1 #", "commandLine=\"a\\e[31m\"");
    assertThat(out.text()).doesNotContain("\u001b");
    server.close();
    assertThat(Files.readAllLines(journal))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{\"host\":\"web-1\",\"sequence\":")
                    .contains("\"type\":\"command\"", "\"commandLine\":\"uptime\""));
    assertThat(out.lines()).last().isEqualTo("{\"event\":\"stopped\"}");
  }

  @Test
  void logsEachConnectionLoginAndFaultFiredOneLineEach() throws Exception {
    server =
        start(
            "--user", "alice", "--password", "secret",
            "--fault", "drop-connection at=after-auth");

    FakeSshHost host = server.host("host");
    assertThatThrownBy(
        () -> SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "uptime"));

    out.awaitLine("host #", " conn 1 ", "connection-accepted");
    out.awaitLine("host #", " conn 1 ", "auth ", "user=\"alice\"", "accepted=true");
    out.awaitLine("host #", " conn 1 ", "fault ", "AFTER_AUTH", "dropConnection()");
  }

  @Test
  void servesAKeyUserAFolderNeverWrittenBackAndTheHostKeyAndAlgorithmsItsOptionsName()
      throws Exception {
    UserKey deploy = UserKey.generate("deploy");
    Path keys = Files.writeString(dir.resolve("deploy.pub"), deploy.authorizedKeysLine() + "\n");
    Path etc = Files.createDirectories(dir.resolve("files/etc"));
    Files.writeString(etc.resolve("hostname"), "web-1\n");

    server =
        start(
            "--user", "deploy", "--authorized-keys", keys.toString(),
            "--files", dir.resolve("files").toString(),
            "--host-key-type", "rsa", "--algorithms", "openssh");

    FakeSshHost host = server.host("host");
    assertThat(host.hostKeyType()).isEqualTo(HostKeyType.RSA);
    assertThat(host.algorithms()).isEqualTo(AlgorithmSet.OPENSSH);
    assertThat(out.lines().get(0)).contains("\"knownHostsLine\":\"" + host.knownHostsLine() + "\"");
    assertThat(host.knownHostsLine()).contains(" ssh-rsa ");
    SshLogin login =
        SshLogin.key("deploy", deploy.keyPair()).withKnownHostsLine(host.knownHostsLine());
    try (MinaClientAdapter client = MinaClientAdapter.factory().create()) {
      assertThat(client.download(host, login, "/etc/hostname"))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("web-1\n");
      client.upload(host, login, "/etc/hostname", "db-1\n".getBytes(StandardCharsets.UTF_8));
      client.upload(host, login, "/etc/motd", "hello\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(host.files().readString("/etc/hostname")).isEqualTo("db-1\n");
    assertThat(host.files().readString("/etc/motd")).isEqualTo("hello\n");
    assertThat(Files.readString(etc.resolve("hostname"))).as("the local copy").isEqualTo("web-1\n");
    try (Stream<Path> local = Files.list(etc)) {
      assertThat(local).containsExactly(etc.resolve("hostname"));
    }
  }

  @Test
  void takesItsControlRequestsOverHttpOnLoopback() throws Exception {
    server = start("--user", "alice", "--password", "secret", "--command", "uptime");
    FakeSshHost host = server.host("host");
    String control = control();
    assertThat(URI.create(control).getHost()).isEqualTo("127.0.0.1");

    assertThat(send("PUT", control + "/hosts/host/faults", "# comment\nreject-auth\n\n"))
        .startsWith("200 seed ");
    assertThat(host.faults().plan().faults()).containsExactly(Fault.rejectAuth());
    assertThat(send("PUT", control + "/hosts/host/faults", "reject-auth\ndelay 5 at=banner\n"))
        .startsWith("400 line 2: \"delay 5 at=banner\": \"delay\" has no overload");
    assertThat(send("DELETE", control + "/hosts/host/faults", "")).startsWith("200 ");
    assertThat(host.faults().plan().isEmpty()).isTrue();

    assertThat(send("POST", control + "/hosts/host/partition", "")).isEqualTo("200 partition host\n");
    assertThat(send("POST", control + "/hosts/host/heal", "")).isEqualTo("200 heal host\n");
    assertThat(send("POST", control + "/hosts/host/drop-sessions", ""))
        .isEqualTo("200 drop-sessions host\n");
    host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));
    assertThat(send("POST", control + "/hosts/host/reset", "")).isEqualTo("200 reset host\n");
    assertThat(host.faults().plan().isEmpty()).isTrue();

    SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "uptime");
    assertThat(send("GET", control + "/hosts/host/journal", ""))
        .startsWith("200 {\"type\":\"journal\"")
        .contains("\"commandLine\":\"uptime\"");
    assertThat(send("GET", control + "/hosts", "")).startsWith("200 {\"event\":\"host\"");

    assertThat(send("GET", control + "/hosts/host/partition", ""))
        .isEqualTo("405 GET /hosts/host/partition is not allowed; use POST\n");
    assertThat(send("POST", control + "/hosts/db/partition", ""))
        .isEqualTo("404 no host \"db\"; the hosts are host\n");
    assertThat(send("GET", control + "/status", ""))
        .startsWith("404 no such control path /status; the paths are:\nGET    /hosts\n");

    assertThat(send("POST", control + "/stop", "")).isEqualTo("200 stopping\n");
    assertThat(server.awaitStop(Duration.ofSeconds(5))).isTrue();
    out.awaitLine("control: stop");
  }

  @Test
  void givesEveryHostTheTimingAsked() throws Exception {
    server = start("--hosts", "2", "--accept-any-credentials", "--timing", "openssh", "--quiet");

    assertThat(server.hosts())
        .extracting(FakeSshHost::timing)
        .containsExactly(Timing.OPENSSH, Timing.OPENSSH);
  }

  @Test
  void leavesNoThreadBehindWhenClosed() throws Exception {
    Set<String> before = threadNames();
    server = start("--hosts", "3", "--accept-any-credentials");
    SshClientLibrary.MINA.exec(Login.password(server.host("host-2"), "any", "thing"), "uptime");
    send("POST", control() + "/hosts/host-1/partition", "");

    server.close();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(threadNames())
                    .filteredOn(name -> !before.contains(name))
                    // The threads hosts share belong to the JVM (an idle command thread ends after
                    // a while), the server's own ones must end with it.
                    .filteredOn(name -> !SharedThreads.isShared(name))
                    .filteredOn(
                        name ->
                            name.startsWith("sshfaults-")
                                || name.startsWith("HTTP-Dispatcher")
                                || name.startsWith("sshd-"))
                    .isEmpty());
  }

  @Test
  void startsTheHostsOfAPlanFile() throws Exception {
    Path plan =
        Files.writeString(
            dir.resolve("fleet.yaml"),
            """
            hosts:
              web: {seed: 42, faults: ['delay 200ms at=banner']}
              db: {}
            """);

    server = start("--plan", plan.toString(), "--quiet");

    assertThat(server.hosts()).extracting(FakeSshHost::displayName).containsExactly("web", "db");
    assertThat(server.host("web").seed()).isEqualTo(42);
    assertThat(out.lines().get(0)).contains("\"name\":\"web\"", "\"seed\":42");
  }

  @Test
  void listensOnTheAddressAndPortItsOptionsNameAndSaysSoWhenThePortIsTaken() throws Exception {
    int port;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = taken.getLocalPort();
      err.clear();
      assertThatThrownBy(
              () ->
                  ServerMain.start(
                      new String[] {"--port", String.valueOf(port)}, out.stream, err.stream))
          .isInstanceOfSatisfying(
              ServerMain.Exit.class, exit -> assertThat(exit.code()).isNotZero());
      assertThat(err.text()).contains(String.valueOf(port)).contains("in use");
    }
    server = start("--bind", "127.0.0.1", "--port", String.valueOf(port));

    assertThat(server.host("host").port()).isEqualTo(port);
    assertThat(out.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{\"event\":\"host\"")
                    .contains("\"host\":\"127.0.0.1\",\"port\":" + port + ","));
  }

  @Test
  void rejectsBadOptionsNamingTheOptionAndWhatIsAllowed() throws Exception {
    assertUsage(
        "sshfaults-server: --password belongs to a user: write --user NAME before it",
        "--password",
        "x");
    assertUsage(
        "sshfaults-server: Invalid value for option '--fault' (FAULT): unknown fault \"drop\" in \"drop\":"
            + " expected a Fault factory",
        "--fault",
        "drop");
    assertUsage(
        "sshfaults-server: Invalid value for option '--algorithms': expected one of fast, openssh,"
            + " legacy, but was \"fastest\"",
        "--algorithms",
        "fastest");
    assertUsage(
        "sshfaults-server: Invalid value for option '--timing': expected one of fast, openssh, but"
            + " was \"pam\"",
        "--timing",
        "pam");
    assertUsage(
        "sshfaults-server: Unknown options: '--faults', 'hang'\nDid you mean --fault?",
        "--faults",
        "hang");
    assertUsage(
        "sshfaults-server: --hosts must be between 1 and 1000, but was 0", "--hosts", "0");
    assertUsage(
        "sshfaults-server: --user bob has neither --password nor --authorized-keys after it",
        "--user",
        "bob");
    assertUsage(
        "sshfaults-server: --files-quota: files quota must be between 4096 bytes (one block of 4"
            + " KiB) and 1099511627776 bytes (1 TiB), but was 0",
        "--files-quota",
        "0");
    assertUsage(
        "sshfaults-server: --bind: bind address must be an IPv4 or IPv6 address",
        "--bind",
        "localhost");
    Path plan = Files.writeString(dir.resolve("bad.yaml"), "hosts:\n  web:\n    seeds: 1\n");
    assertUsage(
        "sshfaults-server: --fault cannot be used with --plan",
        "--plan",
        plan.toString(),
        "--fault",
        "hang");
    assertUsage(
        "sshfaults-server: --plan " + plan + ":3: hosts.web.seeds: unknown key \"seeds\"",
        "--plan",
        plan.toString());
  }

  @Test
  void helpListsEveryOptionTheFaultVocabularyAndExamples() throws Exception {
    assertThatThrownBy(() -> ServerMain.start(new String[] {"--help"}, out.stream, err.stream))
        .isInstanceOfSatisfying(
            ServerMain.Exit.class, exit -> assertThat(exit.code()).isZero());

    assertThat(out.text())
        .contains("Usage: sshfaults-server", "--plan=FILE", "--fault=FAULT", "--control-port")
        .contains("Examples:", "java -jar server.jar --plan fleet.yaml")
        .contains("POST   /hosts/NAME/partition")
        .contains("  drop-connection\n", "  at=<stage: Stage>\n", "Stage: connect, banner");
    for (String option : ServerOptions.HOST_OPTIONS) {
      assertThat(out.text()).contains(option);
    }
  }

  private void assertUsage(String message, String... args) {
    err.clear();
    assertThatThrownBy(() -> ServerMain.start(args, out.stream, err.stream))
        .isInstanceOfSatisfying(
            ServerMain.Exit.class, exit -> assertThat(exit.code()).isEqualTo(ServerMain.USAGE));
    assertThat(err.text()).startsWith(message);
  }

  private StandaloneServer start(String... args) throws ServerMain.Exit {
    StandaloneServer started = ServerMain.start(args, out.stream, err.stream);
    out.awaitLine("\"event\":\"ready\"");
    return started;
  }

  private String control() {
    for (String line : out.lines()) {
      Matcher ready = CONTROL.matcher(line);
      if (line.startsWith("{\"event\":\"ready\"") && ready.find()) {
        return ready.group(1);
      }
    }
    throw new AssertionError("no ready line with a control address in " + out.lines());
  }

  private String send(String method, String url, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  /** What the server prints, as it prints it. */
  private static final class Lines {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return text().lines().toList();
    }

    synchronized void clear() {
      bytes.reset();
    }

    /** Waits for a line that contains every one of {@code parts}. */
    void awaitLine(String... parts) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> lines().stream().anyMatch(l -> List.of(parts).stream().allMatch(l::contains)));
    }
  }
}
