package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#TRANSPORT} once {@link Firing#afterBytes()}
 * bytes (more than 0) went by in {@link Firing#direction()}. Decided once per connection, when it
 * is accepted; it takes effect when the count is reached. The effects that implement it are the
 * ones that take a byte count at {@code TRANSPORT}.
 */
public interface TransportCutEffect extends TransportEffect.OneWay {

  /** Tells {@code injector} what this effect does once the count is reached. */
  void atTransportCut(Injector injector, Firing firing);

  /** What the engine can do to a stream once a byte count is reached: cut it. */
  interface Injector extends Endings.CanDrop, Endings.CanReset {}
}
