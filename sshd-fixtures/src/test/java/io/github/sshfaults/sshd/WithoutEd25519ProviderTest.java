package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Without BouncyCastle or net.i2p's EdDSA on the class path, asking for an Ed25519 host key fails
 * when the host is configured, naming what to add. Runs only in the {@code minimal-class-path}
 * Surefire execution (see this module's pom).
 */
@Tag("minimal-class-path")
class WithoutEd25519ProviderTest {

  @Test
  void anEd25519HostKeyNamesTheDependencyItNeeds() {
    assertThatThrownBy(() -> FakeSshHost.builder().hostKeyType(HostKeyType.ED25519))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "host key type ED25519 needs an Ed25519 provider that Apache MINA SSHD can use, and"
                + " this class path has none: add org.bouncycastle:bcprov-jdk18on or"
                + " net.i2p.crypto:eddsa (test scope), or use ECDSA_P256 or RSA");
  }
}
