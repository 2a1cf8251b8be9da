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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle page: the concurrent runner as a test parameter. */
@SshFaultsTest
class InjectedRunnerTest {

  // tag::runner[]
  @Test
  void checksTheFleet(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web,
      @FakeHost(users = "deploy:other") FakeSshHost db,
      ConcurrentSsh runner) {                         // named after the test
    web.command("uptime").replies("up 3 days\n");

    RunReport<FakeSshHost, CommandOutput> report =
        runner
            .withTaskDeadline(Duration.ofSeconds(20))  // configure as any ConcurrentSsh
            .run(
                List.of(web, db),
                MinaClientAdapter.factory(),
                (mina, host) -> mina.exec(host, SshLogin.password("deploy", "s3cret"), "uptime"));

    assertThat(report).succeededOn(web).failedOn(db, FailureKind.AUTH);
    assertThat(report.outcomes())
        .extracting(Outcome::threadName)
        .allMatch(name -> name.startsWith("sshfaults-checksTheFleet-"));
  }
  // end::runner[]
}
