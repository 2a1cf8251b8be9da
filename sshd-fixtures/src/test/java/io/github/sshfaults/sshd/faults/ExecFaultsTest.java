package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Causes;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import io.github.sshfaults.sshd.testclients.TcpRelay;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exec row of the catalog: what each client gets of a command. */
class ExecFaultsTest {

  private static final String LOG = "0123456789".repeat(50);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("alice", "secret");
    host.command("id").replies("uid=1000\n");
    host.command("cat app.log").replies(LOG);
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  // The default 10 s: a login or command meant to succeed must not time out on a loaded machine.
  // Tests that wait for a hang on purpose bound that wait with HANG_TIMEOUT.
  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void failedCommandSendsItsExitCodeAndStderrToEachClient(SshClientLibrary client)
      throws Exception {
    host.faults().add(Fault.exitWith(3, "df: /data: disk full\n").forCommand("cat app.log"));

    assertThat(client.exec(alice(), "cat app.log"))
        .isEqualTo(new ExecResult("", "df: /data: disk full\n", 3));
    assertThat(client.exec(alice(), "id")).isEqualTo(new ExecResult("uid=1000\n", "", 0));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void delayedCommandAnswersLateButWhole(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(300)).at(Stage.EXEC));
    long start = System.nanoTime();

    assertThat(client.exec(alice(), "cat app.log")).isEqualTo(new ExecResult(LOG, "", 0));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void throttledOutputArrivesInSmallChunksAtTheRate() throws Exception {
    host.faults().add(Fault.throttle(1000, 100));
    List<Integer> chunks = new CopyOnWriteArrayList<>();
    OutputStream sizes =
        new OutputStream() {
          @Override
          public void write(int b) {
            chunks.add(1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            chunks.add(len);
          }
        };

    try (MinaSession session = MinaSession.open(alice())) {
      long start = System.nanoTime();
      ExecResult result = session.exec("cat app.log", InputStream.nullInputStream(), sizes);

      assertThat(result).isEqualTo(new ExecResult(LOG, "", 0));
      // 500 bytes at 1000 bytes/s in chunks of 100: four pauses of 100 ms after the first chunk.
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
      assertThat(chunks).hasSize(5).allSatisfy(size -> assertThat(size).isEqualTo(100));
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void throttledOutputIsWholeForEachClient(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.throttle(5000, 100));

    assertThat(client.exec(alice(), "cat app.log")).isEqualTo(new ExecResult(LOG, "", 0));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void outputDroppedAfterBytesEndsWithoutExitStatus(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(25));

    switch (client) {
      case MINA, JSCH ->
          assertThat(client.exec(alice(), "cat app.log"))
              .isEqualTo(new ExecResult(LOG.substring(0, 25), "", null));
      case SSHJ ->
          assertThatThrownBy(() -> client.exec(alice(), "cat app.log"))
              .satisfies(
                  thrown ->
                      assertCausedBy(
                          thrown,
                          net.schmizz.sshj.transport.TransportException.class,
                          "Broken transport; encountered EOF"));
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void outputResetAfterBytesEndsWithoutExitStatus(SshClientLibrary client) throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.OUTPUT).afterBytes(25));

    switch (client) {
      case MINA, JSCH -> {
        ExecResult result = client.exec(alice(), "cat app.log");
        assertThat(LOG.substring(0, 25)).startsWith(result.stdout());
        assertThat(result.exitStatus()).isNull();
      }
      case SSHJ ->
          assertThatThrownBy(() -> client.exec(alice(), "cat app.log"))
              .satisfies(Causes::assertCausedByReset);
    }
  }

  @Test
  void outputResetAfterBytesIsAnRst() throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.OUTPUT).afterBytes(25));

    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession session = MinaSession.open(relay.relaying(alice()))) {
      assertThat(session.exec("cat app.log").exitStatus()).isNull();
      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.RESET);
    }
  }

  @Test
  void outputDroppedAfterBytesIsAFinAfterTheBytes() throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(25));

    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession session = MinaSession.open(relay.relaying(alice()))) {
      assertThat(session.exec("cat app.log").stdout()).isEqualTo(LOG.substring(0, 25));
      assertThat(session.awaitEnd().disconnectReason()).isNull();
      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.FIN);
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void hungCommandSendsItsOutputButNeverExits(SshClientLibrary client) {
    host.faults().add(Fault.hang().at(Stage.EXEC));

    assertThatThrownBy(() -> client.exec(alice().withTimeout(HANG_TIMEOUT), "cat app.log"))
        .isInstanceOf(TimeoutException.class);
  }

  @Test
  void hungCommandDeliversAllItsOutputFirst() throws Exception {
    host.faults().add(Fault.hang().at(Stage.EXEC).forCommand("cat app.log"));

    try (MinaSession session = MinaSession.open(alice())) {
      assertThatThrownBy(() -> session.exec("cat app.log", HANG_TIMEOUT))
          .isInstanceOf(TimeoutException.class)
          .hasMessageEndingWith("stdout so far: " + LOG);
      assertThat(session.exec("id"))
          .as("the connection itself still works")
          .isEqualTo(new ExecResult("uid=1000\n", "", 0));
    }
  }

  @Test
  void outputHungAfterBytesStopsThereWithoutExit() throws Exception {
    host.faults().add(Fault.hang().at(Stage.OUTPUT).afterBytes(10).forCommand("cat app.log"));

    try (MinaSession session = MinaSession.open(alice())) {
      assertThatThrownBy(() -> session.exec("cat app.log", HANG_TIMEOUT))
          .isInstanceOf(TimeoutException.class)
          .hasMessageEndingWith("stdout so far: " + LOG.substring(0, 10));
      assertThat(session.exec("id")).isEqualTo(new ExecResult("uid=1000\n", "", 0));
    }
  }

  @Test
  void disconnectMidOutputReachesTheClientAfterTheBytes() throws Exception {
    host.faults()
        .add(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "killed")
                .at(Stage.OUTPUT)
                .afterBytes(30));

    try (MinaSession session = MinaSession.open(alice())) {
      ExecResult result = session.exec("cat app.log");

      assertThat(result).isEqualTo(new ExecResult(LOG.substring(0, 30), "", null));
      assertThat(session.awaitEnd().disconnectMessage()).isEqualTo("killed");
    }
  }

  @Test
  void disconnectAtExecSendsNothingOfTheCommand() throws Exception {
    host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "no exec").at(Stage.EXEC));

    try (MinaSession session = MinaSession.open(alice())) {
      assertThat(session.exec("cat app.log")).isEqualTo(new ExecResult("", "", null));
      assertThat(session.awaitEnd().disconnectReason())
          .isEqualTo(DisconnectReason.BY_APPLICATION.code());
    }
  }

  @Test
  void commandTriggersPickTheCommandsToFail() throws Exception {
    host.command("cat other.log").replies("other\n");
    host.faults()
        .add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(3).forCommandGlob("cat app.*"));

    assertThat(SshClientLibrary.MINA.exec(alice(), "cat other.log").stdout()).isEqualTo("other\n");
    assertThat(SshClientLibrary.MINA.exec(alice(), "cat app.log").stdout()).isEqualTo("012");
    assertThat(SshClientLibrary.MINA.exec(alice(), "id").exitStatus()).isZero();
  }

  @Test
  void regexCommandTriggerMatchesTheWholeLine() throws Exception {
    host.faults().add(Fault.exitWith(1, "").forCommandMatching("cat .*\\.log"));

    assertThat(SshClientLibrary.MINA.exec(alice(), "cat app.log").exitStatus()).isEqualTo(1);
    assertThat(SshClientLibrary.MINA.exec(alice(), "id").exitStatus()).isZero();
  }
}
