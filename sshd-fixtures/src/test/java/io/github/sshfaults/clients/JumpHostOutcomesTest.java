package io.github.sshfaults.clients;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;

import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fleet behind a bastion, run by {@link ConcurrentSsh} with each client adapter: every failure
 * names the hop it happened on, and is classified by what went wrong there.
 */
@Timeout(60)
class JumpHostOutcomesTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");
  private static final Duration AWAIT = Duration.ofSeconds(10);

  private final List<FakeSshHost> hosts = new ArrayList<>();

  @AfterEach
  void closeHosts() {
    hosts.forEach(FakeSshHost::close);
  }

  private FakeSshHost host(String name) {
    FakeSshHost host = FakeSshHost.builder().name(name).start();
    hosts.add(host);
    host.user("alice", "secret").command("hostname").replies(name + "\n");
    return host;
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void namesTheHopThatFailedAndClassifiesWhatFailedThere(ClientAdapters client) {
    FakeSshHost web1 = host("web-1");
    FakeSshHost down = host("web-2");
    FakeSshHost locked = host("web-3");
    locked.faults().add(Fault.rejectAuth());
    FakeSshHost dropping = host("web-4");
    dropping.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));
    FakeSshHost bastion = host("bastion");
    for (FakeSshHost inner : List.of(web1, down, locked, dropping)) {
      bastion.allowForwarding("alice", TunnelDestination.host(inner));
    }
    FakeSshHost lockedBastion = FakeSshHost.builder().name("bastion-2").start();
    hosts.add(lockedBastion);
    lockedBastion.user("alice", "rotated-yesterday");
    down.stop();
    SshTarget viaWeb1 = web1.withJumpHost(bastion, ALICE);
    SshTarget viaDown = down.withJumpHost(bastion, ALICE);
    SshTarget viaLocked = locked.withJumpHost(bastion, ALICE);
    SshTarget viaDropping = dropping.withJumpHost(bastion, ALICE);
    SshTarget viaLockedBastion = web1.withJumpHost(lockedBastion, ALICE);

    RunReport<SshTarget, CommandOutput> report =
        ConcurrentSsh.create()
            .run(
                List.of(viaWeb1, viaLockedBastion, viaDown, viaLocked, viaDropping),
                client.factory(),
                (ssh, target) -> ssh.exec(target, ALICE, "hostname"));

    assertThat(report)
        .succeededOn(viaWeb1)
        .failedOn(viaLockedBastion, FailureKind.AUTH)
        .failedOn(viaDown, FailureKind.CONNECT_REFUSED)
        .failedOn(viaLocked, FailureKind.AUTH)
        .failedOn(viaDropping, FailureKind.DISCONNECTED)
        .noneHung()
        .leftNoThreads();
    assertThat(report.values().get(0).stdout()).isEqualTo("web-1\n");
    assertThat(report.outcomes())
        .extracting(Outcome::targetName)
        .containsExactly(
            "web-1 via bastion",
            "web-1 via bastion-2",
            "web-2 via bastion",
            "web-3 via bastion",
            "web-4 via bastion");
    assertHop(
        report.outcomes().get(1),
        Hop.JUMP_HOST,
        "jump host bastion-2 (127.0.0.1:" + lockedBastion.port() + "): ");
    assertHop(
        report.outcomes().get(2),
        Hop.TUNNEL,
        "jump host bastion (127.0.0.1:"
            + bastion.port()
            + ") could not open a tunnel to inner host web-2 (127.0.0.1:"
            + down.port()
            + "): ");
    assertHop(
        report.outcomes().get(3),
        Hop.INNER_HOST,
        "inner host web-3 (127.0.0.1:" + locked.port() + ") via bastion: ");
    assertHop(
        report.outcomes().get(4),
        Hop.INNER_HOST,
        "inner host web-4 (127.0.0.1:" + dropping.port() + ") via bastion: ");
    List<String> rows = report.table().lines().toList();
    assertThat(rows.get(2).split(" \\| ")[3]).startsWith("jump host bastion-2: ");
    assertThat(rows.get(3).split(" \\| ")[3]).startsWith("tunnel from bastion: ");
    assertThat(rows.get(4).split(" \\| ")[3]).startsWith("inner host: ");
    assertThat(rows.get(5).split(" \\| ")[3]).startsWith("inner host: ");
    // Each failure happened where the outcome says, on the wire.
    verify(lockedBastion, once()).rejectedLogin("alice");
    assertThat(verify(bastion, once()).refusedForwarding().get(0).reasonCode())
        .isEqualTo(OptionalInt.of(2));
    verify(locked, once()).rejectedLogin("alice");
    verify(dropping, once()).authenticated("alice");
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void closesTheBastionsConnectionWithEachCall(ClientAdapters client) throws Exception {
    FakeSshHost web1 = host("web-1");
    FakeSshHost bastion = host("bastion");
    bastion.allowForwarding("alice", TunnelDestination.host(web1));
    SshTarget target = web1.withJumpHost(bastion, ALICE);

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      for (int call = 1; call <= 2; call++) {
        assertThat(ssh.exec(target, ALICE, "hostname").stdout()).isEqualTo("web-1\n");

        // Before the adapter closes: each call closed both of its connections.
        assertThat(bastion.journal().awaitClosedConnections(call, AWAIT)).hasSize(call);
        assertThat(web1.journal().awaitClosedConnections(call, AWAIT)).hasSize(call);
      }
    }
    assertThat(bastion.journal().connections()).hasSize(2);
    assertThat(web1.journal().connections()).hasSize(2);
  }

  private static void assertHop(
      Outcome<SshTarget, CommandOutput> outcome, Hop hop, String messageStart) {
    assertThat(outcome.failure().orElseThrow())
        .isInstanceOfSatisfying(
            HopFailedException.class,
            failure -> {
              assertThat(failure.hop()).isEqualTo(hop);
              assertThat(failure.getMessage()).startsWith(messageStart);
            });
    assertThat(outcome.message()).startsWith(messageStart);
  }
}
