package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import io.github.sshfaults.sshd.testclients.TcpRelay;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Network-level controls on a running host. */
class NetworkControlsTest {

  private static final ExecResult ID = new ExecResult("uid=1000\n", "", 0);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret").command("id").replies("uid=1000\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  private Login alice(Duration timeout) {
    return Login.password(host, "alice", "secret").withTimeout(timeout);
  }

  @Test
  void partitionStallsAnOpenSessionAndHealResumesIt() throws Exception {
    try (MinaSession session = MinaSession.open(alice(SshClientLibrary.TIMEOUT))) {
      host.partition();
      assertThatThrownBy(() -> session.exec("id", Duration.ofMillis(500)))
          .isInstanceOf(Exception.class);
      assertThat(session.hasEnded()).isFalse();

      host.heal();

      assertThat(session.exec("id")).isEqualTo(ID);
    }
  }

  @Test
  void partitionHoldsNewConnectionsSilentUntilHealed() throws Exception {
    host.partition();
    try (Socket socket = new Socket(host.host(), host.port())) {
      socket.getOutputStream().write(RawProbe.CLIENT_IDENTIFICATION.getBytes());
      socket.setSoTimeout(300);
      InputStream in = socket.getInputStream();
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

      host.heal();

      socket.setSoTimeout((int) SshClientLibrary.TIMEOUT.toMillis());
      assertThat(new String(in.readNBytes(8), StandardCharsets.US_ASCII)).isEqualTo("SSH-2.0-");
    }
  }

  @Test
  void partitionedHostFailsNewClientsAtTheirTimeout() {
    host.partition();

    assertThatThrownBy(() -> SshClientLibrary.MINA.exec(alice(Duration.ofMillis(500)), "id"))
        .isInstanceOf(Exception.class);
  }

  @Test
  void dropAllSessionsClosesEveryOpenSessionWithoutGoodbye() throws Exception {
    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession one = MinaSession.open(relay.relaying(alice(Duration.ofSeconds(5))));
        MinaSession two = MinaSession.open(alice(Duration.ofSeconds(5)))) {
      host.dropAllSessions();

      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.FIN);
      assertThat(one.awaitEnd().disconnectReason()).isNull();
      assertThat(two.awaitEnd().disconnectReason()).isNull();
    }
    assertThat(SshClientLibrary.MINA.exec(alice(Duration.ofSeconds(5)), "id")).isEqualTo(ID);
  }

  @Test
  void stoppedHostRefusesConnectionsAndEndsOpenSessions() throws Exception {
    try (MinaSession session = MinaSession.open(alice(Duration.ofSeconds(5)))) {
      host.stop();

      assertThat(host.isRunning()).isFalse();
      assertThat(session.awaitEnd().disconnectReason()).isNull();
      assertThat(RawProbe.probe(host.host(), host.port(), Duration.ofMillis(500)).ending())
          .isEqualTo(Ending.REFUSED);
    }
  }

  @Test
  void restartedHostListensOnTheSamePortWithTheSameKey() throws Exception {
    int port = host.port();
    String knownHosts = host.knownHostsLine();
    host.stop();

    host.restart();

    assertThat(host.isRunning()).isTrue();
    assertThat(host.port()).isEqualTo(port);
    assertThat(SshClientLibrary.MINA.exec(alice(Duration.ofSeconds(5)).trusting(knownHosts), "id"))
        .isEqualTo(ID);
  }

  @Test
  void restartEndsOpenSessionsAndKeepsCountingConnections() throws Exception {
    host.faults().add(Fault.resetConnection().onConnection(3));
    try (MinaSession session = MinaSession.open(alice(Duration.ofSeconds(5)))) {
      assertThat(RawProbe.firstSign(host.host(), host.port(), SshClientLibrary.TIMEOUT).received())
          .startsWith("SSH-2.0-");

      host.restart();

      assertThat(session.awaitEnd().disconnectReason()).isNull();
    }
    assertThat(RawProbe.probe(host.host(), host.port(), SshClientLibrary.TIMEOUT).ending())
        .isEqualTo(Ending.RESET);
  }

  @Test
  void refusalOutlivesARestart() throws Exception {
    host.faults().add(Fault.refuse());

    host.restart();

    assertThat(RawProbe.probe(host.host(), host.port(), Duration.ofMillis(300)).ending())
        .isEqualTo(Ending.REFUSED);
    host.faults().clear();
    assertThat(SshClientLibrary.MINA.exec(alice(Duration.ofSeconds(5)), "id")).isEqualTo(ID);
  }

  @Test
  void closedHostCannotRestart() {
    host.close();

    assertThatIllegalStateException()
        .isThrownBy(host::restart)
        .withMessage("cannot restart " + host + ": it is closed");
  }
}
