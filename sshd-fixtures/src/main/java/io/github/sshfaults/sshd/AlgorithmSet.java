package io.github.sshfaults.sshd;

/**
 * Which SSH algorithms a fake host offers. Each set is a fixed list, the same whatever else is on
 * the class path (Apache MINA SSHD's own defaults grow when BouncyCastle is there, as it is with
 * sshj), and none but {@link #LEGACY} offers what OpenSSH 8.8 and later refuse: SHA-1 signatures
 * ({@code ssh-rsa}) or compression before login ({@code zlib}).
 *
 * <pre>{@code
 * FakeSshHost realistic = FakeSshHost.builder().algorithms(AlgorithmSet.OPENSSH).start();
 * }</pre>
 */
public enum AlgorithmSet {

  /**
   * Fast algorithms every supported client speaks: key exchange {@code curve25519-sha256} and
   * {@code ecdh-sha2-nistp256}; ciphers AES-CTR, AES-GCM and ChaCha20-Poly1305; HMAC-SHA2 MACs;
   * ECDSA and RSA-SHA2 signatures; no compression, or {@code zlib@openssh.com} after login. A
   * handshake costs a few milliseconds. The default.
   */
  FAST,

  /**
   * What an OpenSSH 9 server offers by default, in its order, as far as Apache MINA SSHD has it on
   * any JVM: every curve25519, ECDH and Diffie-Hellman SHA-2 key exchange (no post-quantum ones,
   * which MINA SSHD has only with BouncyCastle), AES and ChaCha20 ciphers, HMAC-SHA2 and HMAC-SHA1
   * MACs, ECDSA and RSA-SHA2 signatures, compression after login only. Handshakes then cost what
   * they cost against a real server, larger Diffie-Hellman groups included.
   */
  OPENSSH,

  /**
   * Insecure on purpose: what servers of ten years ago offered, for tests of code that must still
   * reach them. Adds SHA-1 key exchanges ({@code diffie-hellman-group14-sha1}, {@code
   * diffie-hellman-group1-sha1}, {@code diffie-hellman-group-exchange-sha1}), CBC ciphers, {@code
   * hmac-sha1} and {@code hmac-md5}, SHA-1 RSA signatures ({@code ssh-rsa}, for the host key and
   * users' keys) and compression before login ({@code zlib}).
   */
  LEGACY
}
