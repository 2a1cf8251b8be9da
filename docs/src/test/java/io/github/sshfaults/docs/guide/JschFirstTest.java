package io.github.sshfaults.docs.guide;

// tag::file[]
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

@SshFaultsTest
class JschFirstTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @Test
  void readsUptime(FakeSshHost host) throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");

    JSch jsch = new JSch();
    jsch.setKnownHosts(new ByteArrayInputStream(host.knownHostsLine().getBytes(UTF_8)));
    Session session = jsch.getSession("alice", host.host(), host.port());
    session.setConfig("StrictHostKeyChecking", "yes");
    session.setPassword("secret".getBytes(UTF_8));
    session.connect(TIMEOUT_MILLIS);
    try {
      ChannelExec channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand("uptime");
      InputStream stdout = channel.getInputStream();
      channel.connect(TIMEOUT_MILLIS);
      assertThat(new String(stdout.readAllBytes(), UTF_8)).isEqualTo("up 3 days\n");
    } finally {
      session.disconnect();
    }
  }
}
// end::file[]
