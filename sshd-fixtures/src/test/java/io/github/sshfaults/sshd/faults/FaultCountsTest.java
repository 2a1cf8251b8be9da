package io.github.sshfaults.sshd.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plan's description says what each fault really did, as failure diagnostics print it. */
class FaultCountsTest {

  private final FakeSshHost host = FakeSshHost.builder().seed(11).start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void aRefusingHostSaysSinceWhenItsPortIsClosedAndThatItCannotCountTheRefusals() {
    host.faults().add(Fault.refuse());

    assertThatThrownBy(
            () -> SshClientLibrary.JSCH.exec(Login.password(host, "alice", "secret"), "id"))
        .hasRootCauseInstanceOf(ConnectException.class);

    assertThat(host.faults().describe())
        .matches(
            "seed 11, faults:\n  1\\. refuse\\(\\) at CONNECT  \\[port closed since"
                + " \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z, for \\S+; refused attempts never reach the"
                + " host, so none are counted]")
        .doesNotContain("fired");
    assertThat(host.journal().connections()).isEmpty();
  }

  @Test
  void countsOnlyTheFaultThatEndedTheConnection() throws Exception {
    host.faults().add(Fault.resetConnection(), Fault.dropConnection());

    assertThat(RawProbe.firstSign(host.host(), host.port(), Duration.ofSeconds(5)).ending())
        .isEqualTo(Ending.FIN);

    assertThat(host.faults().describe())
        .isEqualTo(
            "seed 11, faults:\n"
                + "  1. resetConnection() at CONNECT  [fired 0 times in 1 occasion]\n"
                + "  2. dropConnection() at CONNECT  [fired 1 time in 1 occasion]");
    assertThat(host.journal().events(FaultFired.class))
        .extracting(FaultFired::rule, FaultFired::fault)
        .containsExactly(tuple(2, Fault.dropConnection()));
  }

  @Test
  void aFaultWhoseEffectDoesNotApplyHasNotFired() throws Exception {
    host.command("id").replies("uid=1000\n");
    host.faults().add(Fault.rejectAuth(AuthMethod.PUBLIC_KEY), Fault.limitSessions(5));

    // sshj logs in with one password request: not a public key, and one session of at most five.
    // Neither effect can act there, so neither request nor login is an occasion for its fault.
    assertThat(SshClientLibrary.SSHJ.exec(Login.password(host, "alice", "secret"), "id"))
        .isEqualTo(new ExecResult("uid=1000\n", "", 0));

    assertThat(host.faults().describe())
        .isEqualTo(
            "seed 11, faults:\n"
                + "  1. rejectAuth(PUBLIC_KEY) at AUTH  [fired 0 times in 0 occasions]\n"
                + "  2. limitSessions(5) at AFTER_AUTH  [fired 0 times in 0 occasions]");
    assertThat(host.journal().faultsFired()).isEmpty();
  }

  @Test
  void aLimitCountsOnlyWhatTookEffect() throws Exception {
    host.command("id").replies("uid=1000\n");
    UserKey bob = host.userWithNewKey("bob");
    host.faults().add(Fault.rejectAuth(AuthMethod.PUBLIC_KEY).atMost(1));

    // A password login does not use the fault up: a password request is no occasion for it.
    assertThat(SshClientLibrary.SSHJ.exec(Login.password(host, "alice", "secret"), "id"))
        .isEqualTo(new ExecResult("uid=1000\n", "", 0));
    // So the first key login is rejected, and the second gets in.
    assertThatThrownBy(() -> SshClientLibrary.SSHJ.exec(Login.key(host, bob), "id"))
        .isInstanceOf(net.schmizz.sshj.userauth.UserAuthException.class);
    assertThat(SshClientLibrary.SSHJ.exec(Login.key(host, bob), "id"))
        .isEqualTo(new ExecResult("uid=1000\n", "", 0));

    // Occasions: the rejected key query, then the second login's query and signed request.
    assertThat(host.faults().describe())
        .isEqualTo(
            "seed 11, faults:\n"
                + "  1. rejectAuth(PUBLIC_KEY) at AUTH when atMost(1)"
                + "  [fired 1 time in 3 occasions]");
    assertThat(host.journal().faultsFired())
        .singleElement()
        .extracting(FaultFired::connection)
        .isEqualTo(2);
  }
}
