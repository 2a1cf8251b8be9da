package io.github.sshfaults.sshd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal, and the log beside it, say what happened and who did it, and never let what a
 * client sent act on the terminal that shows them.
 */
class TruthfulJournalTest {

  /** A banner that would clear a terminal, ring its bell, and claim success. */
  private static final String TERMINAL_REWRITING_BANNER = "SSH-2.0-\u001b[2J\u0007ALL TESTS PASSED";

  /** Any character that acts on a terminal, line breaks aside. */
  private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");

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
  void escapesWhatClientsSentInEveryRenderingOfTheJournal() throws Exception {
    host.user("alice", "pw");
    byte[] invalidUtf8 = {(byte) 0xc3, (byte) 0x28};
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    banner.writeBytes(TERMINAL_REWRITING_BANNER.getBytes(StandardCharsets.UTF_8));
    banner.writeBytes(invalidUtf8);
    banner.writeBytes("\\e\r\n".getBytes(StandardCharsets.US_ASCII));
    RawProbe.send(host.host(), host.port(), banner.toByteArray(), Duration.ofMillis(300));
    assertThatThrownBy(
            () ->
                SshClientLibrary.MINA.exec(
                    Login.password(host, "\u009b2J\u001b]0;root\u0007", "pw"), "true"))
        .isNotNull();
    host.journal().awaitClosedConnections(2);

    String identified = host.journal().events(ClientIdentified.class).get(0).toString();
    String tail = host.journal().describeTail(50);
    String json = host.journal().toJsonLines();

    // A backslash the client sent stays distinguishable from an escape: \\e is not \e.
    assertThat(identified)
        .endsWith("identification=\"SSH-2.0-\\e[2J\\x07ALL TESTS PASSED\\ufffd(\\\\e\"");
    assertThat(tail)
        .contains("identification=\"SSH-2.0-\\e[2J\\x07ALL TESTS PASSED\\ufffd(\\\\e\"")
        .contains("user=\"\\u009b2J\\e]0;root\\x07\"")
        .doesNotContainPattern(RAW_CONTROL);
    assertThat(json)
        .contains("\"identification\":\"SSH-2.0-\\u001b[2J\\u0007ALL TESTS PASSED\\ufffd(\\\\e\"")
        .contains("\"user\":\"\\u009b2J\\u001b]0;root\\u0007\"")
        .doesNotContainPattern(RAW_CONTROL);
  }

  @Test
  void attributesARejectedIdentificationToTheHostWithItsReason() throws Exception {
    send("HELLO\r\n");
    send("SSH-2.0-x\rX\n");
    send("SSH-2.0-" + "y".repeat(300) + "\r\n");

    assertThat(host.journal().awaitClosedConnections(3))
        .allSatisfy(closed -> assertThat(closed.by()).isEqualTo(Initiator.SERVER))
        .extracting(ConnectionClosed::detail)
        .allSatisfy(
            detail -> assertThat(detail).startsWith("host rejected the client's identification: "))
        .anySatisfy(detail -> assertThat(detail).contains("Unsupported protocol version: HELLO"))
        .anySatisfy(detail -> assertThat(detail).contains("(bad line ending)"))
        .anySatisfy(detail -> assertThat(detail).contains("(line too long)"));
  }

  private void send(String identification) throws IOException {
    RawProbe.Observation seen =
        RawProbe.send(
            host.host(),
            host.port(),
            identification.getBytes(StandardCharsets.US_ASCII),
            SshClientLibrary.TIMEOUT);
    assertThat(seen.ending()).isEqualTo(RawProbe.Ending.FIN);
  }

