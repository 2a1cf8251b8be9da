package io.github.sshfaults.sshd.journal;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.atLeast;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.atMost;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
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

    assertThat(verify(host, times(2)).ranCommand("uptime"))
        .hasSize(2)
        .allSatisfy(run -> assertThat(run.commandLine()).isEqualTo("uptime"));
    assertThat(verify(host, never()).ranCommand("reboot")).isEmpty();
    assertThat(verify(host).ranCommandMatching("up.*")).hasSize(2);
    verify(host, atLeast(2)).authenticated("alice");
    verify(host, atMost(2)).connected();
    verify(host, times(2)).connected();
  }

  @Test
  void withoutACountExpectsAtLeastOneAndChecksAtOnce() throws Exception {
    SshClientLibrary.MINA.exec(alice, "uptime");

    assertThat(verify(host).ranCommand("uptime")).hasSize(1);
    assertThatThrownBy(() -> verify(host).ranCommand("reboot"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected command \"reboot\" at least 1 time in the journal of "
                + host
                + ", but found 0.");
  }

  @Test
  void failsEachBoundWithTheCountItExpected() throws Exception {
    SshClientLibrary.MINA.exec(alice, "uptime");
    SshClientLibrary.MINA.exec(alice, "uptime");

    assertThatThrownBy(() -> verify(host, once()).ranCommand("uptime"))
        .hasMessageContaining("Expected command \"uptime\" exactly 1 time in")
        .hasMessageContaining("but found 2:");
    assertThatThrownBy(() -> verify(host, never()).ranCommand("uptime"))
        .hasMessageContaining("Expected command \"uptime\" exactly 0 times in");
    assertThatThrownBy(() -> verify(host, atLeast(3)).ranCommand("uptime"))
        .hasMessageContaining("Expected command \"uptime\" at least 3 times in");
    assertThatThrownBy(() -> verify(host, atMost(1)).ranCommand("uptime"))
        .hasMessageContaining("Expected command \"uptime\" at most 1 time in");
  }

  @Test
  void countsAreValuesThatReadBackAsTheirCall() {
    assertThat(times(3)).hasToString("times(3)").isEqualTo(times(3)).isNotEqualTo(atLeast(3));
    assertThat(once()).hasToString("once()").isEqualTo(times(1));
    assertThat(never()).hasToString("never()").isEqualTo(atMost(0));
    assertThat(atLeast(2)).hasToString("atLeast(2)");
    assertThat(atMost(2)).hasToString("atMost(2)");
  }

  @Test
  void showsNearMissesClosestFirstWhenACommandDidNotRun() throws Exception {
    SshClientLibrary.MINA.exec(alice, "ls -la /");
    SshClientLibrary.MINA.exec(alice, "uptime -p");
    SshClientLibrary.MINA.exec(alice, "uptime");

    assertThatThrownBy(() -> verify(host, times(3)).ranCommand("uptime"))
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

    assertThatThrownBy(() -> verify(host, once()).authenticated("alice"))
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
    verify(host).rejectedLogin("bob");
  }

  @Test
  void listsTheConnectionsWhenItExpectedNone() throws Exception {
    SshClientLibrary.SSHJ.exec(alice, "true");

    assertThatThrownBy(() -> verify(host, never()).connected())
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

    assertThat(verify(journal, atLeast(2)).connected()).hasSize(2);
    assertThatThrownBy(() -> verify(journal, times(2)).connected())
        .hasMessageContaining(
            "dropped the 1 oldest events beyond its capacity of 2, so it cannot tell");
    assertThatThrownBy(() -> verify(journal, atLeast(3)).connected())
        .hasMessageContaining("so it cannot tell");
    assertThatThrownBy(() -> verify(journal, atMost(1)).connected())
        .hasMessageContaining(
            "but found 2 among the events it kept; it dropped the 1 oldest events beyond its"
                + " capacity of 2:")
        .hasMessageNotContaining("cannot tell"); // two kept already break "at most one"
  }

  @Test
  void verifiesAnyKindOfEventWithAPredicate() {
    RecordingJournal journal = new RecordingJournal(10);
    journal.record(
        1,
        (s, t, c) -> new FaultFired(s, t, c, Stage.AUTH, 1, Fault.rejectAuth(), "rejected alice"));

    assertThat(
            verify(journal, once())
                .recorded(FaultFired.class, "fault at AUTH", f -> f.stage() == Stage.AUTH))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                verify(journal, once())
                    .recorded(FaultFired.class, "fault at KEX", f -> f.stage() == Stage.KEX))
        .hasMessageContaining("Expected fault at KEX exactly 1 time")
        .hasMessageContaining("stage=AUTH rule=1 fault=\"rejectAuth() at AUTH\"");
  }

  @Test
  void rejectsBlankExpectations() {
    assertThatThrownBy(() -> verify(host).ranCommand(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command line must not be blank, but was \" \"");
    assertThatThrownBy(() -> verify(host).ranCommandMatching("("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("command regex \"(\" does not compile");
    assertThatThrownBy(() -> times(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected number of events must be 0 or more, but was -1");
    assertThatThrownBy(() -> atLeast(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> atMost(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> verify(host, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("expected count must not be null");
  }
}
