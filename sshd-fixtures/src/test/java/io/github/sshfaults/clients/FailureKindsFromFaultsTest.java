package io.github.sshfaults.clients;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static io.github.sshfaults.clients.ClientAdapters.MINA;

import com.jcraft.jsch.JSchException;
import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@link FailureKind} a fake host can cause, produced by a real fault of the fault engine,
 * with each client library through its adapter, and classified by the runner from what the library
 * really threw: one row per fault, one run per client.
 *
 * <p>Where a client genuinely reports a fault as another kind, the row says so and why ({@link
 * Row#except}). {@link FailureKindsPerClientTest} covers what no fault produces (a connect that
 * never completes, a name that does not resolve, requests the task makes itself, a bug in the
 * task).
 */
class FailureKindsFromFaultsTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");

  /** For faults that end only at the client's timeout: short, so that the class runs fast. */
  private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

  /**
   * For every other fault: far above what these need on loopback (under 200 ms), even on a loaded
   * 2-core machine, so that only a hang trips it. JSch notices a connection dropped while it waits
   * for a channel only at this timeout (it waits for the confirmation without watching the
   * session): four JSch rows take this long, so it is not longer either.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(4);

  private static final String COMMAND = "cat app.log";

  /** More than the 100 bytes after which the output faults cut. */
  private static final String LOG = "x".repeat(99) + "\n" + "y".repeat(400) + "\n";

  private final ConcurrentSsh runner =
      ConcurrentSsh.create().withThreads(1).withRunDeadline(Duration.ofSeconds(30));
  private FakeSshHost host;

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
  }

  static Stream<Arguments> faultsAndClients() {
    List<Arguments> cases = new ArrayList<>();
    for (Row row : rows()) {
      for (ClientAdapters client : ClientAdapters.values()) {
        cases.add(Arguments.of(row, client));
      }
    }
    return cases.stream();
  }

  static List<Row> rows() {
    return List.of(
        // AUTH: the server's verdict on the login.
        row(FailureKind.AUTH, "rejectAuth()", Fault.rejectAuth()),
        row(
            FailureKind.AUTH,
            "requireAuthMethods(key, password), password only",
            Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD)),
        // sshj tries keyboard-interactive on the closed connection ("Socket closed", or it waits
        // out its timeout): its adapter reports what the connection died of, the server's text.
        row(
                FailureKind.AUTH,
                "tooManyAuthFailures(1), wrong password",
                Fault.tooManyAuthFailures(1))
            .login(h -> SshLogin.password("alice", "wrong")),
        // CONNECT_REFUSED: nothing listening.
        row(FailureKind.CONNECT_REFUSED, "refuse()", Fault.refuse()),
        // HOST_KEY: another key than the trusted known_hosts line.
        row(
                FailureKind.HOST_KEY,
                "swapHostKey(), client trusts the host's line",
                Fault.swapHostKey())
            .login(h -> ALICE.withKnownHostsLine(h.knownHostsLine())),
        // DISCONNECTED: FIN, RST or DISCONNECT by application, at every stage.
        row(FailureKind.DISCONNECTED, "dropConnection() before the banner", Fault.dropConnection()),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() before the banner",
            Fault.resetConnection()),
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() at KEX",
            Fault.dropConnection().at(Stage.KEX)),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() at KEX",
            Fault.resetConnection().at(Stage.KEX)),
        // JSch ends a login whose connection broke with "Auth fail"; its adapter chains the
        // IOException ("End of IO Stream Read") JSch only logs, and a login given up because the
        // connection ended is DISCONNECTED.
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() at AUTH",
            Fault.dropConnection().at(Stage.AUTH)),
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() after auth",
            Fault.dropConnection().at(Stage.AFTER_AUTH)),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() after auth",
            Fault.resetConnection().at(Stage.AFTER_AUTH)),
        row(
            FailureKind.DISCONNECTED,
            "disconnect(11) after auth",
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance")),
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() at CHANNEL_OPEN",
            Fault.dropConnection().at(Stage.CHANNEL_OPEN)),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() at CHANNEL_OPEN",
            Fault.resetConnection().at(Stage.CHANNEL_OPEN)),
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() at EXEC",
            Fault.dropConnection().at(Stage.EXEC)),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() at EXEC",
            Fault.resetConnection().at(Stage.EXEC)),
        row(
            FailureKind.DISCONNECTED,
            "disconnect(11) at EXEC",
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "killed").at(Stage.EXEC)),
        // MINA and JSch throw nothing: the output just ends without an exit status.
        row(
            FailureKind.DISCONNECTED,
            "dropConnection() at OUTPUT after 100 bytes",
            Fault.dropConnection().at(Stage.OUTPUT).afterBytes(100)),
        row(
            FailureKind.DISCONNECTED,
            "resetConnection() at OUTPUT after 100 bytes",
            Fault.resetConnection().at(Stage.OUTPUT).afterBytes(100)),
        // Text lines before the banner are allowed (RFC 4253 4.2): the close is all clients see.
        row(
            FailureKind.DISCONNECTED,
            "garbageBanner(HTTP error)",
            Fault.garbageBanner("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")),
        // MINA parses the bytes it got ("Incorrect identification") or meets the close first.
        row(FailureKind.DISCONNECTED, "garbageBanner() (random bytes)", Fault.garbageBanner())
            .except(MINA, FailureKind.PROTOCOL, FailureKind.DISCONNECTED),
        // TIMEOUT: the host never answers; each client gives up at its timeout.
        hang("hang() before the banner", Fault.hang()),
        hang("hang() at KEX", Fault.hang().at(Stage.KEX)),
        hang("hang() at AUTH", Fault.hang().at(Stage.AUTH)),
        hang("hang() at CHANNEL_OPEN", Fault.hang().at(Stage.CHANNEL_OPEN)),
        hang("hang() at EXEC", Fault.hang().at(Stage.EXEC)),
        hang("hang() at OUTPUT after 100 bytes", Fault.hang().at(Stage.OUTPUT).afterBytes(100)),
        // PROTOCOL: the host does not speak the SSH the client does.
        row(
            FailureKind.PROTOCOL,
            "garbageBanner(SSH-1.5)",
            Fault.garbageBanner("SSH-1.5-OldServer\r\n")),
        row(
            FailureKind.PROTOCOL,
            "noCommonAlgorithm(KEY_EXCHANGE)",
            Fault.noCommonAlgorithm(AlgorithmKind.KEY_EXCHANGE)),
        row(
            FailureKind.PROTOCOL,
            "noCommonAlgorithm(CIPHER)",
            Fault.noCommonAlgorithm(AlgorithmKind.CIPHER)),
        row(
            FailureKind.PROTOCOL,
            "noCommonAlgorithm(HOST_KEY)",
            Fault.noCommonAlgorithm(AlgorithmKind.HOST_KEY)),
        row(
            FailureKind.PROTOCOL,
            "disconnect(2) at KEX",
            Fault.disconnect(DisconnectReason.PROTOCOL_ERROR, "bad packet").at(Stage.KEX)),
        row(
            FailureKind.PROTOCOL,
            "disconnect(3) at KEX",
            Fault.disconnect(DisconnectReason.KEY_EXCHANGE_FAILED, "no kex").at(Stage.KEX)),
        // CHANNEL: the host refuses the session channel (JSch: "channel is not opened.").
        row(
            FailureKind.CHANNEL,
            "rejectChannelOpen(4)",
            Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE)),
        row(
            FailureKind.CHANNEL,
            "rejectChannelOpen(1)",
            Fault.rejectChannelOpen(ChannelOpenFailure.ADMINISTRATIVELY_PROHIBITED)),
        // COMMAND_FAILED: the command ran and exited non-zero.
        row(FailureKind.COMMAND_FAILED, "exitWith(1)", Fault.exitWith(1, "cat: app.log: EIO\n")));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("faultsAndClients")
  void classifiesWhatTheClientReportsForARealFault(Row row, ClientAdapters client) {
    // A fixed seed: the random garbage banner is the same bytes on every run.
    host = FakeSshHost.builder().seed(20261202L).start().user("alice", "secret");
    host.command(COMMAND).replies(LOG);
    host.faults().add(row.fault());
    SshLogin login = row.login().apply(host);

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(host), client.factory(row.timeout()), (ssh, h) -> ssh.exec(h, login, COMMAND));

    assertThat(report.outcomes()).hasSize(1);
    Outcome<FakeSshHost, CommandOutput> outcome = report.outcomes().get(0);
    assertThat(row.expectedFor(client))
        .as("the kind of %s with %s, which reported %s", row, client, causes(outcome))
        .contains(outcome.kind().orElse(null));
    assertThat(report).noneHung().leftNoThreads();
    if (!row.name().equals("refuse()")) {
      SshAwait.await()
          .until("the fault fired on the host", () -> !host.journal().faultsFired().isEmpty());
    }
  }

  @Test
  void sshjAdapterReportsTheServersTooManyAuthFailuresNotWhatItsNextMethodMet() {
    startHost(Fault.tooManyAuthFailures(1));

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(host),
            SshjClientAdapter.factory(TIMEOUT),
            (sshj, h) -> sshj.exec(h, SshLogin.password("alice", "wrong"), COMMAND));

    assertThat(report).failedOn(host, FailureKind.AUTH);
    assertThat(report.outcomes().get(0).failure().orElseThrow())
        .isInstanceOfSatisfying(
            TransportException.class,
            e ->
                assertThat(e.getDisconnectReason())
                    .isEqualTo(net.schmizz.sshj.common.DisconnectReason.PROTOCOL_ERROR))
        .hasMessage("Too many authentication failures")
        .as("sshj's own exception, kept as the cause")
        .hasCauseInstanceOf(SSHException.class);
  }

  @Test
  void jschAdapterChainsTheReadTimeoutThatJschOnlyLogsUnderAuthFail() {
    startHost(Fault.hang().at(Stage.AUTH));

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(host),
            JschClientAdapter.factory(HANG_TIMEOUT),
            (jsch, h) -> jsch.exec(h, ALICE, COMMAND));

    assertThat(report).failedOn(host, FailureKind.TIMEOUT);
    assertThat(report.outcomes().get(0).failure().orElseThrow())
        .isExactlyInstanceOf(JSchException.class)
        .hasMessageStartingWith("Auth fail for methods")
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void jschAdapterChainsTheEndOfStreamThatJschOnlyLogsUnderAuthFail() {
    startHost(Fault.dropConnection().at(Stage.AUTH));

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(host),
            JschClientAdapter.factory(TIMEOUT),
            (jsch, h) -> jsch.exec(h, ALICE, COMMAND));

    assertThat(report).failedOn(host, FailureKind.DISCONNECTED);
    assertThat(report.outcomes().get(0).failure().orElseThrow())
        .isExactlyInstanceOf(JSchException.class)
        .hasMessageStartingWith("Auth fail for methods")
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessage("End of IO Stream Read");
  }

  @Test
  void jschAdapterTellsAChannelOpenNeverAnsweredFromARefusedOne() {
    startHost(Fault.hang().at(Stage.CHANNEL_OPEN).onConnection(1));
    host.faults()
        .add(Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE).onConnection(2));

    RunReport<String, CommandOutput> report =
        runner.run(
            List.of("unanswered", "refused"),
            JschClientAdapter.factory(HANG_TIMEOUT),
            (jsch, name) -> jsch.exec(host, ALICE, COMMAND));

    assertThat(report)
        .failedOn("unanswered", FailureKind.TIMEOUT)
        .failedOn("refused", FailureKind.CHANNEL);
    assertThat(report.outcomesOn("unanswered").get(0).failure().orElseThrow())
        .isInstanceOf(TimeoutException.class)
        .hasMessageStartingWith("JSch: no answer within 1000 ms to the request to open a channel")
        .cause()
        // What JSch threw when the adapter closed the session at its timeout.
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("session is down");
    assertThat(report.outcomesOn("refused").get(0).failure().orElseThrow())
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("channel is not opened.");
  }

  private void startHost(Fault fault) {
    host = FakeSshHost.start().user("alice", "secret");
    host.command(COMMAND).replies(LOG);
    host.faults().add(fault);
  }

  /** What the task threw, with its causes, for failure messages. */
  private static String causes(Outcome<?, ?> outcome) {
    StringBuilder chain = new StringBuilder();
    Throwable failure = outcome.failure().orElse(null);
    for (int i = 0; failure != null && i < 10; i++, failure = failure.getCause()) {
      chain.append(i == 0 ? "" : " <- ").append(failure);
    }
    return chain.length() == 0 ? "success" : chain.toString();
  }

  private static Row row(FailureKind kind, String name, Fault fault) {
    return new Row(name, fault, kind, Map.of(), TIMEOUT, h -> ALICE);
  }

  private static Row hang(String name, Fault fault) {
    return new Row(name, fault, FailureKind.TIMEOUT, Map.of(), HANG_TIMEOUT, h -> ALICE);
  }

  /**
   * One fault and the kind every client reports for it, except where {@link #exceptions} says
   * otherwise.
   */
  record Row(
      String name,
      Fault fault,
      FailureKind kind,
      Map<ClientAdapters, Set<FailureKind>> exceptions,
      Duration timeout,
      Function<FakeSshHost, SshLogin> login) {

    Row login(Function<FakeSshHost, SshLogin> login) {
      return new Row(name, fault, kind, exceptions, timeout, login);
    }

    /** This row, where {@code client} reports one of {@code kinds} instead. */
    Row except(ClientAdapters client, FailureKind first, FailureKind... more) {
      Map<ClientAdapters, Set<FailureKind>> changed = new EnumMap<>(ClientAdapters.class);
      changed.putAll(exceptions);
      changed.put(client, EnumSet.of(first, more));
      return new Row(name, fault, kind, changed, timeout, login);
    }

    Set<FailureKind> expectedFor(ClientAdapters client) {
      return exceptions.getOrDefault(client, EnumSet.of(kind));
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
