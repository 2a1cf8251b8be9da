package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#CONNECT}: the connection was accepted and
 * the host has not sent a byte. Once per connection.
 */
public interface ConnectEffect extends Effect {

  /** Tells {@code injector} what this effect does to the connection {@code firing} is about. */
  void atConnect(Injector injector, Firing firing);

  /** What the engine can do to a connection before its first byte. */
  interface Injector extends Endings.CanDrop, Endings.CanReset, Endings.CanHang {}
}
