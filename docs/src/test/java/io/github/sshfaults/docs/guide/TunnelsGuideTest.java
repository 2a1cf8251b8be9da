package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.ForwardedConnectionEnded;
import io.github.sshfaults.sshd.journal.ForwardingEnded;
import io.github.sshfaults.sshd.journal.RemoteForwarding;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.OptionalInt;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session.Command;
import net.schmizz.sshj.connection.channel.forwarded.RemotePortForwarder.Forward;
import net.schmizz.sshj.connection.channel.forwarded.SocketForwardingConnectListener;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples of {@code docs/guide/tunnels.md}: local forwarding to a socket the test opened, with
 * JSch's {@code setPortForwardingL}, remote forwarding to the client's service with sshj's {@code
 * RemotePortForwarder}, and a jump host with sshj's {@code connectVia}, whose inner
 * hop answers, then fails.
 */
@SshFaultsTest
@Timeout(30)
class TunnelsGuideTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @Test
  void forwardsALocalPortToTheTestsSocket(FakeSshHost host) throws Exception {
    // tag::local[]
    // The database the code under test reaches through the tunnel: a socket on loopback.
    try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread greeter = answerOnce(database, "db ready\n");
      host.user("app", "secret")
          .allowForwarding("app", TunnelDestination.socket(database.getLocalPort()));

      // The code under test, say: ssh -L <local>:127.0.0.1:<database port>, then connect locally.
      Session session = new JSch().getSession("app", host.host(), host.port());
      session.setPassword("secret");
      session.setConfig("StrictHostKeyChecking", "no");
      session.connect(TIMEOUT_MILLIS);
      int local = session.setPortForwardingL("127.0.0.1", 0, "127.0.0.1", database.getLocalPort());
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), local)) {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        assertThat(new String(socket.getInputStream().readNBytes(9), UTF_8))
            .isEqualTo("db ready\n");
      }
      session.disconnect();
      greeter.join(TIMEOUT_MILLIS);
      // end::local[]

      // tag::verify-local[]
      Forwarding tunnel =
          verify(host, once()).forwardedTo(TunnelDestination.socket(database.getLocalPort())).get(0);
      assertThat(tunnel.user()).isEqualTo("app");
      ForwardingEnded end =
          host.journal().await(ForwardingEnded.class, 1, Duration.ofSeconds(10)).get(0);
      assertThat(end.bytesFromDestination()).isEqualTo(9);
      // end::verify-local[]
    }
  }

  @Test
  void refusesWhatTheUserMayNotReach(FakeSshHost host) throws Exception {
    host.user("app", "secret");
    // tag::refused[]
    try (SSHClient ssh = new SSHClient()) {
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.setTimeout(TIMEOUT_MILLIS);
      ssh.connect(host.host(), host.port());
      ssh.authPassword("app", "secret");

      assertThatThrownBy(() -> ssh.newDirectConnection("10.1.2.3", 5432))
          .isInstanceOf(OpenFailException.class)
          .extracting(e -> ((OpenFailException) e).getReason())
          .isEqualTo(OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED);
    }
    Forwarding refused = verify(host, once()).refusedForwarding().get(0);
    assertThat(refused.reason())
        .isEqualTo("user \"app\" may not forward (asked for \"10.1.2.3:5432\");"
            + " allow it with FakeSshHost.allowForwarding(user, destination)");
    // end::refused[]
  }

  @Test
  void cutsATunnelAfterItsFirstBytes(FakeSshHost host) throws Exception {
    try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread greeter = answerOnce(database, "db ready\n");
      host.user("app", "secret")
          .allowForwarding("app", TunnelDestination.socket(database.getLocalPort()));
      // tag::fault[]
      // The database's first 5 bytes reach the client, then the SSH connection is dropped.
      host.faults().add(Fault.dropConnection().at(Stage.FORWARDING).afterBytes(5));

      Session session = new JSch().getSession("app", host.host(), host.port());
      session.setPassword("secret");
      session.setConfig("StrictHostKeyChecking", "no");
      session.connect(TIMEOUT_MILLIS);
      int local = session.setPortForwardingL("127.0.0.1", 0, "127.0.0.1", database.getLocalPort());
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), local)) {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        // JSch closes the local socket: the reader sees the end of the stream, not an error.
        assertThat(new String(socket.getInputStream().readAllBytes(), UTF_8)).isEqualTo("db re");
      }
      ForwardingEnded end =
          host.journal().await(ForwardingEnded.class, 1, Duration.ofSeconds(10)).get(0);
      assertThat(end.bytesFromDestination()).isEqualTo(5);
      // end::fault[]
      session.disconnect();
      greeter.join(TIMEOUT_MILLIS);
    }
  }

  @Test
  void refusesATunnelWithTheCodeAFaultGives(FakeSshHost host) throws Exception {
    try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      host.user("app", "secret")
          .allowForwarding("app", TunnelDestination.socket(database.getLocalPort()));
      // tag::fault-refused[]
      host.faults()
          .add(
              Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE)
                  .at(Stage.FORWARDING)
                  .forUser("app"));

      try (SSHClient ssh = new SSHClient()) {
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.setTimeout(TIMEOUT_MILLIS);
        ssh.connect(host.host(), host.port());
        ssh.authPassword("app", "secret");

        assertThatThrownBy(() -> ssh.newDirectConnection("127.0.0.1", database.getLocalPort()))
            .isInstanceOf(OpenFailException.class)
            .extracting(e -> ((OpenFailException) e).getReason())
            .isEqualTo(OpenFailException.Reason.RESOURCE_SHORTAGE);
      }
      Forwarding refused = verify(host, once()).refusedForwarding().get(0);
      assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(4));
      assertThat(refused.reason())
          .isEqualTo(
              "a fault refused the tunnel to socket(127.0.0.1:" + database.getLocalPort() + ")");
      // end::fault-refused[]
    }
  }

  @Test
  void forwardsAPortOfTheHostToTheClientsService(FakeSshHost host) throws Exception {
    // tag::remote[]
    // The service the code under test offers through the host: a socket on its side, on loopback.
    try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread greeter = answerOnce(service, "agent ready\n");
      host.user("agent", "secret").allowRemoteForwarding("agent");

      // The code under test, say: ssh -R 0:127.0.0.1:<service port>, the host choosing the port.
      try (SSHClient ssh = new SSHClient()) {
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.setTimeout(TIMEOUT_MILLIS);
        ssh.connect(host.host(), host.port());
        ssh.authPassword("agent", "secret");
        Forward forward =
            ssh.getRemotePortForwarder()
                .bind(
                    new Forward("localhost", 0),
                    new SocketForwardingConnectListener(
                        new InetSocketAddress("127.0.0.1", service.getLocalPort())));

        // The test reaches the client's service through the port the host bound.
        RemoteForwarding bound = verify(host, once()).remoteForwardings().get(0);
        assertThat(bound.bound().getPort()).isEqualTo(forward.getPort());
        try (Socket socket = new Socket()) {
          socket.connect(bound.bound(), TIMEOUT_MILLIS);
          socket.setSoTimeout(TIMEOUT_MILLIS);
          assertThat(new String(socket.getInputStream().readNBytes(12), UTF_8))
              .isEqualTo("agent ready\n");
        }
      }
      greeter.join(TIMEOUT_MILLIS);
      // end::remote[]

      // tag::verify-remote[]
      ForwardedConnectionEnded end =
          host.journal().await(ForwardedConnectionEnded.class, 1, Duration.ofSeconds(10)).get(0);
      assertThat(end.bytesFromClient()).isEqualTo(12);
      // end::verify-remote[]
    }
  }

  @Test
  void refusesRemoteForwardingToAUserNotAllowed(FakeSshHost host) throws Exception {
    host.user("agent", "secret");
    // tag::remote-refused[]
    try (SSHClient ssh = new SSHClient()) {
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.setTimeout(TIMEOUT_MILLIS);
      ssh.connect(host.host(), host.port());
      ssh.authPassword("agent", "secret");

      assertThatThrownBy(
              () ->
                  ssh.getRemotePortForwarder()
                      .bind(
                          new Forward("localhost", 0),
                          new SocketForwardingConnectListener(
                              new InetSocketAddress("127.0.0.1", 8080))))
          .isInstanceOf(ConnectionException.class); // SSH_MSG_REQUEST_FAILURE
    }
    RemoteForwarding refused = verify(host, once()).refusedRemoteForwarding().get(0);
    assertThat(refused.reason())
        .isEqualTo("user \"agent\" may not forward remote ports;"
            + " allow it with FakeSshHost.allowRemoteForwarding(user)");
    // end::remote-refused[]
  }

  @Test
  void reachesAnInnerHostThroughABastion(FakeSshHost bastion, FakeSshHost inner)
      throws Exception {
    // tag::jump[]
    inner.user("alice", "secret").command("hostname").replies("inner\n");
    bastion.user("alice", "secret").allowForwarding("alice", TunnelDestination.host(inner));

    // The code under test, say: ProxyJump bastion, to the host it calls "inner".
    try (SSHClient jump = login(new SSHClient(), bastion.host(), bastion.port());
        DirectConnection hop = jump.newDirectConnection("inner", 22);
        SSHClient ssh = new SSHClient()) {
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.connectVia(hop);
      ssh.authPassword("alice", "secret");
      try (net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession()) {
        Command hostname = session.exec("hostname");
        assertThat(new String(hostname.getInputStream().readAllBytes(), UTF_8))
            .isEqualTo("inner\n");
      }
    }

    // One chain: the bastion's tunnel is the inner host's connection.
    Forwarding tunnel = verify(bastion, once()).forwardedTo(TunnelDestination.host(inner)).get(0);
    int connection = inner.connectionVia(tunnel).orElseThrow();
    assertThat(inner.journal().eventsOf(connection)).isNotEmpty();
    verify(inner, once()).ranCommand("hostname");
    // end::jump[]
  }

  @Test
  void aBastionWhoseInnerHopFails(FakeSshHost bastion, FakeSshHost inner) throws Exception {
    bastion.user("alice", "secret").allowForwarding("alice", TunnelDestination.host(inner));
    // tag::inner-down[]
    inner.stop();   // the inner host is down: the bastion cannot reach it

    try (SSHClient jump = login(new SSHClient(), bastion.host(), bastion.port())) {
      assertThatThrownBy(() -> jump.newDirectConnection("inner", 22))
          .isInstanceOf(OpenFailException.class)
          .extracting(e -> ((OpenFailException) e).getReason())
          .isEqualTo(OpenFailException.Reason.CONNECT_FAILED);
    }
    Forwarding refused = verify(bastion, once()).refusedForwarding().get(0);
    assertThat(refused.destination()).isEqualTo("host(inner)");
    assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(2));    // SSH_OPEN_CONNECT_FAILED
    // end::inner-down[]
  }

  private static SSHClient login(SSHClient ssh, String host, int port) throws IOException {
    ssh.addHostKeyVerifier(new PromiscuousVerifier());
    ssh.setTimeout(TIMEOUT_MILLIS);
    ssh.connect(host, port);
    ssh.authPassword("alice", "secret");
    return ssh;
  }

  /** Accepts one connection on {@code socket} and sends it {@code text}. */
  private static Thread answerOnce(ServerSocket socket, String text) {
    Thread thread =
        new Thread(
            () -> {
              try (Socket client = socket.accept();
                  OutputStream out = client.getOutputStream()) {
                out.write(text.getBytes(UTF_8));
                out.flush();
                client.getInputStream().read(); // until the client closes
              } catch (IOException e) {
                // the test fails on what it read
              }
            },
            "database-1");
    thread.start();
    return thread;
  }
}
