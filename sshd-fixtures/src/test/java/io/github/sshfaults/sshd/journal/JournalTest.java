package io.github.sshfaults.sshd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A journal's bounds, waits, and how it tells who ended a connection. */
class JournalTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void awaitsConnectionsAndReturnsThem() throws Exception {
    new Socket(host.host(), host.port()).close();
    new Socket(host.host(), host.port()).close();

    assertThat(host.journal().awaitConnections(2)).hasSize(2);
    assertThat(host.journal().awaitClosedConnections(2))
        .extracting(ConnectionClosed::connection)
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void failsAwaitingWithTheHostAndWhatItSaw() throws Exception {
    new Socket(host.host(), host.port()).close();
    host.journal().awaitConnections(1);

    assertThatThrownBy(() -> host.journal().awaitConnections(2, Duration.ofMillis(200)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessageStartingWith(
            "Waited 200 ms for at least 2 ConnectionAccepted events on "
                + host
                + "; last value: 1; journal of "
                + host)
        .hasMessageContaining("connection-accepted peer=\"127.0.0.1:");
  }

  @Test
  void rejectsAwaitingNothingOrForever() {
    assertThatThrownBy(() -> host.journal().awaitCommands(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("number of CommandRun events to await must be at least 1, but was 0");
    assertThatThrownBy(() -> host.journal().awaitCommands(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("await timeout must be longer than zero, but was PT0S");
  }

  @Test
  void recordsTheClientIdentificationAndAServerSideCloseOnAFailedKeyExchange() throws Exception {
    try (Socket socket = new Socket(host.host(), host.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("SSH-2.0-RawProbe_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(kexInitWithNoCommonAlgorithm());
      out.flush();
      InputStream in = socket.getInputStream();
      while (in.read() != -1) {
        // drain until the host hangs up
      }
    }

    ConnectionClosed closed = host.journal().awaitClosedConnections(1).get(0);
    assertThat(host.journal().events(ClientIdentified.class))
        .extracting(ClientIdentified::identification)
        .containsExactly("SSH-2.0-RawProbe_1.0");
    assertThat(closed.by()).isEqualTo(Initiator.SERVER);
  }

  /**
   * A well-formed SSH_MSG_KEXINIT that offers only algorithms nobody implements: the host can only
   * give up. (Malformed bytes would not do: MINA SSHD answers an unknown message type with
   * SSH_MSG_UNIMPLEMENTED, and a bad packet length by reading on before it disconnects.)
   */
  private static byte[] kexInitWithNoCommonAlgorithm() {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(20); // SSH_MSG_KEXINIT
    payload.writeBytes(new byte[16]); // cookie
    for (int list = 0; list < 10; list++) { // kex, host key, ciphers, MACs, compression, languages
      byte[] names =
          (list < 8 ? "none-of-these@sshfaults" : "").getBytes(StandardCharsets.US_ASCII);
      payload.writeBytes(ByteBuffer.allocate(4).putInt(names.length).array());
      payload.writeBytes(names);
    }
    payload.write(0); // first_kex_packet_follows
    payload.writeBytes(new byte[4]); // reserved
    int padding = 8 - (payload.size() + 5) % 8 + 8;
    ByteBuffer packet = ByteBuffer.allocate(4 + 1 + payload.size() + padding);
    packet.putInt(1 + payload.size() + padding).put((byte) padding).put(payload.toByteArray());
    return packet.array();
  }

  @Test
  void attributesConnectionsCutByClosingTheHostToTheServer() throws Exception {
    host.user("alice", "secret");
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client
              .connect("alice", host.host(), host.port())
              .verify(SshClientLibrary.TIMEOUT)
              .getSession()) {
        session.addPasswordIdentity("secret");
        session.auth().verify(SshClientLibrary.TIMEOUT);

        host.close();

        assertThat(host.journal().closedConnections())
            .singleElement()
            .satisfies(
                closed -> {
                  assertThat(closed.by()).isEqualTo(Initiator.SERVER);
                  assertThat(closed.detail()).isEqualTo("host closed");
                });
      }
    }
  }

  @Test
  void recordsWhatTheClientSaidWhenItDisconnects() throws Exception {
    host.user("alice", "secret").command("true").replies("");

    SshClientLibrary.SSHJ.exec(Login.password(host, "alice", "secret"), "true");

    host.journal().awaitClosedConnections(1);
    assertThat(host.journal().events(Disconnect.class))
        .singleElement()
        .satisfies(
            disconnect -> {
              assertThat(disconnect.by()).isEqualTo(Initiator.CLIENT);
              assertThat(disconnect.reason()).isEqualTo(DisconnectReason.BY_APPLICATION);
              assertThat(disconnect.reasonCode()).isEqualTo(11);
            });
    assertThat(host.journal().closedConnections().get(0).detail())
        .isEqualTo("client sent SSH_DISCONNECT_BY_APPLICATION");
  }

  @Test
  void keepsCountsPastItsCapacityAndSaysSo() throws Exception {
    try (FakeSshHost small = FakeSshHost.builder().journalCapacity(3).start()) {
      for (int i = 0; i < 3; i++) {
        new Socket(small.host(), small.port()).close();
      }
      small.journal().awaitClosedConnections(3);

      assertThat(small.journal().events()).hasSize(3);
      assertThat(small.journal().dropped()).isEqualTo(3);
      assertThat(small.journal().count(ConnectionAccepted.class)).isEqualTo(3);
      assertThat(small.journal().count(JournalEvent.class)).isEqualTo(6);
      assertThat(small.journal().events())
          .extracting(JournalEvent::sequence)
          .containsExactly(4L, 5L, 6L);
      assertThat(small.journal().describeTail(10)).contains("6 events", "3 oldest dropped");
    }
  }

  @Test
  void startsAgainFromSequenceOneWhenCleared() throws Exception {
    new Socket(host.host(), host.port()).close();
    host.journal().awaitClosedConnections(1);

    host.journal().clear();
    new Socket(host.host(), host.port()).close();
    host.journal().awaitClosedConnections(1);

    assertThat(host.journal().events()).extracting(JournalEvent::sequence).containsExactly(1L, 2L);
    assertThat(host.journal().connections())
        .extracting(ConnectionAccepted::connection)
        .as("connection numbers keep counting: they belong to the host, not the journal")
        .containsExactly(2);
  }

  @Test
  void rejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> FakeSshHost.builder().journalCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal capacity must be at least 1, but was 0");
  }

  @Test
  void leavesOutTheLateCloseOfConnectionsFromBeforeAClear() throws Exception {
    Socket early = new Socket(host.host(), host.port());
    host.journal().awaitConnections(1);

    host.journal().clear();
    early.close();
    new Socket(host.host(), host.port()).close();
    host.journal().awaitClosedConnections(1);

    assertThat(host.journal().events())
        .extracting(JournalEvent::connection)
        .as("only the connection accepted after the clear")
        .containsOnly(2);
  }
}
