package io.github.sshfaults.docs.guide;

// tag::file[]
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@SshFaultsTest
class FleetUptimeWithSshfaultsTest {

  static Stream<ClientFactory<? extends SshClientAdapter>> clients() {
    return Stream.of(
        MinaClientAdapter.factory(), JschClientAdapter.factory(), SshjClientAdapter.factory());
  }

  @ParameterizedTest
  @MethodSource("clients")
  void reportsEachHostsOutcome(
      ClientFactory<? extends SshClientAdapter> clients,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web1,
      @FakeHost(users = "deploy:rotated-yesterday") FakeSshHost web2,
      FakeSshHost web3,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web4,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web5,
      ConcurrentSsh runner) {
    web1.command("uptime")
        .replies(" 10:14:03 up 3 days,  2:01,  1 user,  load average: 0.10, 0.08, 0.01\n");
    web3.close();
    web4.command("uptime").exitWith(1, "uptime: /proc must be mounted\n");
    web5.command("uptime")
        .replies(" 10:14:03 up 7 min,  0 users,  load average: 0.52, 0.18, 0.06\n");

    RunReport<FakeSshHost, Integer> report =
        runner
            .withThreads(3)
            .run(
                List.of(web1, web2, web3, web4, web5),
                clients,
                (ssh, host) -> {
                  SshLogin deploy =
                      SshLogin.password("deploy", "s3cret")
                          .withKnownHostsLine(host.knownHostsLine());
                  return UptimeWorker.parseDays(ssh.exec(host, deploy, "uptime").stdout());
                });

    assertThat(report)
        .succeededOn(web1)
        .failedOn(web2, FailureKind.AUTH)
        .failedOn(web3, FailureKind.CONNECT_REFUSED)
        .failedOn(web4, FailureKind.COMMAND_FAILED)
        .failedOn(web5, FailureKind.UNEXPECTED)
        .noneHung();
    assertThat(report.values()).containsExactly(3);
  }
}
// end::file[]
