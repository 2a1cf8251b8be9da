package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.AlgorithmSet;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * The algorithms of each {@link AlgorithmSet}, by name, in order of preference. Fixed lists, so
 * that a set is the same whatever else is on the class path: MINA SSHD's own defaults grow when
 * BouncyCastle is there (sshj brings it), so none of them is used. Every name here runs on a plain
 * JDK 17; {@link #apply} fails at once if one does not, rather than offer a client an algorithm
 * that then breaks.
 */
public final class Algorithms {

  /**
   * One set.
   *
   * @param signatures for the host key and for users' public keys alike
   */
  record Names(
      List<String> kex,
      List<String> ciphers,
      List<String> macs,
      List<String> signatures,
      List<String> compressions) {}

  /** Every modern signature; never SHA-1 ({@code ssh-rsa}), which OpenSSH 8.8+ refuses. */
  private static final List<String> MODERN_SIGNATURES =
      List.of(
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "rsa-sha2-512",
          "rsa-sha2-256");

  /** What OpenSSH's sshd offers: no compression, or compression only after login. */
  private static final List<String> MODERN_COMPRESSIONS = List.of("none", "zlib@openssh.com");

  private static final Names FAST =
      new Names(
          List.of("curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256"),
          List.of(
              "aes128-ctr",
              "aes128-gcm@openssh.com",
              "aes256-ctr",
              "aes256-gcm@openssh.com",
              "chacha20-poly1305@openssh.com"),
          List.of(
              "hmac-sha2-256-etm@openssh.com",
              "hmac-sha2-256",
              "hmac-sha2-512-etm@openssh.com",
              "hmac-sha2-512"),
          MODERN_SIGNATURES,
          MODERN_COMPRESSIONS);

  // OpenSSH 9's defaults, less its post-quantum key exchanges (sntrup761, mlkem768), which MINA
  // SSHD 2.20 has only with BouncyCastle, and the umac MACs, which it does not implement.
  private static final Names OPENSSH =
      new Names(
          List.of(
              "curve25519-sha256",
              "curve25519-sha256@libssh.org",
              "ecdh-sha2-nistp256",
              "ecdh-sha2-nistp384",
              "ecdh-sha2-nistp521",
              "diffie-hellman-group-exchange-sha256",
              "diffie-hellman-group16-sha512",
              "diffie-hellman-group18-sha512",
              "diffie-hellman-group14-sha256"),
          List.of(
              "chacha20-poly1305@openssh.com",
              "aes128-ctr",
              "aes192-ctr",
              "aes256-ctr",
              "aes128-gcm@openssh.com",
              "aes256-gcm@openssh.com"),
          List.of(
              "hmac-sha2-256-etm@openssh.com",
              "hmac-sha2-512-etm@openssh.com",
              "hmac-sha1-etm@openssh.com",
              "hmac-sha2-256",
              "hmac-sha2-512",
              "hmac-sha1"),
          MODERN_SIGNATURES,
          MODERN_COMPRESSIONS);

  // What servers of ten years ago offered, SHA-1 and CBC included: insecure, for tests of code
  // that must still reach them.
  private static final Names LEGACY =
      new Names(
          List.of(
              "curve25519-sha256",
              "ecdh-sha2-nistp256",
              "diffie-hellman-group-exchange-sha256",
              "diffie-hellman-group14-sha256",
              "diffie-hellman-group-exchange-sha1",
              "diffie-hellman-group14-sha1",
              "diffie-hellman-group1-sha1"),
          List.of(
              "aes128-ctr",
              "aes256-ctr",
              "aes128-cbc",
              "aes192-cbc",
              "aes256-cbc",
              "3des-cbc"),
          List.of("hmac-sha2-256", "hmac-sha2-512", "hmac-sha1", "hmac-md5"),
          List.of(
              "ecdsa-sha2-nistp256",
              "ecdsa-sha2-nistp384",
              "ecdsa-sha2-nistp521",
              "rsa-sha2-512",
              "rsa-sha2-256",
              "ssh-rsa"),
          List.of("none", "zlib", "zlib@openssh.com"));

  private Algorithms() {}

  /** The names of {@code set}'s algorithms. */
  static Names of(AlgorithmSet set) {
    return switch (set) {
      case FAST -> FAST;
      case OPENSSH -> OPENSSH;
      case LEGACY -> LEGACY;
    };
  }

  /**
   * Makes {@code server} offer exactly {@code set}'s algorithms, and {@code ssh-ed25519} besides
   * when its host key is an Ed25519 key.
   *
   * @throws IllegalStateException naming an algorithm this JVM cannot run
   */
  public static void apply(AlgorithmSet set, SshServer server, KeyPair hostKey) {
    Names names = of(set);
    if (Keys.isEd25519(hostKey)) {
      // Ed25519 needs a provider the JDK alone does not give MINA SSHD, so no set names it: a host
      // with such a key adds it, first, as OpenSSH's sshd offers it.
      List<String> signatures = new ArrayList<>();
      signatures.add("ssh-ed25519");
      signatures.addAll(names.signatures());
      names =
          new Names(
              names.kex(), names.ciphers(), names.macs(), signatures, names.compressions());
    }
    server.setKeyExchangeFactories(
        NamedFactory.setUpTransformedFactories(
            false,
            factories(set, names.kex(), BuiltinDHFactories::fromFactoryName),
            ServerBuilder.DH2KEX));
    server.setCipherFactories(
        named(factories(set, names.ciphers(), BuiltinCiphers::fromFactoryName)));
    server.setMacFactories(named(factories(set, names.macs(), BuiltinMacs::fromFactoryName)));
    server.setSignatureFactories(
        named(factories(set, names.signatures(), BuiltinSignatures::fromFactoryName)));
    server.setCompressionFactories(
        named(factories(set, names.compressions(), BuiltinCompressions::fromFactoryName)));
  }

  private static <T> List<NamedFactory<T>> named(List<? extends NamedFactory<T>> factories) {
    return List.copyOf(factories);
  }

  private static <F extends OptionalFeature> List<F> factories(
      AlgorithmSet set, List<String> names, Function<String, F> lookUp) {
    return names.stream()
        .map(
            name -> {
              F factory = lookUp.apply(name);
              if (factory == null || !factory.isSupported()) {
                throw new IllegalStateException(
                    "algorithm set "
                        + set
                        + " needs "
                        + name
                        + ", which this JVM's Apache MINA SSHD cannot run");
              }
              return factory;
            })
        .toList();
  }
}
