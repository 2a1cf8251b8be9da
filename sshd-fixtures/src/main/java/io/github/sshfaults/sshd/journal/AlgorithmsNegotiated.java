package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * A key exchange completed and settled these algorithms. Recorded again at each re-key.
 *
 * @param kex the key exchange method, such as {@code curve25519-sha256}
 * @param hostKey the host key algorithm, such as {@code ecdsa-sha2-nistp256}
 * @param cipherClientToServer the cipher of client-to-server traffic
 * @param cipherServerToClient the cipher of server-to-client traffic
 * @param macClientToServer the MAC of client-to-server traffic (may be empty with AEAD ciphers)
 * @param macServerToClient the MAC of server-to-client traffic (may be empty with AEAD ciphers)
 * @param compressionClientToServer compression of client-to-server traffic, usually {@code none}
 * @param compressionServerToClient compression of server-to-client traffic, usually {@code none}
 */
public record AlgorithmsNegotiated(
    long sequence,
    Instant time,
    int connection,
    String kex,
    String hostKey,
    String cipherClientToServer,
    String cipherServerToClient,
    String macClientToServer,
    String macServerToClient,
    String compressionClientToServer,
    String compressionServerToClient)
    implements JournalEvent {

  @Override
  public String type() {
    return "algorithms-negotiated";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "kex", kex,
        "hostKey", hostKey,
        "cipherClientToServer", cipherClientToServer,
        "cipherServerToClient", cipherServerToClient,
        "macClientToServer", macClientToServer,
        "macServerToClient", macServerToClient,
        "compressionClientToServer", compressionClientToServer,
        "compressionServerToClient", compressionServerToClient);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
