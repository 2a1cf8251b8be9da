package io.github.sshfaults.clients.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Writes a JDK key pair in OpenSSH's own unencrypted private key format ({@code BEGIN OPENSSH
 * PRIVATE KEY}, "openssh-key-v1"), which every SSH library reads; JSch's PKCS#8 reader mislabels
 * NIST curves. RSA (CRT) and EC (P-256, P-384, P-521) keys.
 */
public final class OpenSshPrivateKey {

  private static final int BLOCK_SIZE = 8;

  private OpenSshPrivateKey() {}

  /**
   * The key pair as an OpenSSH private key file, US-ASCII.
   *
   * @throws IllegalArgumentException for a key type other than RSA or EC on a NIST curve
   */
  public static byte[] pem(KeyPair keyPair, String comment) {
    Ssh publicBlob = new Ssh();
    Ssh privateFields = new Ssh();
    if (keyPair.getPublic() instanceof ECPublicKey ecPublic
        && keyPair.getPrivate() instanceof ECPrivateKey ecPrivate) {
      int bits = ecPublic.getParams().getCurve().getField().getFieldSize();
      String curve = "nistp" + bits;
      if (bits != 256 && bits != 384 && bits != 521) {
        throw new IllegalArgumentException(
            "EC keys must be on P-256, P-384 or P-521, not a " + bits + "-bit curve");
      }
      byte[] point = uncompressedPoint(ecPublic, (bits + 7) / 8);
      publicBlob.string("ecdsa-sha2-" + curve).string(curve).string(point);
      privateFields
          .string("ecdsa-sha2-" + curve)
          .string(curve)
          .string(point)
          .mpint(ecPrivate.getS());
    } else if (keyPair.getPublic() instanceof RSAPublicKey rsaPublic
        && keyPair.getPrivate() instanceof RSAPrivateCrtKey rsa) {
      publicBlob
          .string("ssh-rsa")
          .mpint(rsaPublic.getPublicExponent())
          .mpint(rsaPublic.getModulus());
      privateFields
          .string("ssh-rsa")
          .mpint(rsa.getModulus())
          .mpint(rsa.getPublicExponent())
          .mpint(rsa.getPrivateExponent())
          .mpint(rsa.getCrtCoefficient())
          .mpint(rsa.getPrimeP())
          .mpint(rsa.getPrimeQ());
    } else {
      throw new IllegalArgumentException(
          "Only RSA and EC key pairs can be written for this client, not "
              + keyPair.getPublic().getAlgorithm());
    }
    Ssh privateSection = new Ssh().uint32(0x5ffa_11ed).uint32(0x5ffa_11ed);
    privateSection.raw(privateFields.bytes()).string(comment);
    for (int pad = 1; privateSection.size() % BLOCK_SIZE != 0; pad++) {
      privateSection.raw(new byte[] {(byte) pad});
    }
    Ssh file =
        new Ssh()
            .raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
            .string("none")
            .string("none")
            .string(new byte[0])
            .uint32(1)
            .string(publicBlob.bytes())
            .string(privateSection.bytes());
    String base64 = Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(file.bytes());
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + base64
            + "\n-----END OPENSSH PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] uncompressedPoint(ECPublicKey key, int size) {
    byte[] point = new byte[1 + 2 * size];
    point[0] = 0x04;
    copyUnsigned(key.getW().getAffineX(), point, 1, size);
    copyUnsigned(key.getW().getAffineY(), point, 1 + size, size);
    return point;
  }

  private static void copyUnsigned(BigInteger value, byte[] target, int offset, int size) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > size ? bytes.length - size : 0;
    System.arraycopy(
        bytes, skip, target, offset + size - (bytes.length - skip), bytes.length - skip);
  }

  /** The SSH wire encodings (RFC 4251, 5): uint32, string, mpint. */
  private static final class Ssh {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Ssh uint32(int value) {
      out.write(value >>> 24);
      out.write(value >>> 16);
      out.write(value >>> 8);
      out.write(value);
      return this;
    }

    Ssh string(byte[] value) {
      uint32(value.length);
      return raw(value);
    }

    Ssh string(String value) {
      return string(value.getBytes(StandardCharsets.UTF_8));
    }

    Ssh mpint(BigInteger value) {
      return string(value.toByteArray());
    }

    Ssh raw(byte[] value) {
      out.writeBytes(value);
      return this;
    }

    int size() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
