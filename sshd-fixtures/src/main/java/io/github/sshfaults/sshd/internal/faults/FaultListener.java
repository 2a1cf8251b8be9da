package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import java.net.SocketAddress;

/**
 * Told about every fault the engine applies and every SFTP operation, on the thread that applies it
 * (often a MINA SSHD I/O thread): implementations must be quick and must not throw.
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

  /**
   * The SFTP subsystem handled an operation: one request, or the reads or writes of one open file.
   *
   * @param action what the client asked for
   * @param path the absolute path it was about, or null
   * @param target the second path of a link or rename (where the link leads, the new name), or
   *     null
   * @param status the error status sent instead of doing it, or null
   * @param outcome {@code ok}, the status sent instead ({@code no such file}), or how it ended
   * @param bytes the bytes read or written, 0 for other operations
   */
  default void sftpOperation(
      int connectionIndex,
      SftpAction action,
      String path,
      String target,
      SftpStatus status,
      String outcome,
      long bytes) {}
}
