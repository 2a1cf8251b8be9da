package io.github.sshfaults.sshd.journal;

import static io.github.sshfaults.sshd.journal.Verification.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verification passes on what happened and, when it fails, shows what happened instead. */
class VerificationTest {

  private FakeSshHost host;
  private Login alice;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start().user("alice", "secret");
    host.commandMatching(".*").replies("ok\n");
    alice = Login.password(host, "alice", "secret");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void passesWhenTheCommandRanAsOftenAsExpected() throws Exception {
    SshClientLibrary.MINA.exec(alice, "uptime");
    SshClientLibrary.MINA.exec(alice, "uptime");

    assertThat(verify(host).ranCommand("uptime").times(2)).hasSize(2);
    verify(host).ranCommand("reboot").never();
    verify(host).ranCommandMatching("up.*").atLeastOnce();
    verify(host).authenticated("alice").atLeast(2);
    verify(host).connected().times(2);
  }

  @Test
  void showsNearMissesClosestFirstWhenACommandDidNotRun() throws Exception {
    SshClientLibrary.MINA.exec(alice, "ls -la /");
    SshClientLibrary.MINA.exec(alice, "uptime -p");
    SshClientLibrary.MINA.exec(alice, "uptime");

    assertThatThrownBy(() -> verify(host).ranCommand("uptime").times(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected command \"uptime\" exactly 3 times in the journal of "
                + host
                + ", but found 1:")
        .hasMessageContaining("commandLine=\"uptime\" exitCode=0")
        .satisfies(
            failure -> {
              String message = failure.getMessage();
              String nearMisses = message.substring(message.indexOf("Near misses, closest first:"));
              assertThat(nearMisses.indexOf("\"uptime -p\""))
                  .isPositive()
                  .isLessThan(nearMisses.indexOf("\"ls -la /\""));
            });
  }

  @Test
  void showsTheUsersRejectedAttemptsFirstWhenALoginDidNotHappen() {
    host.user("bob", "pw");
    assertThatThrownBy(
        () -> SshClientLibrary.JSCH.exec(Login.password(host, "alice", "nope"), "id"));
    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(Login.password(host, "bob", "nope"), "id"));

    assertThatThrownBy(() -> verify(host).authenticated("alice").once())
        .hasMessageStartingWith("Expected successful login of \"alice\" exactly 1 time")
        .hasMessageContaining("but found 0.")
        .satisfies(
            failure -> {
              String message = failure.getMessage();
              assertThat(message.indexOf("user=\"alice\""))
                  .isPositive()
                  .isLessThan(message.indexOf("user=\"bob\""));
              assertThat(message).contains("reason=\"wrong password\"");
            });
    verify(host).rejectedLogin("bob").atLeastOnce();
  }

  @Test
  void listsTheConnectionsWhenItExpectedNone() throws Exception {
    SshClientLibrary.SSHJ.exec(alice, "true");

    assertThatThrownBy(() -> verify(host).neverConnected())
        .hasMessageStartingWith("Expected connection exactly 0 times")
        .hasMessageContaining("but found 1:")
        .hasMessageContaining("conn 1 connection-accepted peer=\"127.0.0.1:");
  }

  @Test
  void refusesToCountWhenTheJournalDroppedEventsThatCouldChangeTheAnswer() {
    RecordingJournal journal = new RecordingJournal(2);
    for (int i = 1; i <= 3; i++) {
      journal.record(
          i,
          (s, t, c) ->
              new ConnectionAccepted(s, t, c, new InetSocketAddress("127.0.0.1", 1000 + c)));
    }

    assertThat(verify(journal).connected().atLeast(2)).hasSize(2);
    assertThatThrownBy(() -> verify(journal).connected().times(2))
        .hasMessageContaining(
            "dropped the 1 oldest events beyond its capacity of 2, so it cannot tell");
  }

  @Test
  void verifiesAnyKindOfEventWithAPredicate() {
    RecordingJournal journal = new RecordingJournal(10);
    journal.record(
        1, (s, t, c) -> new FaultFired(s, t, c, Stage.AUTH, "rejectAuth()", "rejected alice"));

    verify(journal)
        .recorded(FaultFired.class, "fault at AUTH", f -> f.stage() == Stage.AUTH)
        .once();
    assertThatThrownBy(
            () ->
                verify(journal)
                    .recorded(FaultFired.class, "fault at KEX", f -> f.stage() == Stage.KEX)
                    .once())
        .hasMessageContaining("Expected fault at KEX exactly 1 time")
        .hasMessageContaining("stage=AUTH rule=\"rejectAuth()\"");
  }

  @Test
  void rejectsBlankExpectations() {
    assertThatThrownBy(() -> verify(host).ranCommand(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command line must not be blank, but was \" \"");
    assertThatThrownBy(() -> verify(host).ranCommandMatching("("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("command regex \"(\" does not compile");
    assertThatThrownBy(() -> verify(host).ranCommand("x").times(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
