package io.github.sshfaults.sshd.tunnel;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.ForwardingEnded;
import io.github.sshfaults.sshd.testclients.EchoServer;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.TunnelClient;
import io.github.sshfaults.sshd.testclients.TunnelClient.DirectStream;
import io.github.sshfaults.sshd.testclients.TunnelClient.LocalForward;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Local forwarding ({@code direct-tcpip}) with each client library, as its users forward a port:
 * real bytes through the host to a socket the test opened, only to the destinations a user is
 * allowed, refusals with the right reason code, and the journal's account of each tunnel.
 */
@Timeout(60)
class LocalForwardingTest {

  private static final int ADMINISTRATIVELY_PROHIBITED = 1;
  private static final int CONNECT_FAILED = 2;
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
  @EnumSource(TunnelClient.class)
  void carriesBytesBothWaysThroughAForwardedLocalPortToTheTestsSocket(TunnelClient client)
      throws Exception {
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));
    byte[] sent = randomBytes(100_000);

    try (LocalForward forward = client.forwardLocalPort(alice(), "127.0.0.1", echo.port());
        Socket socket = new Socket()) {
      socket.connect(forward.local(), (int) WAIT.toMillis());
      socket.setSoTimeout((int) WAIT.toMillis());
      assertThat(echoThrough(socket.getInputStream(), socket.getOutputStream(), sent))
          .isEqualTo(sent);
    }

    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesToDestination()).isEqualTo(sent.length);
    assertThat(end.bytesFromDestination()).isEqualTo(sent.length);
    assertThat(end.destination()).isEqualTo("socket(127.0.0.1:" + echo.port() + ")");
    Forwarding opened =
        verify(host, once()).forwardedTo(TunnelDestination.socket(echo.port())).get(0);
    assertThat(opened.user()).isEqualTo("alice");
    assertThat(opened.requested()).isEqualTo("127.0.0.1:" + echo.port());
    assertThat(opened.reasonCode()).isEmpty();
    assertThat(echo.echoed()).isEqualTo(sent.length);
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void carriesBytesBothWaysThroughOneDirectChannel(TunnelClient client) throws Exception {
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));
    byte[] sent = randomBytes(50_000);

    try (DirectStream tunnel = client.openDirect(alice(), "127.0.0.1", echo.port())) {
      assertThat(echoThrough(tunnel.in(), tunnel.out(), sent)).isEqualTo(sent);
    }

    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesToDestination()).isEqualTo(sent.length);
    assertThat(end.bytesFromDestination()).isEqualTo(sent.length);
    verify(host, once()).forwardedTo(TunnelDestination.socket(echo.port()));
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void resolvesLocalhostToTheTestsSocketWithoutALookup(TunnelClient client) throws Exception {
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));

    try (DirectStream tunnel = client.openDirect(alice(), "localhost", echo.port())) {
      assertThat(echoThrough(tunnel.in(), tunnel.out(), "ping".getBytes()))
          .isEqualTo("ping".getBytes());
    }

    assertThat(
            verify(host, once())
                .forwardedTo(TunnelDestination.socket(echo.port()))
                .get(0)
                .requested())
        .isEqualTo("localhost:" + echo.port());
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void refusesADestinationTheUserMayNotReachWithAdministrativelyProhibited(TunnelClient client)
      throws Exception {
    try (EchoServer other = EchoServer.start()) {
      host.allowForwarding("alice", TunnelDestination.socket(echo.port()));

      Throwable thrown =
          catchThrowable(() -> client.openDirect(alice(), "127.0.0.1", other.port()).close());

      assertRefused(client, thrown, ADMINISTRATIVELY_PROHIBITED);
      Forwarding refused = verify(host, once()).refusedForwarding().get(0);
      assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(ADMINISTRATIVELY_PROHIBITED));
      assertThat(refused.requested()).isEqualTo("127.0.0.1:" + other.port());
      assertThat(refused.reason())
          .isEqualTo(
              "user \"alice\" may not forward to \"127.0.0.1:"
                  + other.port()
                  + "\"; allowed: socket(127.0.0.1:"
                  + echo.port()
                  + ")");
      assertThat(other.accepted()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void neverConnectsOutsideLoopbackWhateverTheClientAsksFor(TunnelClient client) throws Exception {
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));

    for (String outside : List.of("10.0.0.1", "example.com", "0.0.0.0", "127.0.0.2")) {
      Throwable thrown =
          catchThrowable(() -> client.openDirect(alice(), outside, echo.port()).close());
      assertRefused(client, thrown, ADMINISTRATIVELY_PROHIBITED);
    }

    assertThat(host.journal().events(Forwarding.class))
        .extracting(Forwarding::requested)
        .containsExactly(
            "10.0.0.1:" + echo.port(),
            "example.com:" + echo.port(),
            "0.0.0.0:" + echo.port(),
            "127.0.0.2:" + echo.port());
    verify(host, never()).forwardedTo(TunnelDestination.socket(echo.port()));
    assertThat(echo.accepted()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void refusesAUserWithoutForwardingPermission(TunnelClient client) throws Exception {
    host.allowForwarding("bob", TunnelDestination.socket(echo.port()));

    Throwable thrown =
        catchThrowable(() -> client.openDirect(alice(), "127.0.0.1", echo.port()).close());

    assertRefused(client, thrown, ADMINISTRATIVELY_PROHIBITED);
    assertThat(verify(host, once()).refusedForwarding().get(0).reason())
        .startsWith("user \"alice\" may not forward (asked for \"127.0.0.1:" + echo.port() + "\")");
    assertThat(echo.accepted()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void refusesWithConnectFailedWhenTheDestinationDoesNotAccept(TunnelClient client)
      throws Exception {
    int closedPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = gone.getLocalPort();
    }
    host.allowForwarding("alice", TunnelDestination.socket(closedPort));

    Throwable thrown =
        catchThrowable(() -> client.openDirect(alice(), "127.0.0.1", closedPort).close());

    assertRefused(client, thrown, CONNECT_FAILED);
    Forwarding refused = verify(host, once()).refusedForwarding().get(0);
    assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(CONNECT_FAILED));
    assertThat(refused.destination()).isEqualTo("socket(127.0.0.1:" + closedPort + ")");
    assertThat(refused.reason())
        .startsWith("socket(127.0.0.1:" + closedPort + ") refused the connection");
  }

  @Test
  void resetForgetsForwardingAllowedAfterTheBaseline() throws Exception {
    host.markBaseline();
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));
    host.reset();

    Throwable thrown =
        catchThrowable(
            () -> TunnelClient.MINA.openDirect(alice(), "127.0.0.1", echo.port()).close());

    assertRefused(TunnelClient.MINA, thrown, ADMINISTRATIVELY_PROHIBITED);
  }

  @Test
  void acceptsOnlyLoopbackSocketsAsDestinationsNamingTheBadAddress() {
    assertThatThrownBy(() -> TunnelDestination.socket(new InetSocketAddress(5432)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a tunnel destination must be a socket the test opened on 127.0.0.1 or ::1, with a"
                + " port from 1 to 65535, but was 0.0.0.0/0.0.0.0:5432; bind the socket to"
                + " loopback, as in new ServerSocket(0, 50, InetAddress.getLoopbackAddress())");
    assertThatThrownBy(
            () -> TunnelDestination.socket(InetSocketAddress.createUnresolved("db", 5432)))
        .hasMessageContaining("but was db/<unresolved>:5432");
    assertThatThrownBy(
            () ->
                TunnelDestination.socket(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 80)))
        .hasMessageContaining("but was /10.0.0.1:80");
    assertThatThrownBy(
            () ->
                TunnelDestination.socket(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 80)))
        .hasMessageContaining("but was /127.0.0.2:80");
    assertThatThrownBy(() -> TunnelDestination.socket(0)).hasMessageContaining("destination port");
    assertThat(TunnelDestination.socket(new InetSocketAddress("::1", 80)))
        .hasToString("socket([0:0:0:0:0:0:0:1]:80)");
    assertThatThrownBy(() -> host.allowForwarding("alice", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tunnel destination");
  }

  static void assertRefused(TunnelClient client, Throwable thrown, int reasonCode) {
    assertThat(thrown).as("what %s threw", client).isNotNull();
    switch (client) {
      case MINA ->
          assertThat(thrown)
              .hasCauseInstanceOf(SshChannelOpenException.class)
              .extracting(t -> ((SshChannelOpenException) t.getCause()).getReasonCode())
              .isEqualTo(reasonCode);
      case SSHJ ->
          assertThat(thrown)
              .isInstanceOf(net.schmizz.sshj.connection.channel.OpenFailException.class)
              .extracting(
                  t ->
                      ((net.schmizz.sshj.connection.channel.OpenFailException) t)
                          .getReason()
                          .getCode())
              .isEqualTo(reasonCode);
      // JSch reports no reason code: the journal holds it.
      case JSCH ->
          assertThat(thrown)
              .isInstanceOf(com.jcraft.jsch.JSchException.class)
              .hasMessageContaining("channel is not opened");
    }
  }

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }

  /**
   * Reads {@code n} bytes, or fewer at the end of the stream. Not {@code readNBytes}: its last,
   * empty read blocks on sshj's channel streams.
   */
  static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] bytes = new byte[n];
    int read = 0;
    while (read < n) {
      int got = in.read(bytes, read, n - read);
      if (got < 0) {
        return java.util.Arrays.copyOf(bytes, read);
      }
      read += got;
    }
    return bytes;
  }

  /** Writes {@code sent} from one thread while reading as many bytes back on this one. */
  static byte[] echoThrough(InputStream in, OutputStream out, byte[] sent) throws Exception {
    Thread writer =
        new Thread(
            () -> {
              try {
                out.write(sent);
                out.flush();
              } catch (IOException e) {
                // the read below fails too
              }
            },
            "test-tunnel-writer");
    writer.start();
    try {
      return readFully(in, sent.length);
    } finally {
      writer.join(WAIT.toMillis());
    }
  }
}
