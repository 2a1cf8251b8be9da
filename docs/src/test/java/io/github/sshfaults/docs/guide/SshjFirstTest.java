package io.github.sshfaults.docs.guide;

// tag::file[]
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.Test;

@SshFaultsTest
class SshjFirstTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @Test
  void readsUptime(FakeSshHost host) throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");

    try (SSHClient ssh = new SSHClient()) {
      ssh.setConnectTimeout(TIMEOUT_MILLIS);
      ssh.setTimeout(TIMEOUT_MILLIS);
      ssh.addHostKeyVerifier(host.hostKeyFingerprint());
      ssh.connect(host.host(), host.port());
      ssh.authPassword("alice", "secret");
      try (Session session = ssh.startSession()) {
        Session.Command uptime = session.exec("uptime");
        String stdout = IOUtils.readFully(uptime.getInputStream()).toString();
        uptime.join(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(stdout).isEqualTo("up 3 days\n");
        assertThat(uptime.getExitStatus()).isZero();
      }
    }
  }
}
// end::file[]
