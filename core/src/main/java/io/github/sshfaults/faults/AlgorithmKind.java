package io.github.sshfaults.faults;

/** A family of algorithms negotiated during key exchange (RFC 4253 §7.1). */
public enum AlgorithmKind {

  /** Key exchange methods ({@code curve25519-sha256}, ...). */
  KEY_EXCHANGE,

  /** Ciphers, both directions ({@code aes128-ctr}, ...). */
  CIPHER,

  /** Host key types ({@code ecdsa-sha2-nistp256}, ...). */
  HOST_KEY
}
