package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThatThrownBy;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.atLeast;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.atMost;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.tuple;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.AlgorithmsNegotiated;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import io.github.sshfaults.sshd.journal.ClientIdentified;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import io.github.sshfaults.sshd.journal.ConnectionClosed;
import io.github.sshfaults.sshd.journal.Initiator;
import io.github.sshfaults.sshd.journal.JournalEvent;
import java.io.BufferedWriter;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal page: what a fake host records, queries, verification, waits, export. */
@SshFaultsTest
class JournalGuideTest {

  @Test
  void recordsEachStepOfEveryConnection(@FakeHost(users = "deploy:s3cret") FakeSshHost host)
      throws Exception {
    host.command("uptime").replies("up 3 days\n");
    // tag::recorded[]
    assertThatThrownBy(() -> exec(host, "deploy", "wrong", "uptime"));   // connection 1
    exec(host, "deploy", "s3cret", "uptime");                            // connection 2
    host.journal().awaitClosedConnections(2);

    assertThat(host.journal().eventsOf(2))
        .extracting(JournalEvent::type)
        .containsExactly(
            "connection-accepted",
            "client-identified",
            "algorithms-negotiated",
            "auth",
            "channel-opened",
            "command",
            "connection-closed");   // MINA's client closes without a disconnect message
    // end::recorded[]
  }

  @Test
  void showsWhatClientsSentEscaped(@FakeHost FakeSshHost host) throws Exception {
    // tag::escaped[]
    try (Socket client = new Socket(host.host(), host.port())) {       // a client you do not control
      client.getOutputStream().write("SSH-2.0-\u001b[2J\u0007ALL TESTS PASSED\r\n".getBytes(UTF_8));
    }
    host.journal().awaitClosedConnections(1);
    ClientIdentified hello = host.journal().events(ClientIdentified.class).get(0);

    assertThat(hello.identification())                                 // the value: what was sent
        .isEqualTo("SSH-2.0-\u001b[2J\u0007ALL TESTS PASSED");
    assertThat(hello.toString())                                       // the text: escaped
        .endsWith("identification=\"SSH-2.0-\\e[2J\\x07ALL TESTS PASSED\"");
    assertThat(host.journal().toJsonLines())                           // JSON: \\u escapes
        .contains("\"identification\":\"SSH-2.0-\\u001b[2J\\u0007ALL TESTS PASSED\"");
    // end::escaped[]
  }

  @Test
  void saysWhichSideEndedAConnection(@FakeHost FakeSshHost host) throws Exception {
    // tag::host-rejected[]
    try (Socket client = new Socket(host.host(), host.port())) {
      client.getOutputStream().write("HELLO\r\n".getBytes(UTF_8));     // not SSH at all
      client.getInputStream().readAllBytes();                          // the host answers, hangs up
    }

    ConnectionClosed closed = host.journal().awaitClosedConnections(1).get(0);
    assertThat(closed.by()).isEqualTo(Initiator.SERVER);
    assertThat(closed.detail())
        .isEqualTo("host rejected the client's identification: Unsupported protocol version: HELLO");
    // end::host-rejected[]
  }

  @Test
  void answersQueries(@FakeHost(users = "deploy:s3cret") FakeSshHost host) throws Exception {
    host.command("uptime").replies("up 3 days\n");
    host.command("df -h").exitWith(1, "df: /proc: Permission denied\n");
    assertThatThrownBy(() -> exec(host, "deploy", "wrong", "uptime"));
    exec(host, "deploy", "s3cret", "uptime");
    exec(host, "deploy", "s3cret", "df -h");
    host.journal().awaitClosedConnections(3);
    // tag::queries[]
    List<ConnectionAccepted> connections = host.journal().connections();
    assertThat(connections).hasSize(3);
    assertThat(connections.get(0).peer().getAddress().isLoopbackAddress()).isTrue();

    assertThat(host.journal().authAttempts("deploy"))
        .extracting(AuthAttempt::accepted, AuthAttempt::reason)
        .contains(tuple(false, "wrong password"), tuple(true, "password matches"));

    CommandRun df = host.journal().commands("df -h").get(0);
    assertThat(df.exitCode()).isEqualTo(OptionalInt.of(1));
    assertThat(df.stderrBytes()).isEqualTo("df: /proc: Permission denied\n".length());
    assertThat(df.user()).isEqualTo("deploy");
    assertThat(df.connection()).isEqualTo(3);                    // the third connection accepted

    assertThat(host.journal().events(ClientIdentified.class))
        .extracting(ClientIdentified::identification)
        .allMatch(id -> id.startsWith("SSH-2.0-APACHE-SSHD-"));
    assertThat(host.journal().events(AlgorithmsNegotiated.class).get(0).kex())
        .isEqualTo("curve25519-sha256");
    assertThat(host.journal().closedConnections())
        .extracting(ConnectionClosed::by)
        .containsOnly(Initiator.CLIENT);
    assertThat(host.journal().count(CommandRun.class)).isEqualTo(2);
    assertThat(host.journal().tail(1).get(0)).isInstanceOf(ConnectionClosed.class);
    // end::queries[]
  }

