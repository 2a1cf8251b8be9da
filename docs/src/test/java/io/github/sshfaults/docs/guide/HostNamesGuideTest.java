package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle page: what reports and outcome tables call hosts. */
@SshFaultsTest
class HostNamesGuideTest {

  // tag::named[]
  @Test
  void namesHostsInReportsAndTables(
      @FakeHost(name = "web-1", users = "deploy:s3cret") FakeSshHost web,
      @FakeHost(name = "db-1", users = "deploy:other") FakeSshHost db,
      ConcurrentSsh runner) {
    web.command("uptime").replies("up 3 days\n");

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(web, db),
            MinaClientAdapter.factory(),
            (mina, host) -> mina.exec(host, SshLogin.password("deploy", "s3cret"), "uptime"));

    assertThat(report).succeededOn(web).failedOn(db, FailureKind.AUTH);
    assertThat(web.displayName()).isEqualTo("web-1");
    assertThat(report.outcomes()).extracting(Outcome::targetName).containsExactly("web-1", "db-1");
  }
  // end::named[]
}
