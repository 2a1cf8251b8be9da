package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.HostKeyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Key generation and the text forms of keys that SSH tools exchange. */
public final class Keys {

  private Keys() {}

  /**
   * The host key every fake host of {@code type} in this JVM shares: generating a key per server
   * costs 150-240 ms, sharing one costs nothing. Created on first use, so RSA (3072 bits, 200 ms or
   * more) is generated only when some host asks for it.
   */
  public static KeyPair sharedHostKey(HostKeyType type) {
    return switch (type) {
      case ECDSA_P256 -> SharedHostKey.KEY_PAIR;
      case RSA -> SharedRsaHostKey.KEY_PAIR;
      case ED25519 -> SharedEd25519HostKey.KEY_PAIR;
    };
  }

  /**
   * Whether this JVM's Apache MINA SSHD can make and sign with {@code type}'s keys.
   *
   * @throws IllegalStateException when it cannot, naming what to add
   */
  public static void checkSupported(HostKeyType type) {
    if (type == HostKeyType.ED25519 && !SecurityUtils.isEDDSACurveSupported()) {
      throw new IllegalStateException(
          "host key type ED25519 needs an Ed25519 provider that Apache MINA SSHD can use, and this"
              + " class path has none: add org.bouncycastle:bcprov-jdk18on or net.i2p.crypto:eddsa"
              + " (test scope), or use ECDSA_P256 or RSA");
    }
  }

  /** Whether {@code hostKey} is an Ed25519 key. */
  public static boolean isEd25519(KeyPair hostKey) {
    return KeyPairProvider.SSH_ED25519.equals(KeyUtils.getKeyType(hostKey));
  }

  /**
   * A second host key of the same type as {@code hostKey}, shared like the first: what a host
   * presents to a connection whose host key a fault swaps, so that the client still finds the key
   * type it negotiated.
   */
  public static KeyPair otherHostKey(KeyPair hostKey) {
    if (isEd25519(hostKey)) {
      return OtherEd25519HostKey.KEY_PAIR;
    }
    return "RSA".equals(hostKey.getPublic().getAlgorithm())
        ? OtherRsaHostKey.KEY_PAIR
        : OtherHostKey.KEY_PAIR;
  }

  /** A fresh ECDSA P-256 key pair from the JDK's provider (about a millisecond once warm). */
  public static KeyPair generateEcdsaP256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate ECDSA P-256 keys", e);
    }
  }

  /** {@code ecdsa-sha2-nistp256 AAAA...}: the key type and base64 blob of an OpenSSH public key. */
  public static String publicKeyEntry(PublicKey key) {
    return PublicKeyEntry.toString(key);
  }

  /** {@code SHA256:...}, as {@code ssh-keygen -l} and OpenSSH's prompts print it. */
  public static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }

  /** The unencrypted private key in OpenSSH's PEM-like format. */
  public static String privateKeyOpenSsh(KeyPair keyPair, String comment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, comment, null, out);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encode the private key of " + comment, e);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** Whether two public keys are the same key, whatever provider made them. */
  public static boolean sameKey(PublicKey a, PublicKey b) {
    return KeyUtils.compareKeys(a, b);
  }

  private static final class SharedHostKey {
    static final KeyPair KEY_PAIR = generateEcdsaP256();
  }

  private static final class SharedRsaHostKey {
    static final KeyPair KEY_PAIR = generateRsa3072();
  }

  private static final class OtherHostKey {
    static final KeyPair KEY_PAIR = generateEcdsaP256();
  }

  private static final class OtherRsaHostKey {
    static final KeyPair KEY_PAIR = generateRsa3072();
  }

  private static final class SharedEd25519HostKey {
    static final KeyPair KEY_PAIR = generateEd25519();
  }

  private static final class OtherEd25519HostKey {
    static final KeyPair KEY_PAIR = generateEd25519();
  }

  private static KeyPair generateEd25519() {
    checkSupported(HostKeyType.ED25519);
    try {
      return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate Ed25519 keys", e);
    }
  }

  private static KeyPair generateRsa3072() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate RSA keys", e);
    }
  }
}
