package io.github.sshfaults.sshd.internal.faults;

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
}
