package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.Test;

// The README's quick start, verbatim between the tags.
// tag::quick-start[]
@SshFaultsTest
class QuickStartTest {
  @Test
  void readsUptime(FakeSshHost host) throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");

    try (SSHClient ssh = new SSHClient()) {                  // sshj, as an example
      ssh.setTimeout(10_000);                                // sshj waits forever by default
      ssh.addHostKeyVerifier(host.hostKeyFingerprint());     // verify, don't accept all
      ssh.connect(host.host(), host.port());
      ssh.authPassword("alice", "secret");
      try (Session session = ssh.startSession()) {
        Session.Command uptime = session.exec("uptime");
        assertThat(IOUtils.readFully(uptime.getInputStream()).toString()).isEqualTo("up 3 days\n");
      }
    }
  }
}
// end::quick-start[]
