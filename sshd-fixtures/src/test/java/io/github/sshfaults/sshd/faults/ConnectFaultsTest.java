package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Causes;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.RawProbe.Observation;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The connect row of the catalog: what a raw socket and each client see right after connecting. */
class ConnectFaultsTest {

  /** How long a probe listens for a host that is meant to stay silent. */
  private static final Duration PATIENCE = Duration.ofMillis(500);

  /** The client timeout that the hang test waits for on purpose. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret").command("id").replies("uid=1000(alice)\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  // The default 10 s: a login meant to succeed, or to fail for a reason other than a timeout, must
  // not time out on a loaded machine.
  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  /** Probes until the host ends the connection; generous, as the ending is expected. */
  private Observation probe() throws IOException {
    return RawProbe.probe(host.host(), host.port(), SshClientLibrary.TIMEOUT);
  }

  /** The first bytes the host sends; generous, as they are expected. */
  private Observation firstSign() throws IOException {
    return RawProbe.firstSign(host.host(), host.port(), SshClientLibrary.TIMEOUT);
  }

  @Test
  void refusedHostHasNothingListeningUntilTheFaultIsRemoved() throws Exception {
    host.faults().add(Fault.refuse());

    assertThat(probe().ending()).isEqualTo(Ending.REFUSED);

    host.faults().clear();
    assertThat(SshClientLibrary.MINA.exec(alice(), "id").exitStatus()).isZero();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void refusedConnectionFailsWithEachClientsConnectException(SshClientLibrary client) {
    host.faults().add(Fault.refuse());

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(thrown -> assertCausedBy(thrown, ConnectException.class, "refused"));
  }

  @Test
  void refusalLeavesOpenConnectionsAlone() throws Exception {
    try (MinaSession open = MinaSession.open(alice())) {
      host.faults().add(Fault.refuse());

      assertThat(open.exec("id").stdout()).isEqualTo("uid=1000(alice)\n");
    }
  }

  @Test
  void droppedConnectionSendsAFinBeforeAnyByte() throws Exception {
    host.faults().add(Fault.dropConnection());

    assertThat(probe()).isEqualTo(new Observation("", Ending.FIN, null));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void droppedConnectionLooksLikeAServerClosingBeforeTheBanner(SshClientLibrary client) {
    host.faults().add(Fault.dropConnection());

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                  // MINA SSHD sends its key exchange right after its identification: when that
                  // crosses the FIN, the dead server's kernel resets it, and MINA reports the
                  // failed write, as against a real server killed before the banner.
                case MINA ->
                    assertThat(thrown)
                        .satisfiesAnyOf(
                            t -> assertCausedBy(t, SshException.class, "Session is being closed"),
                            t -> assertCausedBy(t, IOException.class, "Broken pipe"),
                            t -> assertCausedBy(t, IOException.class, "Connection reset by peer"));
                case JSCH ->
                    assertCausedBy(
                        thrown,
                        com.jcraft.jsch.JSchException.class,
                        "connection is closed by foreign host");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "Server closed connection during identification exchange");
              }
            });
  }

  @Test
  void droppedConnectionResetsWhatTheClientSendsAfterTheFin() throws Exception {
    host.faults().add(Fault.dropConnection());

    try (Socket socket = new Socket(host.host(), host.port())) {
      socket.setSoTimeout((int) SshClientLibrary.TIMEOUT.toMillis());
      socket.getOutputStream().write(RawProbe.CLIENT_IDENTIFICATION.getBytes(US_ASCII));
      assertThat(socket.getInputStream().read()).as("the FIN").isEqualTo(-1);

      // A dead server's kernel answers late bytes with an RST; the client learns it at its next
      // call on the socket.
      await()
          .atMost(SshClientLibrary.TIMEOUT)
          .until(
              () -> {
                try {
                  socket.getOutputStream().write(0);
                  return socket.getInputStream().read() > 0;
                } catch (SocketException e) {
                  return e.getMessage().contains("reset") || e.getMessage().contains("Broken pipe");
                }
              });
    }
  }

  @Test
  void resetBeforeTheBannerReachesMinaAtItsFirstWrite() throws Exception {
    host.faults().add(Fault.resetConnection());
    long start = System.nanoTime();

    assertThatThrownBy(() -> SshClientLibrary.MINA.exec(alice(), "id"))
        .satisfies(thrown -> Causes.assertCausedByResetAsSeenBy(SshClientLibrary.MINA, thrown));
    // At the client's identification, not at a timeout of either side.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void resetConnectionSendsAnRstBeforeAnyByte() throws Exception {
    host.faults().add(Fault.resetConnection());

    assertThat(probe()).isEqualTo(new Observation("", Ending.RESET, null));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void resetConnectionIsAConnectionResetForEachClient(SshClientLibrary client) {
    host.faults().add(Fault.resetConnection());

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(thrown -> Causes.assertCausedByResetAsSeenBy(client, thrown));
  }

  @Test
  void hungConnectionStaysOpenWithoutAByte() throws Exception {
    host.faults().add(Fault.hang());

    assertThat(RawProbe.probe(host.host(), host.port(), PATIENCE))
        .isEqualTo(new Observation("", Ending.SILENT, null));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hungConnectionFailsAtEachClientsOwnTimeout(SshClientLibrary client) {
    host.faults().add(Fault.hang());
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.exec(alice().withTimeout(CLIENT_TIMEOUT), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA -> assertCausedBy(thrown, TimeoutException.class, "Timed out");
                case JSCH -> assertCausedBy(thrown, SocketTimeoutException.class, "Read timed out");
                case SSHJ -> assertCausedBy(thrown, SocketTimeoutException.class, "Read timed out");
              }
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(CLIENT_TIMEOUT);
  }

  @Test
  void delayedBannerArrivesAfterTheDelay() throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(300)));

    Observation observation = firstSign();

    assertThat(observation.received()).startsWith("SSH-2.0-");
    assertThat(observation.firstByteAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void delayedBannerOnlySlowsEachClientDown(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();

    ExecResult result = client.exec(Login.password(host, "alice", "secret"), "id");

    assertThat(result).isEqualTo(new ExecResult("uid=1000(alice)\n", "", 0));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void resetHitsOnlyTheChosenConnection() throws Exception {
    host.faults().add(Fault.resetConnection().onConnection(2));

    assertThat(firstSign().received()).startsWith("SSH-2.0-");
    assertThat(probe().ending()).isEqualTo(Ending.RESET);
    assertThat(firstSign().received()).startsWith("SSH-2.0-");
  }

  @Test
  void failsTheFirstConnectionsThenWorks() throws Exception {
    host.faults().add(Fault.dropConnection().firstAttempts(2));

    assertThat(probe().ending()).isEqualTo(Ending.FIN);
    assertThat(probe().ending()).isEqualTo(Ending.FIN);
    assertThat(SshClientLibrary.MINA.exec(alice(), "id").exitStatus()).isZero();
  }
}