  @Test
  void verifiesWhatTheHostSaw(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web, FakeSshHost idle) throws Exception {
    web.commandMatching(".*").replies("");
    exec(web, "deploy", "s3cret", "systemctl restart nginx");
    exec(web, "deploy", "s3cret", "systemctl restart nginx");
    exec(web, "deploy", "s3cret", "systemctl status nginx");
    // tag::verify[]
    verify(web, times(2)).ranCommand("systemctl restart nginx");
    verify(web, atLeast(3)).ranCommandMatching("systemctl \\w+ nginx");
    verify(web, atLeast(3)).ranCommandGlob("systemctl * nginx");
    verify(web, never()).ranCommand("reboot");
    verify(web).authenticated("deploy");                 // at least once
    verify(web, never()).rejectedLogin("deploy");
    verify(web, atMost(3)).connected();
    verify(idle, never()).connected();

    CommandRun status = verify(web, once()).ranCommand("systemctl status nginx").get(0);
    assertThat(status.exitCode()).hasValue(0);
    // end::verify[]
  }

  @Test
  void showsTheNearMissesWhenAVerificationFails(@FakeHost(users = "deploy:s3cret") FakeSshHost web)
      throws Exception {
    web.commandMatching(".*").replies("");
    exec(web, "deploy", "s3cret", "systemctl restart ngnix");
    exec(web, "deploy", "s3cret", "uptime");
    // tag::near-miss[]
    assertThatThrownBy(() -> verify(web, once()).ranCommand("systemctl restart nginx"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected command \"systemctl restart nginx\" exactly 1 time in the journal of "
                + web + ", but found 0.\nNear misses, closest first:\n")
        .hasMessageContaining("commandLine=\"systemctl restart ngnix\" exitCode=0");
    // end::near-miss[]
  }

  @Test
  void awaitsWhatHappensInTheBackground(@FakeHost(users = "deploy:s3cret") FakeSshHost host)
      throws Exception {
    host.command("uptime").replies("up 3 days\n");
    exec(host, "deploy", "s3cret", "uptime");
    exec(host, "deploy", "s3cret", "uptime");
    // tag::await[]
    assertThat(host.journal().awaitConnections(2)).hasSize(2);                // at most 10 s
    assertThat(host.journal().awaitClosedConnections(2, Duration.ofSeconds(5))).hasSize(2);
    assertThat(host.journal().awaitCommands(2)).extracting(CommandRun::commandLine)
        .containsOnly("uptime");
    assertThat(host.journal().await(AuthAttempt.class, 2, Duration.ofSeconds(5))).hasSize(2);

    assertThatThrownBy(() -> host.journal().awaitCommands(3, Duration.ofMillis(200)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessageStartingWith("Waited 200 ms for at least 3 CommandRun events on " + host
            + "; last value: 2; journal of " + host);
    // end::await[]
  }

  @Test
  void keepsCountsBeyondItsCapacity() throws Exception {
    // tag::capacity[]
    try (FakeSshHost host = FakeSshHost.builder().journalCapacity(5).start()) {
      host.user("deploy", "s3cret").command("true").replies("");
      exec(host, "deploy", "s3cret", "true");
      exec(host, "deploy", "s3cret", "true");
      host.journal().awaitClosedConnections(2);

      assertThat(host.journal().events()).hasSize(5);                 // the newest five
      assertThat(host.journal().dropped()).isEqualTo(9);
      assertThat(host.journal().count(CommandRun.class)).isEqualTo(2);  // counts keep counting
      assertThatThrownBy(() -> verify(host, times(2)).ranCommand("true"))
          .hasMessageContaining(
              "so it cannot tell; raise FakeSshHost.builder().journalCapacity(...)");
    }
    // end::capacity[]
  }

  @Test
  void exportsJsonLinesForABugReport(
      @FakeHost(users = "deploy:s3cret") FakeSshHost host, @TempDir Path dir) throws Exception {
    host.command("uptime").replies("up 3 days\n");
    exec(host, "deploy", "s3cret", "uptime");
    host.journal().awaitClosedConnections(1);
    // tag::json-lines[]
    Path report = dir.resolve("web-1.journal.jsonl");
    Files.writeString(report, host.journal().toJsonLines());

    List<String> lines = Files.readAllLines(report);
    assertThat(lines.get(0)).startsWith("{\"type\":\"journal\",\"host\":\"" + host + "\"");
    assertThat(lines).hasSize(1 + host.journal().events().size());   // a header, then each event
    assertThat(lines.get(1)).startsWith("{\"sequence\":1,\"time\":\"");

    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("streamed.jsonl"))) {
      host.journal().writeJsonLines(out);                             // the same, to any Writer
    }
    // end::json-lines[]
  }

  @Test
  void describesItsLastEvents(@FakeHost(users = "deploy:s3cret") FakeSshHost host)
      throws Exception {
    host.command("uptime").replies("up 3 days\n");
    exec(host, "deploy", "s3cret", "uptime");
    host.journal().awaitClosedConnections(1);
    // tag::describe-tail[]
    assertThat(host.journal().describeTail(3))
        .startsWith("journal of " + host + ": 7 events (1 connections, 1 closed, 1 auth attempts,"
            + " 1 commands, 0 faults fired), last 3:\n  #5 ");
    // end::describe-tail[]
  }

  @Test
  void startsAgainWhenCleared(@FakeHost(users = "deploy:s3cret") FakeSshHost host)
      throws Exception {
    host.command("uptime").replies("up 3 days\n");
    exec(host, "deploy", "s3cret", "uptime");
    host.journal().awaitClosedConnections(1);
    // tag::clear[]
    host.journal().clear();        // host.reset() does it too, and forgets users and stubs
    exec(host, "deploy", "s3cret", "uptime");
    host.journal().awaitClosedConnections(1);

    assertThat(host.journal().events().get(0).sequence()).isEqualTo(1);
    assertThat(host.journal().connections().get(0).connection()).isEqualTo(2);   // the host's count
    // end::clear[]
  }
}
