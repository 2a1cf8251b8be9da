package io.github.sshfaults.sshd.faults;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.MinaSession;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import io.github.sshfaults.sshd.testclients.TcpRelay;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The after-auth and channel rows of the catalog. */
class AfterAuthAndChannelFaultsTest {

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

  // The default 10 s: a login meant to succeed must not time out on a loaded machine.
  private Login alice() {
    return Login.password(host, "alice", "secret");
  }

  /**
   * Like {@link #alice()}, but JSch, which waits for a channel of a session the host has ended
   * until its timeout before it says "session is down", gets a short one.
   */
  private Login aliceFor(SshClientLibrary client) {
    return client == SshClientLibrary.JSCH ? alice().withTimeout(Duration.ofSeconds(2)) : alice();
  }

  @Test
  void disconnectAfterAuthReachesTheClientAfterItsLoginSucceeded() throws Exception {
    host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance"));

    try (MinaSession session = MinaSession.open(alice())) {
      MinaSession.Ending ending = session.awaitEnd();

      assertThat(ending.disconnectReason()).isEqualTo(DisconnectReason.BY_APPLICATION.code());
      assertThat(ending.disconnectMessage()).isEqualTo("maintenance");
    }
  }

  @Test
  void disconnectKeepsAnyReasonAndMessage() throws Exception {
    host.faults().add(Fault.disconnect(DisconnectReason.PROTOCOL_ERROR, "not OpenSSH's text"));

    try (MinaSession session = MinaSession.open(alice())) {
      MinaSession.Ending ending = session.awaitEnd();

      assertThat(ending.disconnectReason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR.code());
      assertThat(ending.disconnectMessage()).isEqualTo("not OpenSSH's text");
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void disconnectAfterAuthEndsEachClientsSessionBeforeTheCommand(SshClientLibrary client) {
    host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance"));

    assertThatThrownBy(() -> client.exec(aliceFor(client), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertThat(thrown)
                        .isInstanceOfAny(IllegalStateException.class, SshException.class);
                case JSCH ->
                    assertCausedBy(thrown, com.jcraft.jsch.JSchException.class, "session is down");
                // The disconnect comes right after the login: depending on which of its threads
                // gets there first, sshj reports it, "Not connected" or "Socket closed".
                case SSHJ ->
                    assertThat(thrown)
                        .isInstanceOfAny(
                            IllegalStateException.class,
                            net.schmizz.sshj.common.SSHException.class);
              }
            });
  }

  @Test
  void droppedConnectionAfterAuthIsAFinWithoutGoodbye() throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));

    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession session = MinaSession.open(relay.relaying(alice()))) {
      assertThat(session.awaitEnd().disconnectReason()).isNull();
      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.FIN);
    }
  }

  @Test
  void resetConnectionAfterAuthIsAnRst() throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.AFTER_AUTH));

    try (TcpRelay relay = TcpRelay.to(host.host(), host.port());
        MinaSession session = MinaSession.open(relay.relaying(alice()))) {
      assertThat(session.awaitEnd().disconnectReason()).isNull();
      assertThat(relay.awaitHostEnding(Duration.ofSeconds(5))).isEqualTo(Ending.RESET);
    }
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void droppedOrResetConnectionAfterAuthFailsEachClientsCommand(SshClientLibrary client) {
    host.faults().add(Fault.resetConnection().at(Stage.AFTER_AUTH).onConnection(1));
    host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH).onConnection(2));

    for (int connection = 1; connection <= 2; connection++) {
      assertThatThrownBy(() -> client.exec(aliceFor(client), "id"))
          .satisfies(
              thrown -> {
                switch (client) {
                  case MINA ->
                      assertThat(thrown)
                          .isInstanceOfAny(IllegalStateException.class, SshException.class);
                  case JSCH -> assertThat(thrown).isInstanceOf(com.jcraft.jsch.JSchException.class);
                  case SSHJ ->
                      assertThat(thrown)
                          .isInstanceOfAny(
                              IllegalStateException.class,
                              net.schmizz.sshj.common.SSHException.class);
                }
              });
    }
  }

  @Test
  void tooManySessionsDisconnectsTheOneOverTheLimit() throws Exception {
    host.faults().add(Fault.limitSessions(1));

    try (MinaSession first = MinaSession.open(alice());
        MinaSession second = MinaSession.open(alice())) {
      MinaSession.Ending ending = second.awaitEnd();

      assertThat(ending.disconnectReason()).isEqualTo(DisconnectReason.TOO_MANY_CONNECTIONS.code());
      assertThat(ending.disconnectMessage()).contains("max. allowed: 1");
      assertThat(first.exec("id")).isEqualTo(ID);
    }
    assertThat(SshClientLibrary.MINA.exec(alice(), "id")).isEqualTo(ID);
  }

  @Test
  void refusesAChannelWithACodeOutsideTheRfc() {
    host.faults().add(Fault.rejectChannelOpenWithCode(99));

    assertThatThrownBy(() -> SshClientLibrary.MINA.exec(alice(), "id"))
        .isInstanceOf(SshException.class)
        .hasCauseInstanceOf(SshChannelOpenException.class)
        .extracting(t -> ((SshChannelOpenException) t.getCause()).getReasonCode())
        .isEqualTo(99);
    assertThatThrownBy(() -> SshClientLibrary.SSHJ.exec(alice(), "id"))
        .isInstanceOf(net.schmizz.sshj.connection.channel.OpenFailException.class)
        .extracting(t -> ((net.schmizz.sshj.connection.channel.OpenFailException) t).getReason())
        .isEqualTo(net.schmizz.sshj.connection.channel.OpenFailException.Reason.UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void refusedChannelReachesEachClientWithItsReason(SshClientLibrary client) {
    host.faults().add(Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE));

    assertThatThrownBy(() -> client.exec(alice(), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertThat(thrown)
                        .isInstanceOf(SshException.class)
                        .hasCauseInstanceOf(SshChannelOpenException.class)
                        .extracting(t -> ((SshChannelOpenException) t.getCause()).getReasonCode())
                        .isEqualTo(ChannelOpenFailure.RESOURCE_SHORTAGE.code());
                case JSCH ->
                    assertCausedBy(
                        thrown, com.jcraft.jsch.JSchException.class, "channel is not opened");
                case SSHJ ->
                    assertThat(thrown)
                        .isInstanceOf(net.schmizz.sshj.connection.channel.OpenFailException.class)
                        .extracting(
                            t ->
                                ((net.schmizz.sshj.connection.channel.OpenFailException) t)
                                    .getReason())
                        .isEqualTo(
                            net.schmizz.sshj.connection.channel.OpenFailException.Reason
                                .RESOURCE_SHORTAGE);
              }
            });
  }

  @Test
  void refusedChannelLeavesTheConnectionUsable() throws Exception {
    host.faults()
        .add(Fault.rejectChannelOpen(ChannelOpenFailure.CONNECT_FAILED).onConnection(1).atMost(1));

    try (MinaSession session = MinaSession.open(alice())) {
      assertThatThrownBy(() -> session.exec("id")).isInstanceOf(SshException.class);
      assertThat(session.exec("id")).isEqualTo(ID);
    }
  }

  @Test
  void tooManyChannelsRefusesTheOneOverTheLimitUntilOneCloses() throws Exception {
    host.faults().add(Fault.limitChannels(1));
    host.command("wait")
        .answers(
            call -> {
              call.stdinAsString();
              return io.github.sshfaults.sshd.CommandResult.success("");
            });

    try (MinaSession session = MinaSession.open(alice())) {
      ChannelExec waiting = session.session().createExecChannel("wait");
      waiting.open().verify(SshClientLibrary.TIMEOUT);

      assertThatThrownBy(() -> session.exec("id"))
          .hasCauseInstanceOf(SshChannelOpenException.class)
          .extracting(t -> ((SshChannelOpenException) t.getCause()).getReasonCode())
          .isEqualTo(ChannelOpenFailure.ADMINISTRATIVELY_PROHIBITED.code());

      waiting.close(false).await(SshClientLibrary.TIMEOUT);
      assertThat(session.exec("id")).isEqualTo(ID);
    }
  }

  @Test
  void hungChannelOpenIsNeverAnswered() throws Exception {
    host.faults().add(Fault.hang().at(Stage.CHANNEL_OPEN));

    try (MinaSession session = MinaSession.open(alice())) {
      ChannelExec channel = session.session().createExecChannel("id");
      assertThatThrownBy(() -> channel.open().verify(Duration.ofMillis(500)))
          .isInstanceOf(SshException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void disconnectAtChannelOpenEndsTheSession() throws Exception {
    host.faults()
        .add(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "no channels")
                .at(Stage.CHANNEL_OPEN));

    try (MinaSession session = MinaSession.open(alice())) {
      assertThatThrownBy(() -> session.exec("id")).isInstanceOf(IOException.class);
      assertThat(session.awaitEnd().disconnectMessage()).isEqualTo("no channels");
    }
  }
}
