package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Causes;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.RawProbe.Observation;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The banner and key exchange row of the catalog. */
class BannerAndKexFaultsTest {

  private static final Duration PATIENCE = Duration.ofMillis(500);
  private static final String HTTP_ERROR = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.builder().seed(7).start();
    host.user("alice", "secret").command("id").replies("uid=1000(alice)\n");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  // The default 10 s: a login meant to succeed, or to fail for a reason other than a timeout, must
  // not time out on a loaded machine. The hang test waits for the client's timeout on purpose.
  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

  private Observation probe(FakeSshHost target) throws IOException {
    return RawProbe.probe(target.host(), target.port(), PATIENCE);
  }

  @Test
  void garbageBannerSendsTheTextInsteadOfTheIdentificationThenAFin() throws Exception {
    host.faults().add(Fault.garbageBanner(HTTP_ERROR));

    assertThat(probe(host).received()).isEqualTo(HTTP_ERROR);
    assertThat(probe(host).ending()).isEqualTo(Ending.FIN);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void garbageTextBannerLooksToEachClientLikeAServerThatClosed(SshClientLibrary client) {
    host.faults().add(Fault.garbageBanner(HTTP_ERROR));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA -> assertCausedBy(thrown, SshException.class, "Session is being closed");
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
  void randomGarbageComesFromTheSeed() throws Exception {
    host.faults().add(Fault.garbageBanner());
    Observation first = probe(host);

    try (FakeSshHost twin = FakeSshHost.builder().seed(7).faults(Fault.garbageBanner()).start();
        FakeSshHost other = FakeSshHost.builder().seed(8).faults(Fault.garbageBanner()).start()) {
      assertThat(first.received()).hasSize(64).doesNotStartWith("SSH-");
      assertThat(first.ending()).isEqualTo(Ending.FIN);
      assertThat(probe(twin).received()).isEqualTo(first.received());
      assertThat(probe(other).received()).isNotEqualTo(first.received());
    }
  }

  /** A TLS-like greeting: a carriage return followed by a byte other than a line feed. */
  private static final byte[] BINARY = {0x16, 0x03, 0x01, '\r', (byte) 0xff, 0x7f, '\n'};

  @Test
  void binaryGarbageBannerSendsExactlyThoseBytesOnEveryConnectionThenAFin() throws Exception {
    host.faults().add(Fault.garbageBanner(BINARY));
    String expected = new String(BINARY, StandardCharsets.ISO_8859_1);

    for (int connection = 1; connection <= 2; connection++) {
      Observation observation = probe(host);
      assertThat(observation.received()).isEqualTo(expected);
      assertThat(observation.ending()).isEqualTo(Ending.FIN);
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void binaryGarbageBannerIsACorruptIdentificationToEachClient(SshClientLibrary client) {
    host.faults().add(Fault.garbageBanner(BINARY));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(thrown, StreamCorruptedException.class, "bad line ending");
                  // JSch and sshj skip lines before the identification, so they see only
                  // the close, as from a real server that sends these bytes.
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
  void seededGarbageBannerIsTheSameOnEveryConnectionAndForTheSameSeed() throws Exception {
    host.faults().add(Fault.garbageBanner(100));
    Observation first = probe(host);

    try (FakeSshHost twin = FakeSshHost.builder().seed(7).faults(Fault.garbageBanner(100)).start();
        FakeSshHost other = FakeSshHost.builder().seed(8).faults(Fault.garbageBanner(100)).start()) {
      assertThat(first.received()).hasSize(100);
      assertThat(first.ending()).isEqualTo(Ending.FIN);
      assertThat(probe(host).received()).isEqualTo(first.received());
      assertThat(probe(twin).received()).isEqualTo(first.received());
      assertThat(probe(other).received()).isNotEqualTo(first.received());
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void randomGarbageBannerFailsEachClient(SshClientLibrary client) {
    host.faults().add(Fault.garbageBanner());

    assertThatThrownBy(() -> client.exec(alice(), "id")).isInstanceOf(Exception.class);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void disconnectDuringKeyExchangeReachesEachClientWithItsReason(SshClientLibrary client) {
    host.faults()
        .add(Fault.disconnect(DisconnectReason.KEY_EXCHANGE_FAILED, "no kex today").at(Stage.KEX));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA -> assertCausedBy(thrown, SshException.class, "no kex today");
                case JSCH ->
                    assertCausedBy(
                        thrown,
                        com.jcraft.jsch.JSchSessionDisconnectException.class,
                        "SSH_MSG_DISCONNECT: 3 no kex today");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "[KEY_EXCHANGE_FAILED] no kex today");
              }
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void droppedKeyExchangeIsAnEndOfStreamForEachClient(SshClientLibrary client) {
    host.faults().add(Fault.dropConnection().at(Stage.KEX));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                  // A write of MINA's that crosses the FIN gets the dead server's RST.
                case MINA ->
                    assertThat(thrown)
                        .satisfiesAnyOf(
                            t -> assertCausedBy(t, SshException.class, "Session is being closed"),
                            t -> assertCausedBy(t, IOException.class, "Broken pipe"),
                            t -> assertCausedBy(t, IOException.class, "Connection reset by peer"));
                case JSCH -> assertCausedBy(thrown, IOException.class, "End of IO Stream Read");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "Broken transport; encountered EOF");
              }
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void resetKeyExchangeIsAConnectionResetForEachClient(SshClientLibrary client) {
    host.faults().add(Fault.resetConnection().at(Stage.KEX));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(thrown -> Causes.assertCausedByResetAsSeenBy(client, thrown));
  }

  @Test
  void hungKeyExchangeSendsTheIdentificationAndNothingMore() throws Exception {
    host.faults().add(Fault.hang().at(Stage.KEX));

    Observation observation = probe(host);

    assertThat(observation.received()).startsWith("SSH-2.0-").endsWith("\r\n").hasSizeLessThan(64);
    assertThat(observation.ending()).isEqualTo(Ending.SILENT);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hungKeyExchangeFailsAtEachClientsTimeout(SshClientLibrary client) {
    host.faults().add(Fault.hang().at(Stage.KEX));

    assertThatThrownBy(() -> client.exec(alice().withTimeout(HANG_TIMEOUT), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA -> assertCausedBy(thrown, TimeoutException.class, "Timed out");
                case JSCH -> assertCausedBy(thrown, SocketTimeoutException.class, "Read timed out");
                case SSHJ -> assertCausedBy(thrown, TimeoutException.class, "Timeout expired");
              }
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void noCommonKeyExchangeFailsNegotiationInEachClient(SshClientLibrary client) {
    host.faults().add(Fault.noCommonAlgorithm(AlgorithmKind.KEY_EXCHANGE));

    assertNegotiationFailed(
        client, "kex algorithms", "algorithmName=\"kex\"", "KeyExchangeAlgorithms");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void noCommonCipherFailsNegotiationInEachClient(SshClientLibrary client) {
    host.faults().add(Fault.noCommonAlgorithm(AlgorithmKind.CIPHER));

    assertNegotiationFailed(
        client, "encryption algorithms", "algorithmName=\"cipher.c2s\"", "CipherAlgorithms");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void noCommonHostKeyTypeFailsNegotiationInEachClient(SshClientLibrary client) {
    host.faults().add(Fault.noCommonAlgorithm(AlgorithmKind.HOST_KEY));

    assertNegotiationFailed(
        client,
        "server host key algorithms",
        "algorithmName=\"server_host_key\"",
        "HostKeyAlgorithms");
  }

  /**
   * Logs in with {@code client} and checks that it failed to negotiate, as each client says so.
   * sshj negotiates on its reader thread, which may find no settlement and end the transport
   * before the connecting thread checks that it is still connected; the connecting thread then
   * throws {@code IllegalStateException("Not connected")}, as it does against any server. Its
   * disconnect listener hears why either way, so that is where the reason is read for sshj.
   */
  private void assertNegotiationFailed(
      SshClientLibrary client, String mina, String jsch, String sshj) {
    List<String> disconnects = new CopyOnWriteArrayList<>();
    assertThatThrownBy(
            () -> client.exec(alice(), "id", (reason, message) -> disconnects.add(message)))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(
                        thrown,
                        SshException.class,
                        "Unable to negotiate key exchange for " + mina);
                case JSCH ->
                    assertCausedBy(thrown, com.jcraft.jsch.JSchAlgoNegoFailException.class, jsch);
                case SSHJ -> {
                  if (!(thrown instanceof IllegalStateException)) {
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "Unable to reach a settlement of");
                    assertCausedBy(
                        thrown, net.schmizz.sshj.transport.TransportException.class, sshj);
                  } else {
                    assertThat(thrown).hasMessage("Not connected");
                  }
                  assertThat(disconnects)
                      .anySatisfy(
                          message ->
                              assertThat(message)
                                  .contains("Unable to reach a settlement of")
                                  .contains(sshj));
                }
              }
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void swappedHostKeyFailsVerificationAgainstTheKnownHostsLine(SshClientLibrary client) {
    host.faults().add(Fault.swapHostKey());

    assertThatThrownBy(() -> client.exec(alice().trusting(host.knownHostsLine()), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(thrown, SshException.class, "Server key did not validate");
                case JSCH ->
                    assertCausedBy(
                        thrown,
                        com.jcraft.jsch.JSchChangedHostKeyException.class,
                        "HostKey has been changed");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.transport.TransportException.class,
                        "Could not verify `ecdsa-sha2-nistp256` host key");
              }
            });
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hostKeyChangesFromOneConnectionToTheNext(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.swapHostKey().fromConnection(2));
    Login trusting = alice().trusting(host.knownHostsLine());

    assertThat(client.exec(trusting, "id").exitStatus()).isZero();
    assertThatThrownBy(() -> client.exec(trusting, "id")).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> client.exec(trusting, "id")).isInstanceOf(Exception.class);
  }
}
