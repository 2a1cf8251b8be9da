package io.github.sshfaults.sshd.internal.faults;

import java.net.SocketAddress;

/**
 * Told about every fault the engine applies, on the thread that applies it (often a MINA SSHD I/O
 * thread): implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface FaultListener {

  /** Ignores every event: the default. */
  FaultListener NONE = event -> {};

  /** A fault was applied. */
  void faultFired(FaultEvent event);

  /**
   * A connection was accepted, before any fault acts on it: told here rather than by MINA SSHD's
   * session events, which come after the first faults, so that records keep the order of the wire.
   *
   * @param peer the client's address
   */
  default void connectionAccepted(int connectionIndex, SocketAddress peer) {}
}
