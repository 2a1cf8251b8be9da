package io.github.sshfaults.sshd.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.internal.SftpServer;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A user who excludes {@code org.apache.sshd:sshd-sftp} still gets working hosts: exec, files and
 * journal work, and SFTP is refused as by a server without an SFTP subsystem, with the reason in
 * the journal. Runs only in the {@code minimal-class-path} Surefire execution, whose class path
 * lacks that module and BouncyCastle (see this module's pom).
 */
@Tag("minimal-class-path")
class WithoutSftpModuleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void theClassPathReallyLacksTheSftpModuleAndBouncyCastle() {
    assertThatThrownBy(() -> Class.forName("org.apache.sshd.sftp.server.SftpSubsystemFactory"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () -> Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void hostStartsAndServesCommandsAndFiles() {
    try (FakeSshHost host = FakeSshHost.builder().name("no-sftp").start()) {
      host.user("alice", "secret").command("uptime").replies("up 3 days\n");
      host.files().write("/data/report.csv", "id\n");

      RunReport<FakeSshHost, CommandOutput> report =
          ConcurrentSsh.create()
              .run(
                  List.of(host),
                  MinaClientAdapter.factory(TIMEOUT),
                  (client, target) ->
                      client.exec(target, SshLogin.password("alice", "secret"), "uptime"));

      assertThat(report.values()).extracting(CommandOutput::stdout).containsExactly("up 3 days\n");
      assertThat(host.files().readString("/data/report.csv")).isEqualTo("id\n");
    }
  }

  @Test
  void sftpIsRefusedAndTheJournalSaysWhy() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("alice", "secret");
      Session session = new JSch().getSession("alice", host.host(), host.port());
      session.setPassword("secret");
      session.setConfig("StrictHostKeyChecking", "no");
      try {
        session.connect((int) TIMEOUT.toMillis());

        assertThatThrownBy(() -> session.openChannel("sftp").connect((int) TIMEOUT.toMillis()))
            .isInstanceOf(JSchException.class);
      } finally {
        session.disconnect();
      }

      assertThat(host.journal().sftpOperations()).isEmpty();
      List<ChannelRequest> requests = host.journal().events(ChannelRequest.class);
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0).request()).isEqualTo("subsystem sftp");
      assertThat(requests.get(0).accepted()).isFalse();
      assertThat(requests.get(0).reason())
          .isEqualTo(SftpServer.MISSING)
          .contains("org.apache.sshd:sshd-sftp is not on the class path");
    }
  }
}
