package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#OUTPUT}: a command has written {@link
 * Firing#afterBytes()} bytes of its stdout. Once per command that writes that many. Every output
 * effect takes a byte count.
 */
public interface OutputEffect extends Effect {

  /** Tells {@code injector} what this effect does once the byte count is reached. */
  void atOutput(Injector injector, Firing firing);

  /**
   * What the engine can do once a command's stdout reached the byte count: end the connection, or
   * hang (stop the output, never exit).
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {}
}
