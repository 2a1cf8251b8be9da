package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.AlgorithmKind;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#KEX}: key exchange, once the client's
 * identification line has arrived. Once per connection.
 */
public interface KexEffect extends Effect {

  /** Tells {@code injector} what this effect does to the key exchange. */
  void atKex(Injector injector, Firing firing);

  /** What the engine can do to a key exchange. */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {
    /** Presents another host key of the same type. */
    void swapHostKey(Firing firing);

    /** Offers, for {@code kind}, only an algorithm no client implements. */
    void offerNothingFor(AlgorithmKind kind, Firing firing);
  }
}
