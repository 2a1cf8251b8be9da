package io.github.sshfaults.concurrent;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.internal.RootCauseFirst;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcomes, report tables and assertion messages show a failure's root cause first, then what wraps
 * it, so that a table cut to its width still says why: real refusals from real clients.
 */
class RootCauseFirstTest {

  private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
  private static final SshLogin DEPLOY = SshLogin.password("deploy", "s3cret");

  /** Holds a loopback port without listening on it: connecting to it is refused, every time. */
  private SocketChannel reserved;

  private SshTarget down;

  @BeforeEach
  void reservePort() throws IOException {
    reserved = SocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    down = SshTarget.of("web-2", "127.0.0.1", reserved.socket().getLocalPort());
  }

  @AfterEach
  void releasePort() throws IOException {
    reserved.close();
  }

  private RunReport<SshTarget, CommandOutput> refusedBy(
      ClientFactory<? extends SshClientAdapter> c) {
    return ConcurrentSsh.create()
        .withName("fleet")
        .run(List.of(down), c, (client, target) -> client.exec(target, DEPLOY, "uptime"));
  }

  @Test
  void putsTheRefusalBeforeJschsWrapperAndLeavesOutItsRepeatedMessage() {
    RunReport<SshTarget, CommandOutput> report = refusedBy(JschClientAdapter.factory());
    Outcome<SshTarget, CommandOutput> outcome = report.outcomes().get(0);

    assertThat(outcome.failure().orElseThrow())
        .hasMessage("java.net.ConnectException: Connection refused")
        .hasCauseInstanceOf(ConnectException.class);
    assertThat(outcome.message())
        .isEqualTo("ConnectException: Connection refused (in JSchException)");
    assertThat(outcome.kind()).contains(FailureKind.CONNECT_REFUSED); // classification untouched
    assertThat(report.table())
        .contains("| CONNECT_REFUSED | ConnectException: Connection refused (in JSchException) |");
  }

  @Test
  void leavesOutAWrapperOfTheSameClassThatAddsNothing() {
    // MINA SSHD's verify() rethrows its SshException in another, to add the caller's stack.
    IOException rethrown =
        new IOException(
            "No more authentication methods available",
            new IOException("No more authentication methods available"));
    IllegalStateException other =
        new IllegalStateException("login failed", new IOException("Connection reset"));

    assertThat(RootCauseFirst.describe(rethrown))
        .isEqualTo("IOException: No more authentication methods available");
    assertThat(RootCauseFirst.describe(other))
        .isEqualTo("IOException: Connection reset (in IllegalStateException: login failed)");
  }

  @Test
  void showsABareRootCauseAsItIs() {
    Outcome<SshTarget, CommandOutput> outcome =
        refusedBy(SshjClientAdapter.factory()).outcomes().get(0);

    assertThat(outcome.failure().orElseThrow()).isInstanceOf(ConnectException.class);
    assertThat(outcome.message()).isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void cutsTheWrappersFirstToFitTheTable() {
    Throwable refused = refusedBy(SshjClientAdapter.factory()).outcomes().get(0).failure().get();
    IOException mina =
        new IOException(
            "DefaultConnectFuture[deploy@/127.0.0.1:38845]: Failed (ConnectException) to execute:"
                + " Connection refused",
            refused);
    UncheckedIOException outer = new UncheckedIOException("deploy to web-2 failed", mina);
    Outcome<SshTarget, String> outcome =
        Outcome.failed(
            0,
            down,
            1,
            Outcome.Status.FAILED,
            outer,
            FailureKind.CONNECT_REFUSED,
            "fleet-worker-1",
            START,
            Duration.ofMillis(3));

    assertThat(outcome.message())
        .isEqualTo(
            "ConnectException: Connection refused (in IOException: DefaultConnectFuture[deploy@"
                + "/127.0.0.1:38845]: Failed (ConnectException) to execute: Connection refused,"
                + " in UncheckedIOException: deploy to web-2 failed)");
    String cell = tableCell(outcome);
    assertThat(cell)
        .hasSize(72)
        .isEqualTo("ConnectException: Connection refused (in IOException: DefaultConnect...)");
    assertThat(outcome.toString())
        .startsWith("web-2 FAILED CONNECT_REFUSED in 3 ms on fleet-worker-1: ConnectException:");
  }

  @Test
  void keepsALongRootCauseWholeAsFarAsTheWidthGoes() {
    Outcome<SshTarget, String> outcome =
        Outcome.failed(
            0,
            down,
            1,
            Outcome.Status.FAILED,
            new IOException("wrapped", new ConnectException("x".repeat(100))),
            FailureKind.CONNECT_REFUSED,
            "fleet-worker-1",
            START,
            Duration.ZERO);

    assertThat(tableCell(outcome)).hasSize(72).startsWith("ConnectException: xxx").endsWith("...");
  }

  @Test
  void survivesACauseThatPointsBack() {
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);
    Outcome<SshTarget, String> outcome =
        Outcome.failed(
            0,
            down,
            1,
            Outcome.Status.FAILED,
            first,
            FailureKind.UNEXPECTED,
            "fleet-worker-1",
            START,
            Duration.ZERO);

    assertThat(outcome.message())
        .isEqualTo("IllegalStateException: second (in IOException: first)");
  }

  @Test
  void assertionMessagesListOutcomesRootCauseFirst() {
    RunReport<SshTarget, CommandOutput> report = refusedBy(JschClientAdapter.factory());

    assertThatThrownBy(() -> assertThat(report).allSucceeded())
        .hasMessageContaining("web-2 FAILED CONNECT_REFUSED in ")
        .hasMessageContaining(": ConnectException: Connection refused (in JSchException)");
    assertThatThrownBy(() -> assertThat(report.outcomes().get(0)).succeeded())
        .hasMessageContaining(": ConnectException: Connection refused (in JSchException)");
  }

  /** The message cell of the outcome's row in a report's table, padding stripped. */
  private static String tableCell(Outcome<SshTarget, String> outcome) {
    RunReport<SshTarget, String> report =
        new RunReport<>("fleet", START, Duration.ZERO, List.of(List.of(outcome)), false, List.of());
    String row = report.table().lines().toList().get(1);
    return row.split(" \\| ")[3].strip();
  }
}
