package io.github.sshfaults.clients;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.concurrent.SshClientTask;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import java.net.ConnectException;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each {@link FailureKind}, produced for real against a fake host (or a raw loopback socket where
 * no fake host can produce it yet), with each client library, and classified by the runner from
 * what the library really threw. {@link FailureKindsFromFaultsTest} produces each kind with the
 * fault engine instead, one fault at every stage; this class keeps the raw-socket and hand-made
 * cases as an independent check, and what no fault produces.
 */
class FailureKindsPerClientTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");

  /** Short, for failures that can only end at a client timeout. */
  private static final Duration SHORT = Duration.ofMillis(300);

  private final ConcurrentSsh runner = ConcurrentSsh.create().withThreads(1);
  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start().user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAWrongPasswordAsAuth(ClientAdapters client) {
    RunReport<SshTarget, CommandOutput> report =
        exec(client, ClientAdapters.GENEROUS, host, SshLogin.password("alice", "wrong"), "uptime");

    assertThat(report).failedOn(host, FailureKind.AUTH);
    Throwable failure = onlyFailure(report);
    switch (client) {
      case MINA ->
          assertThat(failure)
              .isInstanceOf(SshException.class)
              .hasMessageContaining("No more authentication methods available");
      case JSCH ->
          assertThat(failure)
              .isExactlyInstanceOf(JSchException.class)
              .hasMessageStartingWith("Auth fail for methods");
      case SSHJ -> assertThat(failure).isInstanceOf(UserAuthException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAnUnknownUserAsAuth(ClientAdapters client) {
    assertThat(
            exec(
                client,
                ClientAdapters.GENEROUS,
                host,
                SshLogin.password("mallory", "secret"),
                "uptime"))
        .failedOn(host, FailureKind.AUTH);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesARejectedKeyAsAuth(ClientAdapters client) {
    host.userWithNewKey("bob");
    SshLogin stranger = SshLogin.key("bob", UserKey.generate("bob").keyPair());

    assertThat(exec(client, ClientAdapters.GENEROUS, host, stranger, "uptime"))
        .failedOn(host, FailureKind.AUTH);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAPortWithNothingListeningAsConnectRefused(ClientAdapters client) {
    host.close();

    RunReport<SshTarget, CommandOutput> report =
        exec(client, ClientAdapters.GENEROUS, host, ALICE, "uptime");

    assertThat(report).failedOn(host, FailureKind.CONNECT_REFUSED);
    assertThat(onlyFailure(report))
        .as("the JDK's ConnectException, bare (sshj) or wrapped (MINA, JSch)")
        .satisfiesAnyOf(
            failure -> assertThat(failure).isInstanceOf(ConnectException.class),
            failure -> assertThat(failure).hasRootCauseInstanceOf(ConnectException.class));
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAConnectThatNeverCompletesAsConnectTimeout(ClientAdapters client)
      throws Exception {
    try (FullBacklogServer firewalled = new FullBacklogServer()) {
      SshTarget target = firewalled.target();

      assertThat(exec(client, SHORT, target, ALICE, "uptime"))
          .failedOn(target, FailureKind.CONNECT_TIMEOUT);
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAHostNameThatDoesNotResolveAsUnknownHost(ClientAdapters client) {
    // An IPv6 literal with a zone no interface can have (names are at most 15 characters): the JDK
    // rejects it without asking any DNS server, and it could only ever mean loopback.
    SshTarget nowhere = SshTarget.of("::1%nosuchinterface0", 22);

    assertThat(exec(client, ClientAdapters.GENEROUS, nowhere, ALICE, "uptime"))
        .failedOn(nowhere, FailureKind.UNKNOWN_HOST);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAHostKeyOtherThanTheTrustedOneAsHostKey(ClientAdapters client) {
    String otherKey =
        "[127.0.0.1]:" + host.port() + " " + publicKeyEntry(UserKey.generate("other"));
    SshLogin careful = ALICE.withKnownHostsLine(otherKey);

    RunReport<SshTarget, CommandOutput> report =
        exec(client, ClientAdapters.GENEROUS, host, careful, "uptime");

    assertThat(report).failedOn(host, FailureKind.HOST_KEY);
    Throwable failure = onlyFailure(report);
    switch (client) {
      case MINA -> assertThat(failure).hasMessageContaining("Server key did not validate");
      case JSCH -> assertThat(failure).isInstanceOf(JSchChangedHostKeyException.class);
      case SSHJ ->
          assertThat(failure)
              .isInstanceOf(TransportException.class)
              .hasMessageContaining("Could not verify");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesACommandCutByTheHostGoingAwayAsDisconnected(ClientAdapters client)
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    host.command("tar c /var/backups")
        .answers(
            call -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              return CommandResult.success("too late\n");
            });
    Thread closer = closeHostWhen(started);
    try {
      RunReport<SshTarget, CommandOutput> report =
          exec(client, ClientAdapters.GENEROUS, host, ALICE, "tar c /var/backups");

      assertThat(report).failedOn(host, FailureKind.DISCONNECTED);
      Throwable failure = onlyFailure(report);
      switch (client) {
        // MINA and JSch throw nothing: the command just ends without an exit status.
        case MINA, JSCH -> assertThat(failure).isInstanceOf(NoExitCodeException.class);
        // sshj: a TransportException ("Broken transport; encountered EOF") or, when the host's
        // close comes as a reset (about 1 run in 18 under load), SSHException("Connection reset").
        case SSHJ -> assertThat(failure).isInstanceOf(SSHException.class);
      }
    } finally {
      release.countDown();
      closer.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAConnectionClosedBeforeTheBannerAsDisconnected(ClientAdapters client)
      throws Exception {
    try (RawSocketServer rude = RawSocketServer.hangingUp()) {
      SshTarget target = rude.target();

      RunReport<SshTarget, CommandOutput> report =
          exec(client, ClientAdapters.GENEROUS, target, ALICE, "uptime");

      assertThat(report).failedOn(target, FailureKind.DISCONNECTED);
      Throwable failure = onlyFailure(report);
      switch (client) {
        // MINA sends its banner first: it sees the close or a broken pipe, whichever comes first.
        case MINA -> assertThat(failure).isInstanceOf(SshException.class);
        case JSCH -> assertThat(failure).hasMessage("connection is closed by foreign host");
        case SSHJ ->
            assertThat(failure)
                .hasMessage("Server closed connection during identification exchange");
      }
    }
  }

  @Test
  void classifiesMinaUsingASessionThatDroppedAfterLoginAsDisconnected() {
    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            MinaClientAdapter.factory(),
            (mina, h) -> {
              ClientSession session = mina.connect(h, ALICE);
              h.close();
              // Closed, not just no longer open: MINA stops taking channels only once the
              // session's connection service is closing, a moment after isOpen() turns false.
              SshAwait.await().until("MINA closed its session", session::isClosed);
              return session.createExecChannel("uptime");
            });

    assertThat(report).failedOn(host, FailureKind.DISCONNECTED);
    assertThat(onlyFailure(report))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("session is being closed");
  }

  @Test
  void classifiesJschUsingASessionThatDroppedAfterLoginAsDisconnected() {
    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            JschClientAdapter.factory(),
            (jsch, h) -> {
              com.jcraft.jsch.Session session = jsch.connect(h, ALICE);
              h.close();
              SshAwait.await().until("JSch saw its session close", () -> !session.isConnected());
              ChannelExec exec = (ChannelExec) session.openChannel("exec");
              exec.setCommand("uptime");
              exec.connect(5_000);
              return exec;
            });

    assertThat(report).failedOn(host, FailureKind.DISCONNECTED);
    assertThat(onlyFailure(report)).isInstanceOf(JSchException.class).hasMessage("session is down");
  }

  @Test
  void classifiesSshjUsingAConnectionThatDroppedAfterLoginAsDisconnected() {
    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            SshjClientAdapter.factory(),
            (sshj, h) -> {
              SSHClient ssh = sshj.connect(h, ALICE);
              h.close();
              SshAwait.await().until("sshj saw its connection close", () -> !ssh.isConnected());
              return ssh.startSession();
            });

    assertThat(report).failedOn(host, FailureKind.DISCONNECTED);
    assertThat(onlyFailure(report))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Not connected");
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAServerThatAcceptsAndNeverSpeaksAsTimeout(ClientAdapters client) throws Exception {
    try (RawSocketServer silent = RawSocketServer.silent()) {
      SshTarget target = silent.target();
      // Long enough for MINA to set up its session after the TCP connect, which even a loaded
      // machine does in far less; only the wait for the banner can run out.
      Duration timeout = Duration.ofSeconds(2);

      assertThat(exec(client, timeout, target, ALICE, "uptime"))
          .failedOn(target, FailureKind.TIMEOUT);
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesACommandStillRunningAtTheClientTimeoutAsTimeout(ClientAdapters client) {
    CountDownLatch release = new CountDownLatch(1);
    host.command("sleep 3600")
        .answers(
            call -> {
              release.await(30, TimeUnit.SECONDS);
              return CommandResult.exit(0);
            });
    Duration timeout = Duration.ofSeconds(2);
    try {
      // The first command warms the thread's client up, so only the second one can time out.
      RunReport<String, CommandOutput> report =
          runner.run(
              List.of("uptime", "sleep 3600"),
              client.factory(timeout),
              (ssh, command) -> ssh.exec(host, ALICE, command));

      assertThat(report).succeededOn("uptime").failedOn("sleep 3600", FailureKind.TIMEOUT);
      assertThat(report.outcomesOn("sleep 3600").get(0).failure().orElseThrow())
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("did not finish within 2000 ms");
    } finally {
      release.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesAnSsh1BannerAsProtocol(ClientAdapters client) throws Exception {
    try (RawSocketServer ancient = RawSocketServer.sending("SSH-1.5-OldServer\r\n")) {
      SshTarget target = ancient.target();

      assertThat(exec(client, ClientAdapters.GENEROUS, target, ALICE, "uptime"))
          .failedOn(target, FailureKind.PROTOCOL);
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesGarbageInsteadOfABannerAsProtocol(ClientAdapters client) throws Exception {
    try (RawSocketServer noise = RawSocketServer.sending(garbageThat(client))) {
      SshTarget target = noise.target();

      assertThat(exec(client, ClientAdapters.GENEROUS, target, ALICE, "uptime"))
          .failedOn(target, FailureKind.PROTOCOL);
    }
  }

  @Test
  void classifiesMinaRefusedChannelOpenAsChannel() {
    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            MinaClientAdapter.factory(),
            (mina, h) -> {
              ClientSession session = mina.connect(h, ALICE);
              // The fake host forwards no ports: it refuses direct-tcpip channels.
              return session
                  .createDirectTcpipChannel(
                      new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress("127.0.0.1", 1))
                  .open()
                  .verify(ClientAdapters.GENEROUS);
            });

    assertThat(report).failedOn(host, FailureKind.CHANNEL);
    assertThat(onlyFailure(report)).hasCauseInstanceOf(SshChannelOpenException.class);
  }

  @Test
  void classifiesJschRefusedShellRequestAsChannel() {
    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            JschClientAdapter.factory(),
            (jsch, h) -> {
              // The fake host has no shell: it answers the shell request with a failure.
              com.jcraft.jsch.Channel shell = jsch.connect(h, ALICE).openChannel("shell");
              shell.connect(5_000);
              return shell;
            });

    assertThat(report).failedOn(host, FailureKind.CHANNEL);
    assertThat(onlyFailure(report)).hasMessage("failed to send channel request");
  }

  @Test
  void classifiesSshjRefusedShellRequestAndChannelOpenAsChannel() {
    FakeSshHost other = FakeSshHost.start().user("alice", "secret");
    try {
      RunReport<FakeSshHost, Object> report =
          runner.run(
              List.of(host, other),
              SshjClientAdapter.factory(),
              (sshj, h) -> {
                SSHClient ssh = sshj.connect(h, ALICE);
                return h == host
                    ? ssh.startSession().startShell()
                    : ssh.newDirectConnection("127.0.0.1", 1);
              });

      assertThat(report).failedOn(host, FailureKind.CHANNEL).failedOn(other, FailureKind.CHANNEL);
      assertThat(report.outcomes().get(0).failure().orElseThrow())
          .isInstanceOf(ConnectionException.class)
          .hasMessage("Request failed");
      assertThat(report.outcomes().get(1).failure().orElseThrow())
          .isInstanceOf(OpenFailException.class);
    } finally {
      other.close();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesANonZeroExitAsCommandFailed(ClientAdapters client) {
    host.command("make").exitWith(2, "make: *** [all] Error 1\n");

    RunReport<SshTarget, CommandOutput> report =
        exec(client, ClientAdapters.GENEROUS, host, ALICE, "make");

    assertThat(report).failedOn(host, FailureKind.COMMAND_FAILED);
    assertThat(onlyFailure(report))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            failed -> {
              assertThat(failed.exitCode()).isEqualTo(2);
              assertThat(failed.output().stderr()).isEqualTo("make: *** [all] Error 1\n");
            })
        .hasMessageEndingWith("exited with code 2: make: *** [all] Error 1");
  }

  @Test
  void classifiesMinasOwnExecuteRemoteCommandFailureAsCommandFailed() {
    host.command("make").exitWith(2, "make: *** [all] Error 1\n");

    RunReport<FakeSshHost, String> report =
        runner.run(
            List.of(host),
            MinaClientAdapter.factory(),
            (mina, h) -> mina.connect(h, ALICE).executeRemoteCommand("make"));

    assertThat(report).failedOn(host, FailureKind.COMMAND_FAILED);
    assertThat(onlyFailure(report)).isInstanceOf(RemoteException.class);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void keepsABugInTheTaskAsUnexpectedWithItsCause(ClientAdapters client) {
    IllegalArgumentException bug = new IllegalArgumentException("cannot parse 'up 3 days'");

    RunReport<FakeSshHost, Object> report =
        runner.run(
            List.of(host),
            client.factory(),
            (ssh, h) -> {
              CommandOutput uptime = ssh.exec(h, ALICE, "uptime");
              throw new IllegalStateException("uptime of " + h.displayName() + ": " + uptime, bug);
            });

    assertThat(report).failedOn(host, FailureKind.UNEXPECTED);
    assertThat(onlyFailure(report)).hasCause(bug);
  }

  private RunReport<SshTarget, CommandOutput> exec(
      ClientAdapters client, Duration timeout, SshTarget target, SshLogin login, String command) {
    ClientFactory<? extends SshClientAdapter> clients = client.factory(timeout);
    SshClientTask<SshClientAdapter, SshTarget, CommandOutput> task =
        (ssh, t) -> ssh.exec(t, login, command);
    return runner.run(List.of(target), clients, task);
  }

  private static Throwable onlyFailure(RunReport<?, ?> report) {
    assertThat(report.outcomes()).hasSize(1);
    return report.outcomes().get(0).failure().orElseThrow();
  }

  /** Closes the host, from a thread of its own, once {@code started} opens. */
  private Thread closeHostWhen(CountDownLatch started) {
    Thread closer =
        new Thread(
            () -> {
              try {
                if (started.await(30, TimeUnit.SECONDS)) {
                  host.close();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "test-host-closer");
    closer.start();
    return closer;
  }

  /**
   * Bytes that each client takes for a broken peer rather than for a slow one: MINA and JSch give
   * up on 64 KiB without a line break; sshj waits for a line break forever, but rejects an
   * identification line longer than 255 bytes.
   */
  private static String garbageThat(ClientAdapters client) {
    StringBuilder noise = new StringBuilder();
    for (int i = 0; noise.length() < 70_000; i++) {
      noise.append((char) ('!' + i % 90));
    }
    return client == ClientAdapters.SSHJ
        ? "SSH-2.0-" + noise.substring(0, 300) + "\r\n"
        : noise.toString();
  }

  private static String publicKeyEntry(UserKey key) {
    return PublicKeyEntry.toString(key.publicKey());
  }
}
