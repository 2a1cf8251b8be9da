package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.Trigger;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/guide/triggers-and-seeds.md}: each trigger, the live plan, and seeds,
 * each checked connection by connection with Apache MINA SSHD's client.
 */
@SshFaultsTest
class TriggersAndSeedsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private MinaClientAdapter mina;

  @BeforeEach
  void client() throws Exception {
    mina = MinaClientAdapter.factory(TIMEOUT).create();
  }

  @AfterEach
  void closeClient() {
    mina.close();
  }

  /** Every example's host lets deploy and alice in and answers every command. */
  private static void usersAndStubs(FakeSshHost host) {
    host.user("deploy", "secret");
    host.user("alice", "secret");
    host.commandMatching(".*").replies("done\n");
  }

  @Test
  void triggersThatCannotWork() {
    // tag::refused-triggers[]
    assertThatThrownBy(() -> Fault.dropConnection().forUser("deploy"))   // at CONNECT
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("forUser(\"deploy\") needs a stage where the user is known (AUTH, AFTER_AUTH,"
            + " CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING), but dropConnection() is at"
            + " CONNECT");
    assertThatThrownBy(() -> Fault.dropConnection().withProbability(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be between 0.0 and 1.0, but was 1.5");
    assertThatThrownBy(() -> Fault.dropConnection().everyNth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n of everyNth must be at least 1, but was 0");
    // end::refused-triggers[]
  }

  @Test
  void always(FakeSshHost host) {
    usersAndStubs(host);
    // tag::always[]
    host.faults().add(Fault.dropConnection());   // no trigger: every connection

    assertThat(connect(host, 3)).containsExactly("failed", "failed", "failed");
    // end::always[]
  }

  @Test
  void describesWhatEachFaultDid(FakeSshHost host) {
    usersAndStubs(host);
    // tag::counts[]
    host.faults().add(Fault.resetConnection(), Fault.dropConnection().firstAttempts(1));

    assertThat(connect(host, 2)).containsExactly("failed", "failed");
    assertThat(host.faults().describe()).endsWith(
        "  1. resetConnection() at CONNECT  [fired 1 time in 2 occasions]\n"
            + "  2. dropConnection() at CONNECT when firstAttempts(1)  [fired 1 time in 2 occasions]");
    // end::counts[]
  }

  @Test
  void newestWins(FakeSshHost host) {
    usersAndStubs(host);
    // tag::newest-wins[]
    host.faults().add(
        Fault.exitWith(1, "maintenance\n").forCommandGlob("*"),       // every command...
        Fault.exitWith(0, "").forCommand("uptime"));                  // ...but uptime, added later

    assertThat(run(host, "deploy", "deploy")).isEqualTo("failed");
    assertThat(run(host, "deploy", "uptime")).isEqualTo("ok");        // two exit codes: the newest
    // end::newest-wins[]
  }

  @Test
  void onConnection(FakeSshHost host) {
    usersAndStubs(host);
    // tag::on-connection[]
    host.faults().add(Fault.dropConnection().onConnection(2));

    assertThat(connect(host, 4)).containsExactly("ok", "failed", "ok", "ok");
    // end::on-connection[]
  }

  @Test
  void firstAndFromConnections(FakeSshHost host) {
    usersAndStubs(host);
    // tag::first-connections[]
    host.faults().add(Fault.dropConnection().firstConnections(2));

    assertThat(connect(host, 4)).containsExactly("failed", "failed", "ok", "ok");

    host.faults().replace(FaultPlan.of(Fault.dropConnection().fromConnection(6)));

    assertThat(connect(host, 3)).containsExactly("ok", "failed", "failed");   // 5, 6, 7
    // end::first-connections[]
  }

  @Test
  void firstAttempts(FakeSshHost host) {
    usersAndStubs(host);
    // tag::first-attempts[]
    host.faults().add(Fault.exitWith(1, "lock held\n").forCommand("deploy").firstAttempts(2));

    assertThat(run(host, "deploy", "deploy")).isEqualTo("failed");
    assertThat(run(host, "deploy", "uptime")).isEqualTo("ok");   // not counted: another command
    assertThat(run(host, "deploy", "deploy")).isEqualTo("failed");
    assertThat(run(host, "deploy", "deploy")).isEqualTo("ok");   // fail twice, then succeed
    // end::first-attempts[]
  }

  @Test
  void everyNth(FakeSshHost host) {
    usersAndStubs(host);
    // tag::every-nth[]
    host.faults().add(Fault.dropConnection().everyNth(3));

    assertThat(connect(host, 6)).containsExactly("ok", "ok", "failed", "ok", "ok", "failed");
    // end::every-nth[]
  }

  @Test
  void forUser(FakeSshHost host) {
    usersAndStubs(host);
    // tag::for-user[]
    host.faults().add(Fault.rejectAuth().forUser("deploy"));

    assertThat(run(host, "deploy", "uptime")).isEqualTo("failed");
    assertThat(run(host, "alice", "uptime")).isEqualTo("ok");
    // end::for-user[]
  }

  @Test
  void forCommand(FakeSshHost host) {
    usersAndStubs(host);
    // tag::for-command[]
    host.faults().add(
        Fault.exitWith(1, "exact\n").forCommand("uptime"),
        Fault.exitWith(2, "glob\n").forCommandGlob("systemctl *"),
        Fault.exitWith(3, "regex\n").forCommandMatching("rm -rf? /.*"));

    assertThat(run(host, "deploy", "uptime")).isEqualTo("failed");
    assertThat(run(host, "deploy", "uptime -p")).isEqualTo("ok");   // exact means exact
    assertThat(run(host, "deploy", "systemctl restart nginx")).isEqualTo("failed");
    assertThat(run(host, "deploy", "systemctl")).isEqualTo("ok");   // the glob wants "systemctl "
    assertThat(run(host, "deploy", "rm -rf /var/cache")).isEqualTo("failed");
    assertThat(run(host, "deploy", "rm /tmp/x")).isEqualTo("ok");   // the whole line must match
    // end::for-command[]
  }

  @Test
  void oneGlobEverywhere(FakeSshHost host) {
    host.user("deploy", "secret");
    // tag::globs[]
    host.commandGlob("systemctl *").replies("ok\n");                          // a stub
    host.faults().add(Fault.exitWith(1, "failed\n").forCommandGlob("* nginx"));   // a trigger

    assertThat(run(host, "deploy", "systemctl restart nginx")).isEqualTo("failed");
    assertThat(run(host, "deploy", "systemctl restart /srv/app/{a,b}")).isEqualTo("ok");
    assertThat(run(host, "deploy", "systemctl")).isEqualTo("failed");   // no stub: exit 127
    verify(host, times(2)).ranCommandGlob("systemctl *");                    // verification
    // end::globs[]
  }

  @Test
  void probability() {
    // tag::probability[]
    Fault flaky = Fault.dropConnection().withProbability(0.3);
    try (FakeSshHost first = FakeSshHost.builder().seed(42).faults(flaky).start();
        FakeSshHost again = FakeSshHost.builder().seed(42).faults(flaky).start();
        FakeSshHost other = FakeSshHost.builder().seed(43).faults(flaky).start()) {
      for (FakeSshHost host : List.of(first, again, other)) {
        usersAndStubs(host);
      }

      List<String> pattern = connect(first, 12);
      assertThat(pattern).contains("ok", "failed");
      assertThat(connect(again, 12)).isEqualTo(pattern);   // same seed, same connections fail
      assertThat(connect(other, 12)).isNotEqualTo(pattern);   // another seed, others
    }
    // end::probability[]
  }

  @Test
  void atMost(FakeSshHost host) {
    usersAndStubs(host);
    // tag::at-most[]
    host.faults().add(Fault.dropConnection().everyNth(2).atMost(2));

    assertThat(connect(host, 8))
        .containsExactly("ok", "failed", "ok", "failed", "ok", "ok", "ok", "ok");
    // end::at-most[]
  }

  @Test
  void and(FakeSshHost host) {
    usersAndStubs(host);
    // tag::and[]
    host.faults().add(
        Fault.exitWith(1, "Failed to restart\n")
            .when(Trigger.forUser("deploy").and(Trigger.forCommandGlob("systemctl *"))));

    assertThat(run(host, "deploy", "systemctl restart nginx")).isEqualTo("failed");
    assertThat(run(host, "alice", "systemctl restart nginx")).isEqualTo("ok");
    assertThat(run(host, "deploy", "uptime")).isEqualTo("ok");
    // end::and[]
  }

  @Test
  void livePlan(FakeSshHost host) {
    usersAndStubs(host);
    // tag::live-plan[]
    host.faults().add(Fault.dropConnection().firstAttempts(1));
    assertThat(connect(host, 2)).containsExactly("failed", "ok");

    host.faults().add(Fault.exitWith(1, "").forCommand("uptime"));   // counts carry on...
    assertThat(connect(host, 1)).containsExactly("failed");   // ...so only uptime fails now

    host.faults().replace(FaultPlan.of(Fault.dropConnection().firstAttempts(1)));
    assertThat(connect(host, 2)).containsExactly("failed", "ok");   // counts start again

    host.faults().clear();
    assertThat(connect(host, 2)).containsExactly("ok", "ok");
    // end::live-plan[]
    assertThat(host.journal().faultsFired()).hasSize(3);
  }

  @Test
  void livePlanAndOpenConnections(FakeSshHost host) throws Exception {
    usersAndStubs(host);
    // tag::live-plan-open-connection[]
    ClientSession open = mina.connect(host, login(host));   // logged in before the change
    assertThat(open.executeRemoteCommand("uptime")).isEqualTo("done\n");

    host.faults().add(Fault.exitWith(1, "gone\n").forCommand("uptime"));

    assertThatThrownBy(() -> open.executeRemoteCommand("uptime"))   // its next command fails
        .isInstanceOf(RemoteException.class);
    // end::live-plan-open-connection[]
  }

  @Test
  void randomSeedPerHost() {
    assumeTrue(
        System.getProperty(HostFaults.SEED_PROPERTY) == null,
        "-Dsshfaults.seed gives every host the same seed");
    // tag::seed-shown[]
    try (FakeSshHost a = FakeSshHost.start();
        FakeSshHost b = FakeSshHost.start()) {
      assertThat(a.seed()).isNotEqualTo(b.seed());   // random per host, unless set

      assertThat(a.toString()).endsWith(", seed=" + a.seed() + "]");
      assertThat(a.faults().describe()).startsWith("seed " + a.seed() + ", no faults");
      assertThat(a.journal().describeTail(10)).contains("seed=" + a.seed());
    }
    // end::seed-shown[]
  }

  @Test
  void seedFromTheAnnotation(@FakeHost(seed = "42") FakeSshHost host) {
    // tag::seed-annotation[]
    assertThat(host.seed()).isEqualTo(42);
    // end::seed-annotation[]
  }

  @Test
  void seedFromTheSystemProperty() {
    String before = System.getProperty(HostFaults.SEED_PROPERTY);
    try {
      // tag::seed-property[]
      System.setProperty("sshfaults.seed", "42");   // what -Dsshfaults.seed=42 does
      try (FakeSshHost unset = FakeSshHost.start();
          FakeSshHost pinned = FakeSshHost.builder().seed(7).start()) {
        assertThat(unset.seed()).isEqualTo(42);   // every host without a seed of its own
        assertThat(pinned.seed()).isEqualTo(7);   // the builder's seed wins
      }
      // end::seed-property[]
    } finally {
      if (before == null) {
        System.clearProperty(HostFaults.SEED_PROPERTY);
      } else {
        System.setProperty(HostFaults.SEED_PROPERTY, before);
      }
    }
  }

  // tag::helpers[]
  /** Connects {@code n} times one after the other as deploy, runs uptime: "ok" or "failed". */
  private List<String> connect(FakeSshHost host, int n) {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outcomes.add(run(host, "deploy", "uptime"));
    }
    return outcomes;
  }

  /** Logs in as {@code user}, runs {@code command}: "ok" if it exits 0, else "failed". */
  private String run(FakeSshHost host, String user, String command) {
    try {
      SshLogin login = SshLogin.password(user, "secret").withKnownHostsLine(host.knownHostsLine());
      mina.exec(host, login, command);   // throws unless the command exits 0
      return "ok";
    } catch (Exception e) {
      return "failed";
    }
  }
  // end::helpers[]

  private static SshLogin login(FakeSshHost host) {
    return SshLogin.password("deploy", "secret").withKnownHostsLine(host.knownHostsLine());
  }
}
