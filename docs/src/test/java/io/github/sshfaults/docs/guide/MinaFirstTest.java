package io.github.sshfaults.docs.guide;

// tag::file[]
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;

import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SshFaultsTest
class MinaFirstTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void readsUptime(FakeSshHost host, @TempDir Path dir) throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), host.knownHostsLine() + "\n");

    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
      client.start();
      try (ClientSession session =
          client.connect("alice", host.host(), host.port()).verify(TIMEOUT).getSession()) {
        session.addPasswordIdentity("secret");
        session.auth().verify(TIMEOUT);
        assertThat(session.executeRemoteCommand("uptime", TIMEOUT)).isEqualTo("up 3 days\n");
      }
    }
  }
}
// end::file[]
