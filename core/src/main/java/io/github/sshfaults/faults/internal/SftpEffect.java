package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.SftpStatus;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#SFTP} on one request, before the host
 * answers it. Once per SFTP request, for faults without a byte count.
 */
public interface SftpEffect extends Effect {

  /** Tells {@code injector} what this effect does to the request. */
  void atSftp(Injector injector, Firing firing);

  /**
   * What the engine can do to an SFTP request. A hang stops the SFTP subsystem answering; the other
   * endings end the connection.
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {
    /** Answers late by a sample of {@code delay}. */
    void delayAnswer(Delay delay, Firing firing);

    /** Answers with {@code SSH_FXP_STATUS}: {@code status} and {@code message}, doing nothing. */
    void answerWith(SftpStatus status, String message, Firing firing);
  }
}
