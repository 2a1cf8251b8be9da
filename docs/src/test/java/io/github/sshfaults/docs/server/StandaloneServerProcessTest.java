package io.github.sshfaults.docs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server jar as users run it: {@code java -jar}, its exit codes, and how it stops. */
@Tag("standalone-server")
class StandaloneServerProcessTest {

  @TempDir Path dir;

  @Test
  void stopsCleanlyWithinASecondOfSigterm() throws Exception {
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Path journal = dir.resolve("journal.jsonl");
    try (ServerProcess server =
        ServerProcess.start(
            List.of("-Djava.io.tmpdir=" + tmp),
            "--hosts", "2", "--user", "deploy", "--password", "s3cret",
            "--command", "uptime", "--stdout", "up 3 days\n",
            "--journal", journal.toString())) {
      assertThat(server.lines().get(0)).startsWith("{\"event\":\"host\",\"name\":\"host-1\"");
      ServerProcess.Host host = server.host("host-2");
      try (MinaClientAdapter client = MinaClientAdapter.factory().create()) {
        assertThat(
                client.exec(
                    SshTarget.of(host.host(), host.port()),
                    SshLogin.password("deploy", "s3cret").withKnownHostsLine(host.knownHostsLine()),
                    "uptime"))
            .isEqualTo(new CommandOutput("up 3 days\n", "", 0));
      }
      server.awaitLine(line -> line.startsWith("host-2 #") && line.contains(" command "),
          Duration.ofSeconds(10));

      long start = System.nanoTime();
      // SIGTERM, as kill and CI runners send (Process.destroy would also close our end of its pipes)
      server.process().toHandle().destroy();
      boolean ended = server.process().waitFor(1, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(ended).as("ended within a second of SIGTERM (took %s)", took).isTrue();
      assertThat(server.process().exitValue()).isEqualTo(128 + 15);
      server.awaitLine("{\"event\":\"stopped\"}"::equals, Duration.ofSeconds(5));
      assertThat(server.process().toHandle().descendants()).isEmpty();
    }
    assertThat(Files.readAllLines(journal))
        .anySatisfy(line -> assertThat(line).startsWith("{\"host\":\"host-2\"")
            .contains("\"type\":\"command\"", "\"commandLine\":\"uptime\""));
    try (var left = Files.list(tmp)) {
      assertThat(left).as("temporary files left behind").isEmpty();
    }
  }

  @Test
  void stopsWithExitCodeZeroWhenTheControlInterfaceSaysSo() throws Exception {
    try (ServerProcess server = ServerProcess.start("--accept-any-credentials")) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.control() + "/stop"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).isEqualTo("stopping\n");
      assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process().exitValue()).isZero();
    }
  }

  @Test
  void exitsWithTwoNamingABadOptionAndWhatIsAllowed() throws Exception {
    try (ServerProcess server = ServerProcess.launch(List.of(), "--host-key-type", "dsa")) {
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(server.process().exitValue()).isEqualTo(2);
      assertThat(String.join("\n", server.errorLines()))
          .startsWith(
              "sshfaults-server: Invalid value for option '--host-key-type': expected one of"
                  + " ecdsa-p256, rsa, ed25519, but was \"dsa\"");
    }
  }

  @Test
  void printsItsHelpAndExitsWithZero() throws Exception {
    try (ServerProcess server = ServerProcess.launch(List.of(), "--help")) {
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      server.awaitLine(line -> line.contains("long: a whole number"), Duration.ofSeconds(5));

      assertThat(server.process().exitValue()).isZero();
      assertThat(String.join("\n", server.lines()))
          .contains("Usage: sshfaults-server", "Examples:", "--plan=FILE", "reject-auth");
    }
  }
}
