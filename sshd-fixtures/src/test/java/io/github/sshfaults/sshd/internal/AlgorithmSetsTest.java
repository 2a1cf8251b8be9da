package io.github.sshfaults.sshd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.testclients.KexInit;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each algorithm set is offered exactly as listed, whatever else is on the class path, and only
 * LEGACY offers what OpenSSH 8.8+ refuses: SHA-1 RSA signatures and compression before login.
 */
class AlgorithmSetsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What MINA SSHD adds to the key exchange list: markers, not algorithms (RFC 8308, Terrapin). */
  private static final List<String> KEX_MARKERS =
      List.of("ext-info-s", "kex-strict-s-v00@openssh.com");

  @ParameterizedTest
  @EnumSource(AlgorithmSet.class)
  void offersExactlyTheSetsAlgorithmsInItsOrder(AlgorithmSet set) throws Exception {
    Algorithms.Names names = Algorithms.of(set);
    for (HostKeyType keyType : HostKeyType.values()) {
      if (keyType == HostKeyType.ED25519 && !SecurityUtils.isEDDSACurveSupported()) {
        continue; // the minimal class path: WithoutEd25519ProviderTest
      }
      try (FakeSshHost host = FakeSshHost.builder().algorithms(set).hostKeyType(keyType).start()) {
        KexInit offered = KexInit.of(host.port(), TIMEOUT);

        assertThat(offered.kex())
            .filteredOn(k -> !KEX_MARKERS.contains(k))
            .isEqualTo(names.kex());
        assertThat(offered.ciphers()).isEqualTo(names.ciphers());
        assertThat(offered.macs()).isEqualTo(names.macs());
        assertThat(offered.compressions()).isEqualTo(names.compressions());
        assertThat(offered.hostKey())
            .as("host key algorithms of a %s key", keyType)
            .isEqualTo(
                switch (keyType) {
                  case RSA -> names.signatures().stream().filter(s -> s.contains("rsa")).toList();
                  case ECDSA_P256 -> List.of("ecdsa-sha2-nistp256");
                  case ED25519 -> List.of("ssh-ed25519");
                });
      }
    }
  }

  @Test
  void onlyLegacyOffersShaOneSignaturesOrCompressionBeforeLogin() {
    for (AlgorithmSet set : AlgorithmSet.values()) {
      Algorithms.Names names = Algorithms.of(set);
      boolean legacy = set == AlgorithmSet.LEGACY;
      assertThat(names.signatures().contains("ssh-rsa")).as("%s: ssh-rsa", set).isEqualTo(legacy);
      assertThat(names.compressions().contains("zlib")).as("%s: zlib", set).isEqualTo(legacy);
    }
  }

  @Test
  void refusesAClientThatOnlyAcceptsShaOneHostKeySignaturesUnlessLegacy() throws Exception {
    Map<String, String> sha1Only = Map.of("server_host_key", "ssh-rsa");
    try (FakeSshHost modern = FakeSshHost.builder().hostKeyType(HostKeyType.RSA).start();
        FakeSshHost legacy =
            FakeSshHost.builder()
                .hostKeyType(HostKeyType.RSA)
                .algorithms(AlgorithmSet.LEGACY)
                .start()) {
      modern.user("alice", "secret");
      legacy.user("alice", "secret");

      assertThatThrownBy(() -> jschLogin(modern, sha1Only, null))
          .isInstanceOf(JSchException.class)
          .hasMessageContaining("Algorithm negotiation fail");
      jschLogin(legacy, sha1Only, null);
    }
  }

  @Test
  void rejectsShaOneSignaturesOfUserKeysUnlessLegacy() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair key = generator.generateKeyPair();
    Map<String, String> sha1Only = Map.of("PubkeyAcceptedAlgorithms", "ssh-rsa");
    try (FakeSshHost modern = FakeSshHost.start();
        FakeSshHost legacy = FakeSshHost.builder().algorithms(AlgorithmSet.LEGACY).start()) {
      modern.user("alice", key.getPublic());
      legacy.user("alice", key.getPublic());

      assertThatThrownBy(() -> jschLogin(modern, sha1Only, key))
          .isInstanceOf(JSchException.class)
          .hasMessageStartingWith("Auth fail");
      jschLogin(legacy, sha1Only, key);
    }
  }

  @Test
  void refusesCompressionBeforeLoginUnlessLegacy() throws Exception {
    Map<String, String> zlibOnly = Map.of("compression.s2c", "zlib", "compression.c2s", "zlib");
    try (FakeSshHost modern = FakeSshHost.start();
        FakeSshHost legacy = FakeSshHost.builder().algorithms(AlgorithmSet.LEGACY).start()) {
      modern.user("alice", "secret");
      legacy.user("alice", "secret");

      assertThatThrownBy(() -> jschLogin(modern, zlibOnly, null))
          .isInstanceOf(JSchException.class)
          .hasMessageContaining("Algorithm negotiation fail");
      jschLogin(legacy, zlibOnly, null);
    }
  }

  /** Logs in with JSch set up as {@code config} says, with {@code key} or else alice's password. */
  private static void jschLogin(FakeSshHost host, Map<String, String> config, KeyPair key)
      throws Exception {
    JSch jsch = new JSch();
    if (key != null) {
      jsch.addIdentity(
          "alice",
          Keys.privateKeyOpenSsh(key, "alice").getBytes(StandardCharsets.US_ASCII),
          null,
          null);
    }
    Session session = jsch.getSession("alice", host.host(), host.port());
    session.setConfig("StrictHostKeyChecking", "no");
    config.forEach(session::setConfig);
    if (key == null) {
      session.setPassword("secret");
    } else {
      session.setConfig("PreferredAuthentications", "publickey");
    }
    try {
      session.connect((int) TIMEOUT.toMillis());
    } finally {
      session.disconnect();
    }
  }
}
