package io.github.sshfaults.docs.guide;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchSessionDisconnectException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import io.github.sshfaults.docs.guide.GuideClient.Result;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What MINA SSHD's client, JSch and sshj each throw (or do not throw) for the common failures, as
 * "Troubleshooting" shows it. Each client verifies the host key against a known_hosts line.
 */
@SshFaultsTest
class TroubleshootingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Where a client dials, which known_hosts line it trusts, and how long it waits at each step. */
  private record Dial(String host, int port, String knownHostsLine, Duration timeout) {

    static Dial to(FakeSshHost host) {
      return new Dial(host.host(), host.port(), host.knownHostsLine(), TIMEOUT);
    }

    Dial trusting(String knownHostsLine) {
      return new Dial(host, port, knownHostsLine, timeout);
    }

    Dial waitingAtMost(Duration timeout) {
      return new Dial(host, port, knownHostsLine, timeout);
    }

    int timeoutMillis() {
      return (int) timeout.toMillis();
    }
  }

  @Test
  void wrongPassword(FakeSshHost host) {
    // tag::wrong-password[]
    host.user("deploy", "rotated-yesterday");
    Dial dial = Dial.to(host);

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessage("No more authentication methods available");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("Auth fail for methods 'publickey,password'");
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(UserAuthException.class)
        .hasMessage("Exhausted available authentication methods");
    // end::wrong-password[]
  }

  @Test
  void rejectAuthFault(FakeSshHost host) {
    // tag::reject-auth[]
    host.user("deploy", "s3cret");
    host.faults().add(Fault.rejectAuth());   // whatever the credentials
    Dial dial = Dial.to(host);

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessage("No more authentication methods available");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("Auth fail for methods 'publickey,password'");
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(UserAuthException.class)
        .hasMessage("Exhausted available authentication methods");
    // end::reject-auth[]
  }

  @Test
  void aFaultThatDoesNotFire(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");
    Dial dial = Dial.to(host);
    // tag::fault-not-firing[]
    host.faults().add(Fault.rejectAuth(AuthMethod.PUBLIC_KEY));
    assertThat(mina(dial, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
    assertThat(host.faults().describe())   // a password login is no occasion for it
        .contains("1. rejectAuth(PUBLIC_KEY) at AUTH  [fired 0 times in 0 occasions]");

    host.faults().add(Fault.dropConnection(), Fault.resetConnection());
    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"));
    assertThat(host.faults().describe())   // the newest of two endings ended the connection
        .contains("2. dropConnection() at CONNECT  [fired 0 times in 1 occasion]")
        .contains("3. resetConnection() at CONNECT  [fired 1 time in 1 occasion]");
    // end::fault-not-firing[]
  }

  @Test
  void connectionRefused(FakeSshHost host) {
    // tag::refused[]
    host.faults().add(Fault.refuse());   // nothing listens on its port while it is in the plan
    Dial dial = Dial.to(host);

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessageEndingWith("Failed (ConnectException) to execute: Connection refused")
        .hasCauseExactlyInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("java.net.ConnectException: Connection refused")
        .hasCauseExactlyInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessage("Connection refused");
    // end::refused[]
  }

  @Test
  void hostKeyChanged(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::host-key-changed[]
    Dial dial = Dial.to(host);   // trusts the host's key...
    host.faults().add(Fault.swapHostKey());   // ...and the host presents another one

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessage("Server key did not validate");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchChangedHostKeyException.class)
        .hasMessage("HostKey has been changed: [127.0.0.1]:" + host.port());
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageStartingWith("Could not verify `ecdsa-sha2-nistp256` host key with fingerprint")
        .hasMessageEndingWith("for `127.0.0.1` on port " + host.port());
    // end::host-key-changed[]
  }

  @Test
  void hostKeyUnknown(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::host-key-unknown[]
    Dial dial = Dial.to(host).trusting("");   // an empty known_hosts

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessage("Server key did not validate");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchUnknownHostKeyException.class)
        .hasMessage("reject HostKey: [127.0.0.1]:" + host.port());
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageStartingWith("Could not verify `ecdsa-sha2-nistp256` host key");
    // end::host-key-unknown[]
  }

  @Test
  void commandNotFound(FakeSshHost host) throws Exception {
    // tag::command-not-found[]
    host.user("deploy", "s3cret");   // and no stub for "uptime"
    Dial dial = Dial.to(host);
    Result notFound = new Result("", "uptime: command not found\n", 127);

    assertThat(mina(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    assertThat(jsch(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    assertThat(sshj(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    // end::command-not-found[]
  }

  @Test
  void exitWithFault(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret");
    // tag::exit-with[]
    host.command("uptime").replies("up 3 days\n");
    host.faults().add(Fault.exitWith(127, "uptime: command not found\n").forCommand("uptime"));
    Dial dial = Dial.to(host);
    Result notFound = new Result("", "uptime: command not found\n", 127);

    assertThat(mina(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    assertThat(jsch(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    assertThat(sshj(dial, "deploy", "s3cret", "uptime")).isEqualTo(notFound);
    // end::exit-with[]
  }

  @Test
  void minasExecuteRemoteCommandThrowsOnStderrOrNonZeroExit(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret");
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(new RequiredServerKeyVerifier(host.hostKey()));
      client.start();
      try (ClientSession session =
          client.connect("deploy", host.host(), host.port()).verify(TIMEOUT).getSession()) {
        session.addPasswordIdentity("s3cret");
        session.auth().verify(TIMEOUT);
        // tag::execute-remote-command[]
        host.command("deploy").exitWith(3, "");
        assertThatThrownBy(() -> session.executeRemoteCommand("deploy", TIMEOUT))
            .isExactlyInstanceOf(RemoteException.class)
            .hasMessageStartingWith("Remote command failed (3): deploy");
        assertThatThrownBy(() -> session.executeRemoteCommand("uptime", TIMEOUT))
            .isExactlyInstanceOf(RemoteException.class)
            .hasMessageStartingWith("Error reported from remote command=uptime")
            .cause()
            .hasMessage("uptime: command not found\n");
        // end::execute-remote-command[]
      }
    }
  }

  @Test
  void serverThatNeverSpeaks(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::silent-server[]
    host.faults().add(Fault.hang());   // accepts the connection, never sends a byte
    Dial dial = Dial.to(host).waitingAtMost(Duration.ofMillis(300));

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessageContaining("Failed to get operation result within specified timeout: 300 msec")
        .hasCauseExactlyInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("Session.connect: java.net.SocketTimeoutException: Read timed out");
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessage("Read timed out")
        .hasCauseExactlyInstanceOf(SocketTimeoutException.class);
    // end::silent-server[]
  }

  @Test
  void sshjWithoutTimeoutWaitsUntilTheServerGoesAway(FakeSshHost host) throws Exception {
    ExecutorService caller =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "sshj-caller"));
    try {
      // tag::sshj-no-timeout[]
      host.faults().add(Fault.hang());
      Future<?> connecting =
          caller.submit(
              () -> {
                try (SSHClient ssh = new SSHClient()) {   // no setTimeout(...): reads wait forever
                  ssh.addHostKeyVerifier(host.hostKeyFingerprint());
                  ssh.connect(host.host(), host.port());
                }
                return null;
              });

      assertThatThrownBy(() -> connecting.get(300, MILLISECONDS))
          .isInstanceOf(TimeoutException.class);   // still waiting for the banner

      host.stop();   // only the server going away ends the wait
      assertThatThrownBy(() -> connecting.get(10, SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TransportException.class);
      // end::sshj-no-timeout[]
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void tooManyAuthenticationFailures(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::too-many-auth-failures[]
    host.faults().add(Fault.tooManyAuthFailures(1));   // disconnect at the first failed attempt
    Dial dial = Dial.to(host).waitingAtMost(Duration.ofSeconds(3));

    assertThatThrownBy(() -> mina(dial, "deploy", "wrong", "uptime"))
        .isExactlyInstanceOf(SshException.class)
        .hasMessage("Too many authentication failures");
    assertThatThrownBy(() -> jsch(dial, "deploy", "wrong", "uptime"))
        .isExactlyInstanceOf(JSchSessionDisconnectException.class)
        .hasMessage("SSH_MSG_DISCONNECT: 2 Too many authentication failures ");
    assertThatThrownBy(() -> sshj(dial, "deploy", "wrong", "uptime"))   // either, by timing:
        .isInstanceOf(SSHException.class)
        .satisfiesAnyOf(
            closed -> assertThat(closed).isExactlyInstanceOf(TransportException.class)
                .hasMessage("Socket closed"),
            timedOut -> assertThat(timedOut)   // after dial.timeout()
                .hasRootCauseExactlyInstanceOf(TimeoutException.class));
    // end::too-many-auth-failures[]
  }

  @Test
  void sshjReportsTheDisconnectWhenItTriesOneMethod(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret");
    // tag::sshj-too-many-auth-failures[]
    host.faults().add(Fault.tooManyAuthFailures(1));
    try (SSHClient ssh = new SSHClient()) {
      List<String> heard = new CopyOnWriteArrayList<>();
      ssh.getTransport().setDisconnectListener((reason, text) -> heard.add(reason + " " + text));
      ssh.setTimeout(1000);
      ssh.getTransport().setTimeoutMs(1000);
      ssh.addHostKeyVerifier(host.hostKeyFingerprint());
      ssh.connect(host.host(), host.port());
      AuthPassword password = new AuthPassword(PasswordUtils.createOneOff("wrong".toCharArray()));

      assertThatThrownBy(() -> ssh.auth("deploy", password))   // one method, not authPassword
          .isExactlyInstanceOf(UserAuthException.class)
          .hasMessage("Exhausted available authentication methods")
          .hasRootCauseExactlyInstanceOf(TransportException.class)
          .hasRootCauseMessage("Too many authentication failures");
      assertThat(heard).first().isEqualTo("PROTOCOL_ERROR Too many authentication failures");
    }
    // end::sshj-too-many-auth-failures[]
  }

  @Test
  void connectionReset(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::reset[]
    host.faults().add(Fault.resetConnection());   // accept, then RST before the banner
    Dial dial = Dial.to(host);

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))   // words by timing
        .isExactlyInstanceOf(SshException.class)
        .hasMessageMatching(".*Failed \\((IOException|MissingAttachedSessionException)\\)"
            + ".*(Connection reset|Broken pipe|No session attached).*"
            + "|Session is being closed");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("Session.connect: java.net.SocketException: Connection reset")
        .hasCauseExactlyInstanceOf(SocketException.class);
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessage("Connection reset")
        .hasCauseExactlyInstanceOf(SocketException.class);
    // end::reset[]
  }

  @Test
  void closedBeforeTheBanner(FakeSshHost host) {
    host.user("deploy", "s3cret");
    // tag::closed-before-banner[]
    host.faults().add(Fault.dropConnection());   // accept, then FIN before the banner
    Dial dial = Dial.to(host);

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))   // words by timing
        .isExactlyInstanceOf(SshException.class)
        .hasMessageMatching("Session is being closed"
            + "|.*Failed \\(IOException\\).*(Broken pipe|Connection reset by peer)");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(JSchException.class)
        .hasMessage("connection is closed by foreign host");
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessage("Server closed connection during identification exchange");
    // end::closed-before-banner[]
  }

  @Test
  void droppedAfterLogin(FakeSshHost host) {
    host.user("deploy", "s3cret");
    host.command("uptime").replies("up 3 days\n");
    // tag::dropped-after-login[]
    host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));   // FIN right after login
    Dial dial = Dial.to(host).waitingAtMost(Duration.ofSeconds(3));

    assertThatThrownBy(() -> mina(dial, "deploy", "s3cret", "uptime"))   // either, by timing:
        .isInstanceOfAny(SshException.class, IllegalStateException.class)
        .hasMessageMatching("Closed|.*session is being closed.*|Write attempt on closing session.*");
    assertThatThrownBy(() -> jsch(dial, "deploy", "s3cret", "uptime"))   // either, by timing:
        .satisfiesAnyOf(
            down -> assertThat(down).isExactlyInstanceOf(JSchException.class)
                .hasMessage("session is down"),
            nullChannel -> assertThat(nullChannel)   // session.openChannel("exec") gave null
                .isExactlyInstanceOf(NullPointerException.class));
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))   // any of three:
        .isInstanceOfAny(SSHException.class, IllegalStateException.class)
        .hasMessageMatching("Socket closed|Not connected|Broken transport; encountered EOF");
    // end::dropped-after-login[]
  }

  @Test
  void droppedInTheMiddleOfTheOutput(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret");
    // tag::dropped-mid-output[]
    host.command("cat big.log").replies("x".repeat(100_000));
    host.faults().add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(50_000));
    Dial dial = Dial.to(host);
    String half = "x".repeat(50_000);

    assertThat(mina(dial, "deploy", "s3cret", "cat big.log"))
        .isEqualTo(new Result(half, "", null));   // no exception, no exit code
    assertThat(jsch(dial, "deploy", "s3cret", "cat big.log"))
        .isEqualTo(new Result(half, "", -1));     // no exception, exit code -1
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "cat big.log"))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessage("Broken transport; encountered EOF");
    // end::dropped-mid-output[]
  }

  @Test
  void slowServer(FakeSshHost host) throws Exception {
    host.user("deploy", "s3cret");
    host.command("uptime").replies("up 3 days\n");
    // tag::slow-server[]
    host.faults().add(Fault.delay(Duration.ofMillis(600)));   // the banner comes 600 ms late
    Dial patient = Dial.to(host);                             // waits up to 10 s a step
    Dial hasty = Dial.to(host).waitingAtMost(Duration.ofMillis(300));
    Result upThreeDays = new Result("up 3 days\n", "", 0);

    assertThat(mina(patient, "deploy", "s3cret", "uptime")).isEqualTo(upThreeDays);
    assertThat(jsch(patient, "deploy", "s3cret", "uptime")).isEqualTo(upThreeDays);
    assertThat(sshj(patient, "deploy", "s3cret", "uptime")).isEqualTo(upThreeDays);

    assertThatThrownBy(() -> mina(hasty, "deploy", "s3cret", "uptime"))
        .hasRootCauseExactlyInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> jsch(hasty, "deploy", "s3cret", "uptime"))
        .hasRootCauseExactlyInstanceOf(SocketTimeoutException.class);
    assertThatThrownBy(() -> sshj(hasty, "deploy", "s3cret", "uptime"))
        .hasRootCauseExactlyInstanceOf(SocketTimeoutException.class);
    // end::slow-server[]
  }

  private static Result mina(Dial dial, String user, String password, String command)
      throws Exception {
    Path knownHosts = Files.createTempFile("known_hosts", "");
    try (SshClient client = SshClient.setUpDefaultClient()) {
      Files.writeString(knownHosts, dial.knownHostsLine() + "\n");
      client.setServerKeyVerifier(
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
      client.start();
      try (ClientSession session =
          client.connect(user, dial.host(), dial.port()).verify(dial.timeout()).getSession()) {
        session.addPasswordIdentity(password);
        session.auth().verify(dial.timeout());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
          channel.setOut(out);
          channel.setErr(err);
          channel.open().verify(dial.timeout());
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), dial.timeout());
          return new Result(out.toString(UTF_8), err.toString(UTF_8), channel.getExitStatus());
        }
      }
    } finally {
      Files.delete(knownHosts);
    }
  }

  private static Result jsch(Dial dial, String user, String password, String command)
      throws Exception {
    JSch jsch = new JSch();
    jsch.setKnownHosts(new ByteArrayInputStream(dial.knownHostsLine().getBytes(UTF_8)));
    com.jcraft.jsch.Session session = jsch.getSession(user, dial.host(), dial.port());
    session.setConfig("StrictHostKeyChecking", "yes");
    session.setPassword(password.getBytes(UTF_8));
    session.setTimeout(dial.timeoutMillis());
    session.connect(dial.timeoutMillis());
    try {
      com.jcraft.jsch.ChannelExec channel =
          (com.jcraft.jsch.ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      channel.setOutputStream(out);
      channel.setErrStream(err);
      channel.connect(dial.timeoutMillis());
      // JSch offers no way to wait for the exit code but to watch for the channel to close.
      Awaitility.await()
          .atMost(dial.timeout())
          .pollInterval(Duration.ofMillis(5))
          .until(channel::isClosed);
      return new Result(out.toString(UTF_8), err.toString(UTF_8), channel.getExitStatus());
    } finally {
      session.disconnect();
    }
  }

  private static Result sshj(Dial dial, String user, String password, String command)
      throws Exception {
    try (SSHClient ssh = new SSHClient()) {
      ssh.setConnectTimeout(dial.timeoutMillis());
      ssh.setTimeout(dial.timeoutMillis());
      ssh.getTransport().setTimeoutMs(dial.timeoutMillis());   // else 30 s for auth and channels
      ssh.addHostKeyVerifier(new OpenSSHKnownHosts(new StringReader(dial.knownHostsLine() + "\n")));
      ssh.connect(dial.host(), dial.port());
      ssh.authPassword(user, password);
      try (Session session = ssh.startSession()) {
        Session.Command exec = session.exec(command);
        String out = new String(exec.getInputStream().readAllBytes(), UTF_8);
        String err = new String(exec.getErrorStream().readAllBytes(), UTF_8);
        exec.join(dial.timeoutMillis(), MILLISECONDS);
        return new Result(out, err, exec.getExitStatus());
      }
    }
  }
}
