package io.github.sshfaults.sshd.tunnel;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.testclients.JumpClient;
import io.github.sshfaults.sshd.testclients.JumpClient.Hop;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fake bastion that forwards to another fake host, reached with each client library's jump host
 * support: the inner host answers and keeps its own faults, and the two journals make one chain.
 */
@Timeout(60)
class JumpHostTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private FakeSshHost bastion;
  private FakeSshHost inner;

  @BeforeEach
  void start() {
    inner = FakeSshHost.builder().name("inner").start();
    inner.user("alice", "secret").command("hostname").replies("inner\n");
    bastion = FakeSshHost.builder().name("bastion").start();
    bastion.user("alice", "secret").allowForwarding("alice", TunnelDestination.host(inner));
  }

  @AfterEach
  void close() {
    bastion.close();
    inner.close();
  }

  private Hop jump() {
    return new Hop(bastion.host(), bastion.port(), "alice", "secret");
  }

  private Hop innerHop() {
    return new Hop(inner.host(), inner.port(), "alice", "secret");
  }

  @ParameterizedTest
  @EnumSource(JumpClient.class)
  void runsTheCommandOnTheInnerHostThroughTheBastion(JumpClient client) throws Exception {
    assertThat(client.exec(jump(), innerHop(), "hostname", TIMEOUT)).isEqualTo("inner\n");

    Forwarding hop = verify(bastion, once()).forwardedTo(TunnelDestination.host(inner)).get(0);
    assertThat(hop.destination()).isEqualTo("host(inner)");
    int connection = inner.connectionVia(hop).orElseThrow();
    assertThat(inner.journal().eventsOf(connection))
        .filteredOn(CommandRun.class::isInstance)
        .extracting(event -> ((CommandRun) event).commandLine())
        .containsExactly("hostname");
    verify(bastion, never()).ranCommand("hostname");
  }

  @ParameterizedTest
  @EnumSource(JumpClient.class)
  void reachesTheInnerHostByItsNameAsAProxyJumpConfigurationNamesIt(JumpClient client)
      throws Exception {
    Hop byName = new Hop("inner", 22, "alice", "secret");

    assertThat(client.exec(jump(), byName, "hostname", TIMEOUT)).isEqualTo("inner\n");

    assertThat(
            verify(bastion, once()).forwardedTo(TunnelDestination.host(inner)).get(0).requested())
        .isEqualTo("inner:22");
  }

  @ParameterizedTest
  @EnumSource(JumpClient.class)
  void theInnerHostKeepsItsOwnFaults(JumpClient client) {
    inner.faults().add(Fault.rejectAuth());

    Throwable thrown = catchThrowable(() -> client.exec(jump(), innerHop(), "hostname", TIMEOUT));

    assertThat(thrown).isNotNull();
    verify(bastion, once()).authenticated("alice");
    Forwarding hop = verify(bastion, once()).forwardedTo(TunnelDestination.host(inner)).get(0);
    verify(inner, once()).rejectedLogin("alice");
    assertThat(inner.connectionVia(hop)).isPresent();
  }

  @ParameterizedTest
  @EnumSource(JumpClient.class)
  void aBastionWhoseInnerHostIsDownRefusesTheHopWithConnectFailed(JumpClient client) {
    inner.stop();

    Throwable thrown = catchThrowable(() -> client.exec(jump(), innerHop(), "hostname", TIMEOUT));

    assertThat(thrown).isNotNull();
    Forwarding refused = verify(bastion, once()).refusedForwarding().get(0);
    assertThat(refused.destination()).isEqualTo("host(inner)");
    assertThat(refused.reasonCode()).isEqualTo(OptionalInt.of(2));
    assertThat(inner.connectionVia(refused)).isEmpty();
  }
}
