package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#FORWARDING}: a client asks to open a tunnel
 * the host allows. Once per tunnel, decided before the host connects to the destination.
 */
public interface ForwardingEffect extends Effect {

  /** Tells {@code injector} what this effect does to the tunnel. */
  void atForwarding(Injector injector, Firing firing);

  /**
   * What the engine can do to a tunnel being opened: refuse it, open it late, slow it, or end the
   * connection instead of opening it.
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {

    /** Refuses the tunnel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and this reason code. */
    void reject(int reasonCode, Firing firing);

    /** Opens the tunnel late by a sample of {@code delay}. */
    void delayOpen(Delay delay, Firing firing);

    /**
     * Lets the tunnel's bytes flow at most at {@code bytesPerSecond} in the firing's direction, in
     * chunks of at most {@code chunkSize}.
     */
    void throttle(long bytesPerSecond, int chunkSize, Firing firing);
  }
}