  @Test
  void disconnectsAtOnceOnAnAbsurdPacketLengthAndRecordsIt() throws Exception {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    sent.writeBytes(RawProbe.CLIENT_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
    sent.writeBytes(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    sent.writeBytes(new byte[12]);

    long start = System.nanoTime();
    RawProbe.Observation seen =
        RawProbe.send(host.host(), host.port(), sent.toByteArray(), SshClientLibrary.TIMEOUT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // MINA alone reads on for bytes that never come, until its 120 s authentication timeout.
    assertThat(seen.ending()).isEqualTo(RawProbe.Ending.FIN);
    assertThat(took).isLessThan(SshClientLibrary.TIMEOUT);
    byte[] last = lastPacket(seen.received());
    assertThat(last[0]).as("message number").isEqualTo((byte) 1); // SSH_MSG_DISCONNECT
    DataInputStream disconnect =
        new DataInputStream(new java.io.ByteArrayInputStream(last, 1, last.length - 1));
    assertThat(disconnect.readInt()).isEqualTo(DisconnectReason.PROTOCOL_ERROR.code());
    byte[] message = new byte[disconnect.readInt()];
    disconnect.readFully(message);

    ConnectionClosed closed = host.journal().awaitClosedConnections(1).get(0);
    assertThat(closed.by()).isEqualTo(Initiator.SERVER);
    assertThat(closed.detail()).contains("Bad packet length 2147483647");
    assertThat(host.journal().events(Disconnect.class))
        .singleElement()
        .satisfies(
            sentByHost -> {
              assertThat(sentByHost.by()).isEqualTo(Initiator.SERVER);
              assertThat(sentByHost.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
              // What the wire carried: MINA words every protocol error alike, giving nothing away.
              assertThat(sentByHost.message())
                  .isEqualTo(new String(message, StandardCharsets.UTF_8));
            });
  }

  /** The payload of the last unencrypted packet after the host's identification line. */
  private static byte[] lastPacket(String received) {
    byte[] bytes = received.getBytes(StandardCharsets.ISO_8859_1);
    int at = received.indexOf('\n', received.indexOf("SSH-")) + 1;
    byte[] last = null;
    while (at + 5 <= bytes.length) {
      int length = ByteBuffer.wrap(bytes, at, 4).getInt();
      int padding = bytes[at + 4] & 0xff;
      last = Arrays.copyOfRange(bytes, at + 5, at + 4 + length - padding);
      at += 4 + length;
    }
    assertThat(last).as("a packet from the host in %s", received).isNotNull();
    return last;
  }

  @Test
  void recordsNegotiatedAlgorithmsOnlyForAKeyExchangeThatCompleted() throws Exception {
    try (Socket socket = new Socket(host.host(), host.port())) {
      socket.setSoTimeout((int) SshClientLibrary.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(RawProbe.CLIENT_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
      out.write(packet(kexInit()));
      out.write(packet(ecdhInit()));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      skipLine(in);
      while (readPayload(in)[0] != 31) { // SSH_MSG_KEX_ECDH_REPLY: the host did its part
        // skip the host's KEXINIT
      }
      // The client gives up before NEWKEYS, with a reset.
      socket.setSoLinger(true, 0);
    }
    host.journal().awaitClosedConnections(1);

    assertThat(host.journal().events(AlgorithmsNegotiated.class)).isEmpty();
  }

  private static byte[] kexInit() {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(20); // SSH_MSG_KEXINIT
    payload.writeBytes(new byte[16]); // cookie
    String macs = "hmac-sha2-256,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com";
    List<String> lists =
        List.of(
            "curve25519-sha256",
            "ecdsa-sha2-nistp256",
            "aes128-ctr",
            "aes128-ctr",
            macs,
            macs,
            "none",
            "none",
            "",
            "");
    lists.forEach(names -> writeString(payload, names.getBytes(StandardCharsets.US_ASCII)));
    payload.write(0); // first_kex_packet_follows
    payload.writeBytes(new byte[4]); // reserved
    return payload.toByteArray();
  }

  private static byte[] ecdhInit() throws Exception {
    byte[] encoded = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded();
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(30); // SSH_MSG_KEX_ECDH_INIT
    writeString(payload, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    return payload.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static byte[] packet(byte[] payload) {
    int padding = 8 - (payload.length + 5) % 8 + 8;
    return ByteBuffer.allocate(4 + 1 + payload.length + padding)
        .putInt(1 + payload.length + padding)
        .put((byte) padding)
        .put(payload)
        .array();
  }

  private static void skipLine(InputStream in) throws IOException {
    int b;
    while ((b = in.read()) != '\n') {
      assertThat(b).as("the host's identification line").isNotNegative();
    }
  }

  private static byte[] readPayload(DataInputStream in) throws IOException {
    int length = in.readInt();
    int padding = in.readUnsignedByte();
    byte[] payload = new byte[length - padding - 1];
    in.readFully(payload);
    in.readNBytes(padding);
    return payload;
  }

  @Test
  void keepsClientResetsOutOfTheLog() throws Exception {
    String log =
        capturedLog(
            () -> {
              for (int i = 0; i < 500; i++) {
                try (Socket socket = new Socket(host.host(), host.port())) {
                  socket.setSoLinger(true, 0);
                  socket
                      .getOutputStream()
                      .write(RawProbe.CLIENT_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
                }
              }
              host.journal().awaitClosedConnections(500);
            });

    assertThat(host.journal().closedConnections())
        .filteredOn(closed -> closed.by() == Initiator.CLIENT)
        .hasSize(500);
    assertThat(warnings(log)).isEmpty();
  }

  @Test
  void stillWarnsOfWhatAClientGotWrongWithItsBytesEscaped() throws Exception {
    String log =
        capturedLog(
            () -> {
              RawProbe.send(
                  host.host(),
                  host.port(),
                  (TERMINAL_REWRITING_BANNER + "\rX\n").getBytes(StandardCharsets.UTF_8),
                  SshClientLibrary.TIMEOUT);
              host.journal().awaitClosedConnections(1);
            });

    assertThat(warnings(log))
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning)
                    .contains("(bad line ending)", "SSH-2.0-\\e[2J\\x07ALL TESTS PASSED")
                    .doesNotContainPattern(RAW_CONTROL));
  }

  private static List<String> warnings(String log) {
    List<String> warnings = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.contains(" WARN ")) {
        warnings.add(line);
      }
    }
    return warnings;
  }

  /** What the log backend (slf4j-simple, which writes to System.err) printed while run ran. */
  private static String capturedLog(ThrowingRunnable run) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
