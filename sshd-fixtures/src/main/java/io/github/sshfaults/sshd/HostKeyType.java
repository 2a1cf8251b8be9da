package io.github.sshfaults.sshd;

/**
 * The kind of host key a fake host presents. Each kind's key is generated once per JVM and shared
 * by every host that asks for that kind, so hosts start in milliseconds.
 *
 * <pre>{@code
 * FakeSshHost legacy = FakeSshHost.builder().hostKeyType(HostKeyType.RSA).start();
 * }</pre>
 *
 * <p>{@link #ED25519}, OpenSSH's default key type, needs a provider on the class path that Apache
 * MINA SSHD can sign with: {@code org.bouncycastle:bcprov-jdk18on} (which sshj brings) or {@code
 * net.i2p.crypto:eddsa}. The other kinds need nothing beyond the JDK.
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
  RSA,

  /**
   * Ed25519 ({@code ssh-ed25519}), the key type {@code ssh-keygen} and OpenSSH's sshd default to.
   * Needs {@code org.bouncycastle:bcprov-jdk18on} or {@code net.i2p.crypto:eddsa} on the class path:
   * without one, {@link FakeSshHost.Builder#hostKeyType(HostKeyType)} says so. A host with this key
   * also accepts users' Ed25519 keys.
   */
  ED25519
}
