package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.journal.AlgorithmsNegotiated;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hosts with an RSA host key serve every client, which can verify it. */
class HostKeyTypeTest {

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void servesAnRsaHostKeyThatClientsVerify(SshClientLibrary client) throws Exception {
    try (FakeSshHost host = FakeSshHost.builder().hostKeyType(HostKeyType.RSA).start()) {
      host.user("alice", "secret").command("hostname").replies("legacy\n");

      String stdout =
          client
              .exec(
                  Login.password(host, "alice", "secret").trusting(host.knownHostsLine()),
                  "hostname")
              .stdout();

      assertThat(stdout).isEqualTo("legacy\n");
      assertThat(host.hostKeyType()).isEqualTo(HostKeyType.RSA);
      assertThat(host.hostKey().getAlgorithm()).isEqualTo("RSA");
      assertThat(host.knownHostsLine()).contains(" ssh-rsa AAAA");
      assertThat(host.journal().events(AlgorithmsNegotiated.class).get(0).hostKey())
          .as("sshj 0.40 still settles for SHA-1 signatures when the host offers them")
          .isIn("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    }
  }

  @ParameterizedTest
  @EnumSource(HostKeyType.class)
  void sharesOneKeyPerTypeAcrossHosts(HostKeyType type) {
    try (FakeSshHost one = FakeSshHost.builder().hostKeyType(type).start();
        FakeSshHost two = FakeSshHost.builder().hostKeyType(type).start()) {
      assertThat(one.hostKey()).isEqualTo(two.hostKey());
    }
  }
}
