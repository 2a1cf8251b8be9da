package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#FORWARDING} once a tunnel has carried {@link
 * Firing#afterBytes()} bytes (more than 0) in {@link Firing#direction()}. Decided when the tunnel
 * opens; it takes effect when the count is reached.
 */
public interface ForwardingCutEffect extends TransportEffect.OneWay {

  /** Tells {@code injector} what this effect does once the count is reached. */
  void atForwardingCut(Injector injector, Firing firing);

  /**
   * What the engine can do once a tunnel carried the byte count: pass on exactly that many, then
   * end the connection.
   */
  interface Injector extends Endings.CanDrop, Endings.CanReset {}
}
