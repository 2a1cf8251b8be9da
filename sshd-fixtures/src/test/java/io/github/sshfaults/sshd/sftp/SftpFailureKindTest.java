package io.github.sshfaults.sshd.sftp;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runner classifies what each client library really throws for an SFTP status as {@link
 * FailureKind#SFTP}, and a transfer cut by the connection's end (FIN or RST) as {@link
 * FailureKind#DISCONNECTED}, never as a success nor as an SFTP status: JSch and sshj wrap the end
 * of the connection in their SFTP exception, which the classifier sees through; MINA SSHD's client
 * says "Timeout expired while waiting for id=..." at once, which {@link
 * io.github.sshfaults.clients.mina.MinaClientAdapter#sftp} turns into a closed channel.
 */
class SftpFailureKindTest {

  private final ConcurrentSsh runner = ConcurrentSsh.create().withThreads(4);
  private final FakeSshHost good = FakeSshHost.builder().name("good").start();
  private final FakeSshHost locked = FakeSshHost.builder().name("locked").start();
  private final FakeSshHost dropped = FakeSshHost.builder().name("dropped").start();
  private final FakeSshHost reset = FakeSshHost.builder().name("reset").start();

  @AfterEach
  void closeHosts() {
    good.close();
    locked.close();
    dropped.close();
    reset.close();
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void classifiesAStatusAsSftpAndACutTransferAsDisconnected(SftpClients client) {
    for (FakeSshHost host : List.of(good, locked, dropped, reset)) {
      host.user("alice", "secret").files().write("/data/report.csv", new byte[200_000]);
    }
    locked.faults().add(Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(SftpAction.OPEN));
    dropped.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(50_000));
    reset.faults().add(Fault.resetConnection().at(Stage.SFTP).afterBytes(50_000));

    RunReport<FakeSshHost, Integer> report =
        runner.run(
            List.of(good, locked, dropped, reset),
            host -> {
              try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
                return sftp.download("/data/report.csv").length;
              }
            });

    assertThat(report)
        .succeededOn(good)
        .failedOn(locked, FailureKind.SFTP)
        .failedOn(dropped, FailureKind.DISCONNECTED)
        .failedOn(reset, FailureKind.DISCONNECTED);
  }
}
