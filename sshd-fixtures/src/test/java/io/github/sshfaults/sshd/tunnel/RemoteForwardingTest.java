package io.github.sshfaults.sshd.tunnel;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static io.github.sshfaults.sshd.tunnel.LocalForwardingTest.echoThrough;
import static io.github.sshfaults.sshd.tunnel.LocalForwardingTest.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.ForwardedConnectionEnded;
import io.github.sshfaults.sshd.journal.RemoteForwarding;
import io.github.sshfaults.sshd.testclients.EchoServer;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RemoteTunnelClient;
import io.github.sshfaults.sshd.testclients.RemoteTunnelClient.RemoteForward;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote forwarding ({@code tcpip-forward}) with each client library, as its users forward a port:
 * the host binds loopback for an allowed user only, reports the bound port to the client and the
 * test, carries real bytes from a socket the test connects to that port through the client to a
 * socket the test opened, and releases the port on cancel and at the end of the session.
 */
@Timeout(60)
class RemoteForwardingTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeSshHost host;
  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    echo = EchoServer.start();
    host = FakeSshHost.start();
    host.user("alice", "secret").user("bob", "secret");
  }

  @AfterEach
  void close() throws IOException {
    host.close();
    echo.close();
  }

  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  @ParameterizedTest
  @EnumSource(RemoteTunnelClient.class)
  void carriesBytesFromAConnectionToTheBoundPortThroughTheClientToItsTarget(
      RemoteTunnelClient client) throws Exception {
    host.allowRemoteForwarding("alice");
    byte[] sent = randomBytes(100_000);
    int bound;

    try (RemoteForward forward = client.forwardRemotePort(alice(), "localhost", 0, echo.port())) {
      RemoteForwarding forwarding = verify(host, once()).remoteForwardings().get(0);
      bound = forwarding.bound().getPort();
      assertThat(bound).as("the port the client heard").isEqualTo(forward.port()).isPositive();
      assertThat(forwarding.bound().getAddress().isLoopbackAddress()).isTrue();
      // JSch sends 127.0.0.1 for localhost.
      assertThat(forwarding.requested()).isIn("localhost:0", "127.0.0.1:0");
      assertThat(forwarding.user()).isEqualTo("alice");
      try (Socket socket = new Socket()) {
        socket.connect(forwarding.bound(), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        assertThat(echoThrough(socket.getInputStream(), socket.getOutputStream(), sent))
            .isEqualTo(sent);
      }
      ForwardedConnectionEnded end =
          host.journal().await(ForwardedConnectionEnded.class, 1, WAIT).get(0);
      assertThat(end.opened()).isTrue();
      assertThat(end.bytesToClient()).isEqualTo(sent.length);
      assertThat(end.bytesFromClient()).isEqualTo(sent.length);
      assertThat(end.bound().getPort()).isEqualTo(bound);
      assertThat(end.user()).isEqualTo("alice");
    }

    assertThat(echo.echoed()).isEqualTo(sent.length);
    awaitNothingListensOn(bound);
  }

  @ParameterizedTest
  @EnumSource(RemoteTunnelClient.class)
  void bindsLoopbackWhateverAddressTheClientNames(RemoteTunnelClient client) throws Exception {
    host.allowRemoteForwarding("alice");

    try (RemoteForward forward = client.forwardRemotePort(alice(), "0.0.0.0", 0, echo.port())) {
      RemoteForwarding forwarding = verify(host, once()).remoteForwardings().get(0);
      assertThat(forwarding.bound().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(forwarding.requested()).isEqualTo("0.0.0.0:0");
      try (Socket socket = new Socket()) {
        socket.connect(forwarding.bound(), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        assertThat(echoThrough(socket.getInputStream(), socket.getOutputStream(), "ping".getBytes()))
            .isEqualTo("ping".getBytes());
      }
    }
  }

  // JSch is left out: its forwarding configuration string cannot carry an IPv6 address.
  @ParameterizedTest
  @EnumSource(names = {"MINA", "SSHJ"})
  void bindsIpv6LoopbackWhenTheClientNamesAnIpv6Address(RemoteTunnelClient client)
      throws Exception {
    host.allowRemoteForwarding("alice");

    try (RemoteForward forward = client.forwardRemotePort(alice(), "::", 0, echo.port())) {
      RemoteForwarding forwarding = verify(host, once()).remoteForwardings().get(0);
      assertThat(forwarding.bound().getAddress().getHostAddress()).isIn("::1", "0:0:0:0:0:0:0:1");
      assertThat(forwarding.bound().getPort()).isEqualTo(forward.port());
      try (Socket socket = new Socket()) {
        socket.connect(forwarding.bound(), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        assertThat(echoThrough(socket.getInputStream(), socket.getOutputStream(), "ping".getBytes()))
            .isEqualTo("ping".getBytes());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(RemoteTunnelClient.class)
  void refusesAUserWithoutRemoteForwardingPermission(RemoteTunnelClient client) {
    host.allowRemoteForwarding("bob");

    Throwable thrown =
        catchThrowable(() -> client.forwardRemotePort(alice(), "localhost", 0, echo.port()));

    assertThat(thrown)
        .as("what %s threw", client)
        .isInstanceOf(
            switch (client) {
              case MINA -> org.apache.sshd.common.SshException.class;
              case JSCH -> com.jcraft.jsch.JSchException.class;
              case SSHJ -> net.schmizz.sshj.connection.ConnectionException.class;
            });
    RemoteForwarding refused = verify(host, once()).refusedRemoteForwarding().get(0);
    assertThat(refused.user()).isEqualTo("alice");
    assertThat(refused.bound()).isNull();
    assertThat(refused.reason())
        .contains("\"alice\"")
        .contains("FakeSshHost.allowRemoteForwarding(user)");
    verify(host, never()).remoteForwardings();
  }

  @ParameterizedTest
  @EnumSource(RemoteTunnelClient.class)
  void releasesThePortOnCancelAndAtTheEndOfTheSession(RemoteTunnelClient client)
      throws Exception {
    host.allowRemoteForwarding("alice");

    try (RemoteForward forward = client.forwardRemotePort(alice(), "127.0.0.1", 0, echo.port())) {
      assertAccepting(forward.port());
      forward.cancel().run();
      awaitNothingListensOn(forward.port());
    }
    int second;
    try (RemoteForward forward = client.forwardRemotePort(alice(), "127.0.0.1", 0, echo.port())) {
      second = forward.port();
      assertAccepting(second);
    }
    awaitNothingListensOn(second);
    verify(host, times(2)).remoteForwardings();
  }

  @Test
  void closesTheConnectionToTheBoundPortWhenTheClientRefusesTheChannel() throws Exception {
    host.allowRemoteForwarding("alice");

    try (RemoteForward forward =
            RemoteTunnelClient.mina(alice(), "localhost", 0, echo.port(), false);
        Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), forward.port()),
          (int) WAIT.toMillis());
      socket.setSoTimeout((int) WAIT.toMillis());
      assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
    }

    ForwardedConnectionEnded end =
        host.journal().await(ForwardedConnectionEnded.class, 1, WAIT).get(0);
    assertThat(end.opened()).isFalse();
    assertThat(end.bytesFromClient()).isZero();
    assertThat(echo.accepted()).isZero();
  }

  @Test
  void refusesAPortThatIsTakenAndSaysWhy() throws Exception {
    host.allowRemoteForwarding("alice");

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Throwable thrown =
          catchThrowable(
              () ->
                  RemoteTunnelClient.MINA.forwardRemotePort(
                      alice(), "127.0.0.1", taken.getLocalPort(), echo.port()));
      assertThat(thrown).isInstanceOf(org.apache.sshd.common.SshException.class);
      assertThat(verify(host, once()).refusedRemoteForwarding().get(0).reason())
          .startsWith("could not bind 127.0.0.1:" + taken.getLocalPort() + " on loopback");
    }
  }

  @Test
  void releasesThePortWhenTheHostClosesUnderAnOpenSession() throws Exception {
    host.allowRemoteForwarding("alice");

    try (RemoteForward forward =
        RemoteTunnelClient.MINA.forwardRemotePort(alice(), "localhost", 0, echo.port())) {
      assertAccepting(forward.port());
      host.close();
      awaitNothingListensOn(forward.port());
    }
  }

  @Test
  void bindsTheRequestedPortWhenItIsFree() throws Exception {
    host.allowRemoteForwarding("alice");
    int free;
    try (ServerSocket probe =
        new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }

    try (RemoteForward forward =
        RemoteTunnelClient.MINA.forwardRemotePort(alice(), "127.0.0.1", free, echo.port())) {
      assertThat(forward.port()).isEqualTo(free);
      assertThat(verify(host, once()).remoteForwardings().get(0).bound().getPort())
          .isEqualTo(free);
    }
    awaitNothingListensOn(free);
  }

  @Test
  void resetForgetsRemoteForwardingAllowedAfterTheBaseline() throws Exception {
    host.markBaseline();
    host.allowRemoteForwarding("alice");
    host.reset();

    assertThat(
            catchThrowable(
                () ->
                    RemoteTunnelClient.MINA.forwardRemotePort(
                        alice(), "localhost", 0, echo.port())))
        .isNotNull();
    verify(host, once()).refusedRemoteForwarding();
  }

  @Test
  void rejectsABlankUserNameAtConfigurationTime() {
    assertThatThrownBy(() -> host.allowRemoteForwarding(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user name");
  }

  private static void assertAccepting(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) WAIT.toMillis());
    }
  }

  // The leak check: once released, a connection to the port is refused.
  private static void awaitNothingListensOn(int port) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(catchThrowable(() -> assertAccepting(port)))
                    .as("a connection to the released port %d", port)
                    .isInstanceOf(ConnectException.class));
  }
}
