package io.github.sshfaults.sshd;

/**
 * Which SSH algorithms a fake host offers.
 *
 * <pre>{@code
 * FakeSshHost realistic = FakeSshHost.builder().algorithms(AlgorithmSet.MINA_DEFAULTS).start();
 * }</pre>
 */
public enum AlgorithmSet {

  /**
   * Fast algorithms every supported client speaks: key exchange {@code curve25519-sha256} and
   * {@code ecdh-sha2-nistp256}; ciphers AES-CTR, AES-GCM and ChaCha20-Poly1305; HMAC-SHA2 MACs. A
   * handshake costs a few milliseconds. The default.
   */
  FAST,

  /**
   * Apache MINA SSHD's own defaults, post-quantum hybrid key exchanges first: as a real, modern
   * server negotiates, at the cost of roughly 100 ms per handshake.
   */
  MINA_DEFAULTS
}
