package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Causes;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.RawProbe.Observation;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import io.github.sshfaults.sshd.testclients.TcpRelay;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The "any stream" row of the catalog: latency, bandwidth and cuts at the transport. */
class TransportFaultsTest {

  private static final String BIG = randomText(100_000);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret");
    host.command("big").replies(BIG);
    host.command("id").replies("uid=1000\n");
    host.command("wc -c")
        .answers(call -> CommandResult.success(call.stdinAsString().length() + "\n"));
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  private static String randomText(int length) {
    Random random = new Random(1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private Login alice() {
    return Login.password(host, "alice", "secret").withTimeout(Duration.ofSeconds(10));
  }

  @Test
  void latencyDelaysEveryWrite() throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(20)).at(Stage.TRANSPORT));
    long start = System.nanoTime();

    assertThat(SshClientLibrary.MINA.exec(alice(), "id"))
        .isEqualTo(new ExecResult("uid=1000\n", "", 0));
    // Identification, key exchange, authentication, channel and command each wait for a write.
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(5 * 20));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void jitterNeverReordersWritesSoEachClientGetsEveryByte(SshClientLibrary client)
      throws Exception {
    host.faults()
        .add(Fault.delay(Delay.uniform(Duration.ZERO, Duration.ofMillis(10))).at(Stage.TRANSPORT));

    // Out of order, the packets' MACs would not verify and the client would drop the connection.
    assertThat(client.exec(alice(), "big")).isEqualTo(new ExecResult(BIG, "", 0));
  }

  @Test
  void bandwidthToTheClientIsCapped() throws Exception {
    host.faults().add(Fault.throttle(200_000, 8192).at(Stage.TRANSPORT));
    long start = System.nanoTime();

    assertThat(SshClientLibrary.MINA.exec(alice(), "big")).isEqualTo(new ExecResult(BIG, "", 0));
    // 100 000 bytes of output at 200 000 bytes/s, after the first 8 KiB chunk.
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(450));
  }

  @Test
  void bandwidthFromTheClientIsCapped() throws Exception {
    host.faults()
        .add(Fault.throttle(100_000, 8192).at(Stage.TRANSPORT).direction(Direction.FROM_CLIENT));

    try (MinaSession session = MinaSession.open(alice())) {
      long start = System.nanoTime();
      ExecResult result = session.exec("wc -c", new ByteArrayInputStream(BIG.getBytes()));

      assertThat(result).isEqualTo(new ExecResult("100000\n", "", 0));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void cutToTheClientSendsExactlyTheBytesThenAFin() throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.TRANSPORT).afterBytes(100));

    Observation observation = RawProbe.probe(host.host(), host.port(), Duration.ofSeconds(5));

    assertThat(observation.received()).hasSize(100).startsWith("SSH-2.0-");
    assertThat(observation.ending()).isEqualTo(Ending.FIN);
  }

  @Test
  void resetToTheClientSendsExactlyTheBytesThenAnRstAtTheClientsNextBytes() throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.TRANSPORT).afterBytes(10));

    // The probe's identification line arrives after the host's first 10 bytes went out.
    Observation observation = RawProbe.probe(host.host(), host.port(), Duration.ofSeconds(5));

    assertThat(observation.received()).hasSize(10).startsWith("SSH-2.0-");
    assertThat(observation.ending()).isEqualTo(Ending.RESET);
  }

  /**
   * The bytes a host sends before a client must answer: its identification line and its key
   * exchange proposal, which every client answers with its key exchange.
   */
  private int bytesBeforeTheClientsKeyExchange() throws IOException {
    try (FakeSshHost clean = FakeSshHost.builder().seed(1).start()) {
      return RawProbe.probe(clean.host(), clean.port(), Duration.ofMillis(500)).received().length();
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void resetAfterTheHostsProposalResetsEachClientAtItsAnswer(SshClientLibrary client)
      throws Exception {
    int proposal = bytesBeforeTheClientsKeyExchange();
    host.faults().add(Fault.resetConnection().at(Stage.TRANSPORT).afterBytes(proposal));
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(thrown -> Causes.assertCausedByResetAsSeenBy(client, thrown));
    // At the client's answer, long before any timeout of either side.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void cutInTheMiddleOfTheSessionEndsEachClientsCommand(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.TRANSPORT).afterBytes(50_000));

    switch (client) {
      case MINA, JSCH -> {
        ExecResult result = client.exec(alice(), "big");
        assertThat(BIG).startsWith(result.stdout());
        assertThat(result.stdout()).hasSizeLessThan(50_000);
        assertThat(result.exitStatus()).isNull();
      }
      case SSHJ ->
          assertThatThrownBy(() -> client.exec(alice(), "big"))
              .satisfies(
                  thrown ->
                      Causes.assertCausedBy(
                          thrown,
                          net.schmizz.sshj.transport.TransportException.class,
                          "encountered EOF"));
    }
  }

  @Test
  void cutFromTheClientDropsTheConnectionAfterTheBytes() throws Exception {
    host.faults()
        .add(
            Fault.dropConnection()
                .at(Stage.TRANSPORT)
                .direction(Direction.FROM_CLIENT)
                .afterBytes(10));

    Observation observation = RawProbe.probe(host.host(), host.port(), Duration.ofSeconds(5));

    assertThat(observation.received()).startsWith("SSH-2.0-");
    assertThat(observation.ending()).isEqualTo(Ending.FIN);
  }

  @Test
  void resetFromTheClientAfterBytesIsAnRst() throws Exception {
    host.faults()
        .add(
            Fault.resetConnection()
                .at(Stage.TRANSPORT)
                .direction(Direction.FROM_CLIENT)
                .afterBytes(10));

    assertThat(RawProbe.probe(host.host(), host.port(), Duration.ofSeconds(5)).ending())
        .isEqualTo(Ending.RESET);
  }

  @Test
  void resetFromTheClientInTheMiddleOfAnUploadIsAnRst() throws Exception {
    host.faults()
        .add(
            Fault.resetConnection()
                .at(Stage.TRANSPORT)
                .direction(Direction.FROM_CLIENT)
                .afterBytes(20_000));

    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession session = MinaSession.open(relay.relaying(alice()))) {
      ExecResult result = session.exec("wc -c", new ByteArrayInputStream(BIG.getBytes()));

      assertThat(result.exitStatus()).isNull();
      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.RESET);
    }
  }
}
