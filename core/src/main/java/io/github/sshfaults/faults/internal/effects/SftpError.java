package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.SftpTransferEffect;

/**
 * The host answers an SFTP request, or fails a transfer, with {@code SSH_FXP_STATUS}: {@code
 * status} and {@code message}.
 *
 * @param status the status code
 * @param message the text that comes with it
 */
public record SftpError(SftpStatus status, String message)
    implements SftpEffect, SftpTransferEffect {

  /** Validates the status and message. */
  public SftpError {
    notNull(status, "SFTP status");
    notNull(message, "SFTP status message");
  }

  @Override
  public Stage defaultStage() {
    return Stage.SFTP;
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.answerWith(status, message, firing);
  }

  @Override
  public void atSftpTransfer(SftpTransferEffect.Injector injector, Firing firing) {
    injector.failWith(status, message, firing);
  }

  @Override
  public String toString() {
    return "sftpError(" + status.name() + ", " + quote(message) + ")";
  }
}
