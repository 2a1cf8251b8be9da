package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#TRANSPORT} on the connection's whole byte
 * stream, decided when it is accepted, without a byte count. Once per connection.
 */
public interface TransportEffect extends Effect {

  /** Tells {@code injector} what this effect does to the stream. */
  void atTransport(Injector injector, Firing firing);

  /**
   * An effect that acts on one direction of the stream at {@code TRANSPORT}, {@link
   * Firing#direction()}: the only ones that take a {@link io.github.sshfaults.faults.Direction}.
   */
  interface OneWay extends Effect {}

  /** What the engine can do to a connection's byte stream. Drop and reset: before any byte. */
  interface Injector extends Endings.CanDrop, Endings.CanReset {
    /** Sends each write of the host late by a new sample of {@code delay}, in order. */
    void delayEachWrite(Delay delay, Firing firing);

    /**
     * Lets bytes flow at most at {@code bytesPerSecond} in the firing's direction, in chunks of at
     * most {@code chunkSize}.
     */
    void throttle(long bytesPerSecond, int chunkSize, Firing firing);
  }
}
