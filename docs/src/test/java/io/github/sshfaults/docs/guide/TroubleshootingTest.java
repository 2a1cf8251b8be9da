package io.github.sshfaults.docs.guide;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import io.github.sshfaults.docs.guide.GuideClient.Result;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.userauth.UserAuthException;
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
        .hasMessage("Auth fail for methods 'password,keyboard-interactive,publickey'");
    assertThatThrownBy(() -> sshj(dial, "deploy", "s3cret", "uptime"))
        .isExactlyInstanceOf(UserAuthException.class)
        .hasMessage("Exhausted available authentication methods");
    // end::wrong-password[]
  }

  @Test
  void connectionRefused(FakeSshHost host) {
    // tag::refused[]
    Dial dial = Dial.to(host);
    host.close();   // nothing listens on its port any more

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
    String previousKey =
        "[127.0.0.1]:" + host.port() + " " + UserKey.generate("old").authorizedKeysLine();
    Dial dial = Dial.to(host).trusting(previousKey);

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
        host.command("deploy").failsWith(3, "");
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
  void serverThatNeverSpeaks() throws Exception {
    // TODO(fault catalog): a fake host with the hang-before-banner fault instead of a bare socket.
    // tag::silent-server[]
    // A socket that completes the TCP handshake and never sends an SSH banner.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Dial dial = new Dial("127.0.0.1", silent.getLocalPort(), "", Duration.ofMillis(300));

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
    }
    // end::silent-server[]
  }

  @Test
  void sshjWithoutTimeoutWaitsUntilTheServerGoesAway() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ExecutorService caller =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "sshj-caller"));
    try {
      // tag::sshj-no-timeout[]
      Future<?> connecting =
          caller.submit(
              () -> {
                try (SSHClient ssh = new SSHClient()) {   // no setTimeout(...): reads wait forever
                  ssh.addHostKeyVerifier(new OpenSSHKnownHosts(new StringReader("")));
                  ssh.connect("127.0.0.1", silent.getLocalPort());
                }
                return null;
              });

      assertThatThrownBy(() -> connecting.get(300, MILLISECONDS))
          .isInstanceOf(TimeoutException.class);   // still waiting for the banner

      silent.close();   // only the server going away ends the wait
      assertThatThrownBy(() -> connecting.get(10, SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TransportException.class);
      // end::sshj-no-timeout[]
    } finally {
      silent.close();
      caller.shutdownNow();
    }
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
      // JSch offers no way to wait for the exit status but to watch for the channel to close.
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
