package io.github.sshfaults.sshd;

/**
 * The kind of host key a fake host presents. Each kind's key is generated once per JVM and shared
 * by every host that asks for that kind, so hosts start in milliseconds.
 *
 * <pre>{@code
 * FakeSshHost legacy = FakeSshHost.builder().hostKeyType(HostKeyType.RSA).start();
 * }</pre>
 *
 * <p>Ed25519 is not offered: Apache MINA SSHD can only serve Ed25519 host keys with {@code
 * net.i2p.crypto:eddsa} or Bouncy Castle on the classpath, and Bouncy Castle alone adds about half
 * a second to the first start and changes which key exchange MINA prefers. Clients that verify keys
 * against a known_hosts line work with either kind offered here.
 */
public enum HostKeyType {

  /**
   * ECDSA on NIST P-256 ({@code ecdsa-sha2-nistp256}): generated in about a millisecond. The
   * default.
   */
  ECDSA_P256,

  /**
   * RSA, 3072 bits ({@code rsa-sha2-512}, {@code rsa-sha2-256}): for clients or tests that expect
   * RSA. Generated on first use, which costs 200 ms or more, then cached for the JVM's life.
   */
  RSA
}
