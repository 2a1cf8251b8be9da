package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.sshd.journal.AlgorithmsNegotiated;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hosts with an RSA host key serve every client, which can verify it; every host key type gives a
 * known_hosts line that logins take.
 */
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

  @ParameterizedTest
  @EnumSource(HostKeyType.class)
  void givesAKnownHostsLineThatLoginsAcceptAndThatNamesItsKeyType(HostKeyType type) {
    try (FakeSshHost host = FakeSshHost.builder().hostKeyType(type).start()) {
      String line = host.knownHostsLine();
      String[] fields = line.split(" ");
      String otherType = fields[1].equals("ssh-rsa") ? "ecdsa-sha2-nistp256" : "ssh-rsa";

      assertThat(SshLogin.password("alice", "secret").withKnownHostsLine(line).knownHostsLines())
          .containsExactly(line);
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  SshLogin.password("alice", "secret")
                      .withKnownHostsLine(fields[0] + " " + otherType + " " + fields[2]))
          .withMessageContaining(
              "the key is a \"" + fields[1] + "\" key, but the line says \"" + otherType + "\"");
    }
  }
}
