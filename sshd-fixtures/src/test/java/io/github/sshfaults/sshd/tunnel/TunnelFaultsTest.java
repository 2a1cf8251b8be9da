package io.github.sshfaults.sshd.tunnel;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static io.github.sshfaults.sshd.tunnel.LocalForwardingTest.assertRefused;
import static io.github.sshfaults.sshd.tunnel.LocalForwardingTest.echoThrough;
import static io.github.sshfaults.sshd.tunnel.LocalForwardingTest.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
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
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults at {@link Stage#FORWARDING} on the wire, with each client library's direct channel to an
 * echo socket: refusals with each reason code, a late opening, a throttled tunnel each way, and a
 * tunnel cut after a byte count each way, by a drop or a reset of the connection.
 */
@Timeout(60)
class TunnelFaultsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeSshHost host;
  private EchoServer echo;

  @BeforeEach
  void start() throws IOException {
    echo = EchoServer.start();
    host = FakeSshHost.start();
    host.user("alice", "secret").user("bob", "secret");
    host.allowForwarding("alice", TunnelDestination.socket(echo.port()));
    host.allowForwarding("bob", TunnelDestination.socket(echo.port()));
  }

  @AfterEach
  void close() throws IOException {
    host.close();
    echo.close();
  }

  private Login login(String user) {
    return Login.password(host, user, "secret");
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void refusesAnAllowedTunnelWithEachReasonCodeForTheUserTheFaultNames(TunnelClient client)
      throws Exception {
    for (ChannelOpenFailure reason : ChannelOpenFailure.values()) {
      host.faults().clear();
      host.journal().clear();
      host.faults().add(Fault.rejectChannelOpen(reason).at(Stage.FORWARDING).forUser("alice"));

      Throwable thrown =
          catchThrowable(() -> client.openDirect(login("alice"), "127.0.0.1", echo.port()).close());

      assertRefused(client, thrown, reason.code());
      Forwarding refused = verify(host, once()).refusedForwarding().get(0);
      assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(reason.code()));
      assertThat(refused.reason())
          .isEqualTo("a fault refused the tunnel to socket(127.0.0.1:" + echo.port() + ")");
    }
    assertThat(echo.accepted()).isZero();

    try (DirectStream bobs = client.openDirect(login("bob"), "127.0.0.1", echo.port())) {
      assertThat(echoThrough(bobs.in(), bobs.out(), "ping".getBytes()))
          .isEqualTo("ping".getBytes());
    }
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void opensATunnelLate(TunnelClient client) throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(400)).at(Stage.FORWARDING));

    long start = System.nanoTime();
    try (DirectStream tunnel = client.openDirect(login("alice"), "127.0.0.1", echo.port())) {
      assertThat(echoThrough(tunnel.in(), tunnel.out(), "ping".getBytes()))
          .isEqualTo("ping".getBytes());
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(400));
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void throttlesATunnelInEachDirection(TunnelClient client) throws Exception {
    for (Direction direction : Direction.values()) {
      host.faults().clear();
      host.faults()
          .add(Fault.throttle(20_000, 1000).at(Stage.FORWARDING).direction(direction));
      byte[] sent = randomBytes(12_000);

      long start = System.nanoTime();
      try (DirectStream tunnel = client.openDirect(login("alice"), "127.0.0.1", echo.port())) {
        assertThat(echoThrough(tunnel.in(), tunnel.out(), sent)).isEqualTo(sent);
      }

      // 11 of the 12 pieces wait their share of 20 kB/s: at least 550 ms.
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as(direction.toString())
          .isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void dropsTheConnectionAfterExactlyTheBytesFromTheDestination(TunnelClient client)
      throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.FORWARDING).afterBytes(4096));
    byte[] sent = randomBytes(20_000);

    Cut cut;
    try (DirectStream tunnel = client.openDirect(login("alice"), "127.0.0.1", echo.port())) {
      cut = sendAndCount(tunnel.in(), tunnel.out(), sent);
    }

    assertThat(cut.received()).isEqualTo(4096);
    assertEnded(client, cut, "Broken transport; encountered EOF");
    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesFromDestination()).isEqualTo(4096);
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void cutsWhatTheClientSendsAfterTheBytesByAReset(TunnelClient client) throws Exception {
    host.faults()
        .add(
            Fault.resetConnection()
                .at(Stage.FORWARDING)
                .afterBytes(1000)
                .direction(Direction.FROM_CLIENT));
    byte[] sent = randomBytes(20_000);

    Cut cut;
    try (DirectStream tunnel = client.openDirect(login("alice"), "127.0.0.1", echo.port())) {
      cut = sendAndCount(tunnel.in(), tunnel.out(), sent);
    }

    assertThat(cut.received()).isLessThanOrEqualTo(1000);
    assertEnded(client, cut, "Connection reset");
    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesToDestination()).isEqualTo(1000);
    // Exactly the count reached the destination before the connection ended.
    await().atMost(WAIT).untilAsserted(() -> assertThat(echo.echoed()).isEqualTo(1000));
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void resetsTheConnectionAfterTheBytesFromTheDestination(TunnelClient client) throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.FORWARDING).afterBytes(3000));
    byte[] sent = randomBytes(20_000);

    Cut cut;
    try (DirectStream tunnel = client.openDirect(login("alice"), "127.0.0.1", echo.port())) {
      cut = sendAndCount(tunnel.in(), tunnel.out(), sent);
    }

    // An RST may lose what was in flight: at most the count reaches the client.
    assertThat(cut.received()).isLessThanOrEqualTo(3000);
    assertEnded(client, cut, "Connection reset");
    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesFromDestination()).isEqualTo(3000);
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void dropsTheConnectionAfterTheBytesSentThroughAForwardedPort(TunnelClient client)
      throws Exception {
    host.faults()
        .add(
            Fault.dropConnection()
                .at(Stage.FORWARDING)
                .afterBytes(1000)
                .direction(Direction.FROM_CLIENT));
    byte[] sent = randomBytes(20_000);

    Cut cut;
    try (LocalForward forward = client.forwardLocalPort(login("alice"), "127.0.0.1", echo.port());
        Socket socket = new Socket()) {
      socket.connect(forward.local(), (int) WAIT.toMillis());
      socket.setSoTimeout(3000);
      cut = sendAndCount(socket.getInputStream(), socket.getOutputStream(), sent);
    }

    assertThat(cut.received()).isLessThanOrEqualTo(1000);
    if (client == TunnelClient.SSHJ) {
      // sshj's LocalPortForwarder leaves the application's socket open: its read times out.
      assertThat(cut.failure()).isInstanceOf(SocketTimeoutException.class);
    } else {
      assertThat(cut.failure()).as("%s closes the forwarded socket", client).isNull();
    }
    ForwardingEnded end = host.journal().await(ForwardingEnded.class, 1, WAIT).get(0);
    assertThat(end.bytesToDestination()).isEqualTo(1000);
    await().atMost(WAIT).untilAsserted(() -> assertThat(echo.echoed()).isEqualTo(1000));
    assertThat(end.reason()).isEqualTo("connection closed");
  }

  @ParameterizedTest
  @EnumSource(TunnelClient.class)
  void neverAnswersTheRequestOfAHungTunnel(TunnelClient client) throws Exception {
    host.faults().add(Fault.hang().at(Stage.FORWARDING));

    Duration timeout = Duration.ofSeconds(2);
    Login login = new Login(host.host(), host.port(), "alice", "secret", null, null, timeout);

    long start = System.nanoTime();
    Throwable thrown =
        catchThrowable(() -> client.openDirect(login, "127.0.0.1", echo.port()).close());

    // The client gave up at its own timeout: nothing ever answered.
    assertThat(thrown).as("what %s threw", client).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
    assertThat(echo.accepted()).isZero();
    assertThat(host.journal().events(Forwarding.class)).isEmpty();
  }

  /**
   * MINA SSHD's and JSch's channel streams just end when the connection does; sshj's throw, with
   * {@code sshjMessage}.
   */
  private static void assertEnded(TunnelClient client, Cut cut, String sshjMessage) {
    if (client == TunnelClient.SSHJ) {
      assertThat(cut.failure()).hasMessageContaining(sshjMessage);
    } else {
      assertThat(cut.failure()).as("how %s's stream ended", client).isNull();
    }
  }

  /** What came back through a cut tunnel, and how its stream ended (null: end of stream). */
  private record Cut(int received, IOException failure) {}

  /** Sends {@code sent} and counts the bytes that come back before the stream ends or fails. */
  private static Cut sendAndCount(InputStream in, OutputStream out, byte[] sent)
      throws InterruptedException {
    Thread writer =
        new Thread(
            () -> {
              try {
                out.write(sent);
                out.flush();
              } catch (IOException e) {
                // the tunnel is cut: what came back counts
              }
            },
            "test-tunnel-writer");
    writer.start();
    int count = 0;
    IOException failure = null;
    byte[] buffer = new byte[8192];
    try {
      for (int got; count < sent.length && (got = in.read(buffer)) >= 0; ) {
        count += got;
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      writer.join(WAIT.toMillis());
    }
    return new Cut(count, failure);
  }
}
