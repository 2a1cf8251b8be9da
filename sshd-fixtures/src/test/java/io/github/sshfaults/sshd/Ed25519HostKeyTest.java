package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.testclients.KexInit;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host with OpenSSH's default key type: every client logs in trusting only its known_hosts line,
 * and a swapped key is another Ed25519 key, which each client refuses. BouncyCastle is on this
 * class path (sshj brings it); WithoutEd25519ProviderTest covers a class path without it.
 */
class Ed25519HostKeyTest {

  private FakeSshHost host;

  @BeforeEach
  void start() {
    host = FakeSshHost.builder().hostKeyType(HostKeyType.ED25519).start();
    host.user("alice", "secret").command("id").replies("uid=1000(alice)\n");
  }

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void presentsAnEd25519KeyAndOffersItsSignatureFirst() throws Exception {
    assertThat(host.hostKeyType()).isEqualTo(HostKeyType.ED25519);
    assertThat(host.knownHostsLine()).contains(" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5");
    assertThat(KexInit.of(host.port(), Duration.ofSeconds(10)).hostKey()).containsExactly("ssh-ed25519");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void clientsLogInTrustingOnlyItsKnownHostsLine(SshClientLibrary client) throws Exception {
    Login trusting = Login.password(host, "alice", "secret").trusting(host.knownHostsLine());

    assertThat(client.exec(trusting, "id").stdout()).isEqualTo("uid=1000(alice)\n");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aSwappedKeyIsAnotherEd25519KeyThatClientsRefuse(SshClientLibrary client) {
    host.faults().add(Fault.swapHostKey());
    Login trusting = Login.password(host, "alice", "secret").trusting(host.knownHostsLine());

    assertThatThrownBy(() -> client.exec(trusting, "id"))
        .hasStackTraceContaining(
            switch (client) {
              case MINA -> "Server key did not validate";
              case JSCH -> "HostKey has been changed";
              case SSHJ -> "Could not verify `ssh-ed25519` host key";
            });
  }
}
