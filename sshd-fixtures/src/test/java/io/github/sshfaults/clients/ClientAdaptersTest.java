package io.github.sshfaults.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each client adapter does right, beyond classifying failures. */
class ClientAdaptersTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start().user("alice", "secret");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void reportsARefusalWithTheRootCauseFirstWithinTheTablesWidth(ClientAdapters client) {
    host.faults().add(Fault.refuse());

    RunReport<FakeSshHost, CommandOutput> report =
        ConcurrentSsh.create()
            .run(List.of(host), client.factory(), (ssh, h) -> ssh.exec(h, ALICE, "uptime"));

    Outcome<FakeSshHost, CommandOutput> refused = report.outcomes().get(0);
    assertThat(refused.kind()).contains(FailureKind.CONNECT_REFUSED);
    assertThat(refused.message()).startsWith("ConnectException: Connection refused");
    String row = report.table().lines().toList().get(1);
    assertThat(row.split(" \\| ")[3]).startsWith("ConnectException: Connection refused");
    if (client == ClientAdapters.MINA) {
      // MINA's message names the future first, which a table cut at 72 characters used to keep.
      assertThat(refused.message())
          .startsWith(
              "ConnectException: Connection refused (in SshException: DefaultConnectFuture[");
      assertThat(row.split(" \\| ")[3].strip()).hasSize(72).endsWith("...)");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void runsACommandAndReturnsBothStreams(ClientAdapters client) throws Exception {
    host.command("make")
        .replies(CommandResult.exit(0).withStdout("built\n").withStderr("1 warning\n"));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThat(ssh.exec(host, ALICE, "make"))
          .isEqualTo(new CommandOutput("built\n", "1 warning\n", 0));
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void logsInWithAnEcKeyPair(ClientAdapters client) throws Exception {
    UserKey bob = host.userWithNewKey("bob");
    host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThat(ssh.exec(host, SshLogin.key("bob", bob.keyPair()), "whoami").stdout())
          .isEqualTo("bob\n");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void logsInWithAnRsaKeyPair(ClientAdapters client) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair carol = generator.generateKeyPair();
    host.user("carol", carol.getPublic());
    host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThat(ssh.exec(host, SshLogin.key("carol", carol), "whoami").stdout())
          .isEqualTo("carol\n");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void acceptsTheHostKeyOfTheTrustedKnownHostsLine(ClientAdapters client) throws Exception {
    host.command("hostname").replies("web-1\n");

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      SshLogin trusting = ALICE.withKnownHostsLine(host.knownHostsLine());
      assertThat(ssh.exec(host, trusting, "hostname").stdout())
          .isEqualTo("web-1\n");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void sendsEndOfInputSoThatACommandReadingStdinFinishes(ClientAdapters client) throws Exception {
    host.command("cat")
        .answers(
            call -> CommandResult.success("read " + call.stdinAsString().length() + " chars\n"));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThat(ssh.exec(host, ALICE, "cat").stdout()).isEqualTo("read 0 chars\n");
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void endsABlockedExecWhenClosedFromAnotherThread(ClientAdapters client) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    host.command("sleep 3600")
        .answers(
            call -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              return CommandResult.exit(0);
            });
    SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS);
    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    Thread closer =
        new Thread(
            () -> {
              try {
                if (started.await(30, TimeUnit.SECONDS)) {
                  ssh.close();
                }
              } catch (InterruptedException | RuntimeException e) {
                closeFailure.set(e);
              }
            },
            "test-adapter-closer");
    closer.start();
    try {
      assertThatThrownBy(() -> ssh.exec(host, ALICE, "sleep 3600"))
          .satisfies(
              thrown -> assertThat(FailureKind.of(thrown)).isEqualTo(FailureKind.DISCONNECTED));
      assertThat(release.getCount()).as("ended while the command was still running").isEqualTo(1);
    } finally {
      release.countDown();
      closer.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(closeFailure.get()).isNull();
  }

  @Test
  void closesMinaSessionsItOpenedWhenClosed() throws Exception {
    MinaClientAdapter mina = MinaClientAdapter.factory().create();
    ClientSession session = mina.connect(host, ALICE);

    mina.close();

    assertThat(session.isOpen()).isFalse();
    assertThatThrownBy(() -> mina.connect(host, ALICE)).hasMessage("MinaClientAdapter is closed");
  }

  @Test
  void closesJschSessionsItOpenedWhenClosed() throws Exception {
    JschClientAdapter jsch = JschClientAdapter.factory().create();
    com.jcraft.jsch.Session session = jsch.connect(host, ALICE);

    jsch.close();

    assertThat(session.isConnected()).isFalse();
  }

  @Test
  void turnsNaglesAlgorithmOffForSshjAsATunedUserWould() throws Exception {
    // With it on, sshj's small writes wait for the server's delayed acknowledgements: every login
    // and command about 40 ms slower (see the benchmarks' clients group).
    try (SshjClientAdapter sshj = SshjClientAdapter.factory().create()) {
      SSHClient ssh = sshj.connect(host, ALICE);

      assertThat(ssh.getSocket().getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void closesSshjClientsItOpenedWhenClosed() throws Exception {
    SshjClientAdapter sshj = SshjClientAdapter.factory().create();
    SSHClient ssh = sshj.connect(host, ALICE);

    sshj.close();

    SshAwait.atMost(Duration.ofSeconds(10)).until("sshj disconnected", () -> !ssh.isConnected());
  }
}
