package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.concurrent.FailureKind.DISCONNECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/guide/fault-catalog.md}: one per kind of fault, each run against a
 * fake host with Apache MINA SSHD's client, as the code under test would.
 */
@SshFaultsTest
class FaultCatalogTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Every example's host lets deploy in and knows uptime. */
  private static void deployCanRunUptime(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    host.command("uptime").replies("up 3 days\n");
  }

  @Test
  void refuse(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::refuse[]
    host.faults().add(Fault.refuse());

    assertThatThrownBy(() -> run(host, "uptime")).hasRootCauseInstanceOf(ConnectException.class);
    assertThat(host.journal().connections()).isEmpty();   // the host never saw the attempt
    assertThat(host.faults().describe()).contains("refuse() at CONNECT  [port closed since ")
        .contains("refused attempts never reach the host, so none are counted]");

    host.faults().clear();
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::refuse[]
  }

  @Test
  void dropBeforeBanner(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::drop-before-banner[]
    host.faults().add(Fault.dropConnection());

    assertThatThrownBy(() -> run(host, "uptime"))   // words by timing: a write may cross the FIN
        .hasMessageMatching(".*(Session is being closed|Broken pipe|Connection reset by peer)");
    // end::drop-before-banner[]
  }

  @Test
  void resetBeforeBanner(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::reset-before-banner[]
    host.faults().add(Fault.resetConnection());

    assertThatThrownBy(() -> run(host, "uptime"))
        .isInstanceOf(IOException.class)   // MINA's words depend on when it notices the RST
        .satisfies(thrown -> assertThat(FailureKind.of(thrown)).isEqualTo(DISCONNECTED));
    // end::reset-before-banner[]
  }

  @Test
  void hangAfterAccept(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::hang[]
    host.faults().add(Fault.hang());

    assertThatThrownBy(() -> run(host, "uptime", Duration.ofMillis(500)))
        .hasRootCauseInstanceOf(TimeoutException.class);
    // end::hang[]
  }

  @Test
  void delayedBanner(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::delay-banner[]
    host.faults().add(Fault.delay(Duration.ofMillis(300)));

    long start = System.nanoTime();
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    // end::delay-banner[]
  }

  @Test
  void delayDistributions(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::delay-distributions[]
    host.faults().add(
        Fault.delay(Delay.uniform(Duration.ofMillis(40), Duration.ofMillis(60)))
            .at(Stage.TRANSPORT),
        Fault.delay(Delay.lognormal(Duration.ofMillis(50), 0.5)).at(Stage.AUTH));

    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::delay-distributions[]
  }

  @Test
  void garbageBanner(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::garbage-banner[]
    host.faults().add(Fault.garbageBanner("HTTP/1.1 400 Bad Request\r\n\r\n"));

    assertThatThrownBy(() -> run(host, "uptime")).hasMessageContaining("Session is being closed");
    // end::garbage-banner[]
  }

  @Test
  void binaryGarbageBanner(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::binary-garbage-banner[]
    host.faults().add(Fault.garbageBanner(new byte[] {0x16, 0x03, 0x01, '\r', (byte) 0xff, '\n'}));

    assertThatThrownBy(() -> run(host, "uptime"))
        .hasStackTraceContaining("StreamCorruptedException: Incorrect identification (bad line");
    // end::binary-garbage-banner[]
  }

  @Test
  void disconnectDuringKex(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::disconnect-kex[]
    host.faults().add(
        Fault.disconnect(DisconnectReason.KEY_EXCHANGE_FAILED, "kex refused").at(Stage.KEX));

    assertThatThrownBy(() -> run(host, "uptime"))
        .isInstanceOf(SshException.class)
        .hasMessage("kex refused");
    // end::disconnect-kex[]
  }

  @Test
  void noCommonAlgorithm(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::no-common-algorithm[]
    host.faults().add(Fault.noCommonAlgorithm(AlgorithmKind.CIPHER));

    assertThatThrownBy(() -> run(host, "uptime"))
        .hasMessageContaining("Unable to negotiate key exchange for encryption algorithms");
    // end::no-common-algorithm[]
  }

  @Test
  void swapHostKey(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::swap-host-key[]
    host.faults().add(Fault.swapHostKey().fromConnection(2));

    assertThat(runTrusting(host, host.knownHostsLine(), "uptime")).isEqualTo("up 3 days\n");
    assertThatThrownBy(() -> runTrusting(host, host.knownHostsLine(), "uptime"))
        .hasMessageContaining("Server key did not validate");
    // end::swap-host-key[]
  }

  @Test
  void rejectAuth(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::reject-auth[]
    host.faults().add(Fault.rejectAuth().forUser("deploy").firstConnections(2));

    assertThatThrownBy(() -> run(host, "uptime"))
        .hasMessageContaining("No more authentication methods available");
    assertThatThrownBy(() -> run(host, "uptime"));
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::reject-auth[]
  }

  @Test
  void slowAuth(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::slow-auth[]
    host.faults().add(Fault.delay(Duration.ofSeconds(1)).at(Stage.AUTH));

    long start = System.nanoTime();
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    // end::slow-auth[]
  }

  @Test
  void slowRefusal(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::slow-refusal[]
    host.faults().add(Fault.delayAuthFailures(Duration.ofSeconds(2), AuthMethod.PASSWORD));

    long start = System.nanoTime();
    assertThatThrownBy(() -> run(host, "deploy", "wrong password", "uptime", TIMEOUT))
        .hasMessageContaining("No more authentication methods available");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));

    // What times clients out in production: a timeout shorter than the delay.
    assertThatThrownBy(() -> run(host, "deploy", "wrong password", "uptime", Duration.ofSeconds(1)))
        .hasRootCauseInstanceOf(TimeoutException.class);
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");     // the right password: at once
    // end::slow-refusal[]
  }

  @Test
  void requireAuthMethods(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::require-auth-methods[]
    host.faults().add(Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD));

    assertThatThrownBy(() -> run(host, "uptime"))
        .hasMessageContaining("No more authentication methods available");
    // end::require-auth-methods[]
  }

  @Test
  void tooManyAuthFailures(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::too-many-auth-failures[]
    host.faults().add(Fault.tooManyAuthFailures(1));

    assertThatThrownBy(() -> run(host, "deploy", "wrong password", "uptime", TIMEOUT))
        .hasMessage("Too many authentication failures");
    // end::too-many-auth-failures[]
  }

  @Test
  void disconnectAfterAuth(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::disconnect-after-auth[]
    host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance")
        .at(Stage.AFTER_AUTH)
        .onConnection(1));

    assertThatThrownBy(() -> run(host, "uptime")).isInstanceOfAny(
        IllegalStateException.class, SshException.class);
    // end::disconnect-after-auth[]
  }

  @Test
  void dropAndResetAfterAuth(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::drop-after-auth[]
    host.faults().add(
        Fault.dropConnection().at(Stage.AFTER_AUTH).onConnection(1),
        Fault.resetConnection().at(Stage.AFTER_AUTH).onConnection(2));

    assertThatThrownBy(() -> run(host, "uptime")).isInstanceOfAny(
        IllegalStateException.class, SshException.class);
    assertThatThrownBy(() -> run(host, "uptime")).isInstanceOfAny(
        IllegalStateException.class, SshException.class);
    // end::drop-after-auth[]
  }

  @Test
  void rejectChannelOpen(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::reject-channel-open[]
    host.faults().add(Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE));

    assertThatThrownBy(() -> run(host, "uptime"))
        .cause()
        .isInstanceOf(SshChannelOpenException.class)
        .extracting(e -> ((SshChannelOpenException) e).getReasonCode())
        .isEqualTo(ChannelOpenFailure.RESOURCE_SHORTAGE.code());
    // end::reject-channel-open[]
  }

  @Test
  void limits(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::limits[]
    host.faults().add(Fault.limitSessions(1), Fault.limitChannels(4));

    try (ClientSession first = login(host)) {
      assertThatThrownBy(() -> run(host, "uptime")).isInstanceOfAny(
          IllegalStateException.class, SshException.class);
    }
    // end::limits[]
  }

  @Test
  void exitWith(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::exit-with[]
    host.faults().add(Fault.exitWith(2, "uptime: cannot read /proc/uptime\n")
        .forCommand("uptime"));

    assertThatThrownBy(() -> run(host, "uptime"))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("cannot read /proc/uptime");
    // end::exit-with[]
  }

  @Test
  void slowAndThrottledCommands(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    host.command("cat deploy.log").replies("x".repeat(300));
    // tag::slow-command[]
    host.faults().add(
        Fault.delay(Duration.ofMillis(200)).at(Stage.EXEC).forCommand("uptime"),
        Fault.throttle(1000, 100).forCommandGlob("cat *"));

    long start = System.nanoTime();
    assertThat(run(host, "cat deploy.log")).hasSize(300);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    // end::slow-command[]
  }

  @Test
  void dropMidOutput(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    host.command("cat deploy.log").replies("line\n".repeat(1000));
    // tag::drop-mid-output[]
    host.faults().add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(4096)
        .forCommand("cat deploy.log"));

    assertThatThrownBy(() -> run(host, "cat deploy.log"))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("No exit status");
    // end::drop-mid-output[]
  }

  @Test
  void hangingCommand(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::hang-command[]
    host.faults().add(Fault.hang().at(Stage.EXEC).forCommand("uptime"));

    assertThatThrownBy(() -> runCommandWithin(host, "uptime", Duration.ofMillis(500)))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("Failed to retrieve command 'uptime' result within timeout");
    // end::hang-command[]
  }

  @Test
  void sftpError(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    host.files().write("/srv/data/orders.csv", "id\n");
    // tag::sftp-error[]
    host.faults().add(Fault.sftpError(SftpStatus.NO_SUCH_FILE)
        .forSftp(SftpAction.OPEN).forPathGlob("/srv/data/*.csv").firstAttempts(1));

    try (ClientSession session = login(host);
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
      assertThatThrownBy(() -> sftp.read("/srv/data/orders.csv").close())
          .isInstanceOf(SftpException.class)
          .hasMessageContaining("No such file");
      sftp.read("/srv/data/orders.csv").close();                 // the second open works
    }
    // end::sftp-error[]
  }

  @Test
  void sftpCut(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::sftp-cut[]
    host.faults().add(Fault.resetConnection().at(Stage.SFTP).afterBytes(32 * 1024)
        .forSftp(SftpAction.WRITE));

    try (ClientSession session = login(host);
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
      assertThatThrownBy(() -> {
        try (OutputStream out = sftp.write("/upload.bin")) {
          out.write(new byte[256 * 1024]);
        }
      }).isInstanceOf(IOException.class);
    }
    assertThat(host.files().read("/upload.bin")).hasSize(32 * 1024);
    // end::sftp-cut[]
  }

  @Test
  void transport(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::transport[]
    host.faults().add(
        Fault.delay(Delay.uniform(Duration.ofMillis(5), Duration.ofMillis(15))).at(Stage.TRANSPORT),
        Fault.throttle(64 * 1024, 4096).at(Stage.TRANSPORT).direction(Direction.FROM_CLIENT));

    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::transport[]
  }

  @Test
  void cutAfterBytes(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::cut-after-bytes[]
    host.faults().add(Fault.dropConnection().at(Stage.TRANSPORT).afterBytes(1000));

    assertThatThrownBy(() -> run(host, "uptime"))   // words by timing: a write may cross the FIN
        .hasMessageMatching(".*(Session is being closed|Broken pipe|Connection reset by peer)");
    // end::cut-after-bytes[]
  }

  @Test
  void resetAfterBytesToTheClient(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::reset-after-bytes[]
    // 644 bytes: the host's identification line and key exchange proposal, which the client
    // answers at once; its answer meets the RST.
    host.faults().add(Fault.resetConnection().at(Stage.TRANSPORT).afterBytes(644));

    assertThatThrownBy(() -> run(host, "uptime")).hasMessageContaining("Connection reset");
    // end::reset-after-bytes[]
  }

  @Test
  void killedIntoACommand(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    host.command("backup").replies("done\n");
    // tag::killed-into-a-command[]
    host.faults().add(
        Fault.delay(Duration.ofSeconds(5)).at(Stage.EXEC).forCommand("backup"),   // a long backup
        Fault.dropConnection().at(Stage.EXEC).after(Duration.ofMillis(300)).forCommand("backup"));

    assertThatThrownBy(() -> run(host, "backup"))   // some 300 ms into the command
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("No exit status")
        .satisfies(thrown -> assertThat(FailureKind.of(thrown)).isEqualTo(DISCONNECTED));
    // end::killed-into-a-command[]
  }

  @Test
  void partitionAndHeal(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::partition[]
    host.partition();
    assertThatThrownBy(() -> run(host, "uptime", Duration.ofMillis(500)));

    host.heal();
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::partition[]
  }

  @Test
  void dropAllSessions(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    try (ClientSession session = login(host)) {
      // tag::drop-all-sessions[]
      host.dropAllSessions();

      session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), Duration.ofSeconds(5));
      assertThat(session.isOpen()).isFalse();
      // end::drop-all-sessions[]
    }
  }

  @Test
  void stopAndRestart(FakeSshHost host) throws Exception {
    deployCanRunUptime(host);
    // tag::stop-restart[]
    host.stop();
    assertThatThrownBy(() -> run(host, "uptime")).hasRootCauseInstanceOf(ConnectException.class);

    host.restart();
    assertThat(run(host, "uptime")).isEqualTo("up 3 days\n");
    // end::stop-restart[]
  }

  @Test
  void seeds() {
    // tag::seed[]
    try (FakeSshHost flaky = FakeSshHost.builder()
        .seed(42)
        .faults(Fault.resetConnection().withProbability(0.3))
        .start()) {
      assertThat(flaky.seed()).isEqualTo(42);
      assertThat(flaky.toString()).endsWith(", seed=42]");
      assertThat(flaky.faults().describe()).startsWith("seed 42, faults:");
    }
    // end::seed[]
  }

  private static String run(FakeSshHost host, String command) throws IOException {
    return run(host, command, TIMEOUT);
  }

  private static String run(FakeSshHost host, String command, Duration timeout)
      throws IOException {
    return run(host, "deploy", "secret", command, timeout);
  }

  private static String run(
      FakeSshHost host, String user, String password, String command, Duration timeout)
      throws IOException {
    return run(host, user, password, command, timeout, timeout);
  }

  /** Logs in within the generous TIMEOUT, so that only the command is bounded by {@code timeout}. */
  private static String runCommandWithin(FakeSshHost host, String command, Duration timeout)
      throws IOException {
    return run(host, "deploy", "secret", command, TIMEOUT, timeout);
  }

  private static String run(
      FakeSshHost host,
      String user,
      String password,
      String command,
      Duration loginTimeout,
      Duration commandTimeout)
      throws IOException {
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client.connect(user, host.host(), host.port()).verify(loginTimeout).getSession()) {
        session.addPasswordIdentity(password);
        session.auth().verify(loginTimeout);
        return session.executeRemoteCommand(command, commandTimeout);
      }
    }
  }

  private static String runTrusting(FakeSshHost host, String knownHostsLine, String command)
      throws IOException {
    Path knownHosts = Files.createTempFile("known_hosts", "");
    try (SshClient client = SshClient.setUpDefaultClient()) {
      Files.writeString(knownHosts, knownHostsLine + "\n");
      client.setServerKeyVerifier(
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
      client.start();
      try (ClientSession session =
          client.connect("deploy", host.host(), host.port()).verify(TIMEOUT).getSession()) {
        session.addPasswordIdentity("secret");
        session.auth().verify(TIMEOUT);
        return session.executeRemoteCommand(command, TIMEOUT);
      }
    } finally {
      Files.delete(knownHosts);
    }
  }

  private static ClientSession login(FakeSshHost host) throws Exception {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    ClientSession session =
        client.connect("deploy", host.host(), host.port()).verify(TIMEOUT).getSession();
    session.addCloseFutureListener(f -> client.close(true));
    session.addPasswordIdentity("secret");
    session.auth().verify(TIMEOUT);
    return session;
  }

}
