package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.SftpStatus;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#SFTP} on the transfer of one open file, once
 * it would go past {@link Firing#afterBytes()} bytes (more than 0). Once per transfer that long.
 * The effects that implement it are the ones that take a byte count at {@code SFTP}.
 */
public interface SftpTransferEffect extends Effect {

  /** Tells {@code injector} what this effect does to the transfer. */
  void atSftpTransfer(Injector injector, Firing firing);

  /**
   * What the engine can do to a transfer past the byte count: fail the read or write that crosses
   * it, end the connection, or stop answering.
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {
    /** Fails the read or write that crosses the count with {@code status} and {@code message}. */
    void failWith(SftpStatus status, String message, Firing firing);
  }
}
