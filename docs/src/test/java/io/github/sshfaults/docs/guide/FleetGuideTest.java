package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The lifecycle page: fleets, many hosts configured alike. */
@SshFaultsTest
@Execution(ExecutionMode.SAME_THREAD)   // the shared fleet below
class FleetGuideTest {

  // tag::fleet[]
  @Test
  void findsTheOneHostThatTurnsUsAway(
      @FakeHost(name = "web", count = 12, users = "deploy:s3cret") List<FakeSshHost> web,
      ConcurrentSsh runner) {
    web.forEach(host -> host.command("uptime").replies("up 3 days\n"));
    FakeSshHost locked = web.get(6);                       // web-7
    locked.faults().add(Fault.rejectAuth());

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            web,
            MinaClientAdapter.factory(),
            (mina, host) -> mina.exec(host, SshLogin.password("deploy", "s3cret"), "uptime"));

    assertThat(report).failedOn(locked, FailureKind.AUTH);
    assertThat(report.successes()).hasSize(11);
    assertThat(locked.displayName()).isEqualTo("web-7");
  }
  // end::fleet[]

  // tag::shared-fleet[]
  @FakeHost(count = 3, users = "deploy:s3cret")
  static List<FakeSshHost> cache;                   // cache-1 to cache-3, shared by the class

  @Test
  void usesTheSharedFleet() throws Exception {
    for (FakeSshHost host : cache) {
      host.command("hostname").replies(host.displayName() + "\n");
      assertThat(exec(host, "deploy", "s3cret", "hostname").stdout())
          .isEqualTo(host.displayName() + "\n");
    }
  }
  // end::shared-fleet[]
}
