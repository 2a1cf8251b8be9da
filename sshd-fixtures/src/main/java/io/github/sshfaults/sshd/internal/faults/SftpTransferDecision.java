package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.SftpTransferEffect;

/**
 * The faults with a byte count of one SFTP transfer: the first that fired cuts it, when the
 * transfer goes past its count. {@link FaultySftp} applies the cut.
 */
final class SftpTransferDecision implements SftpTransferEffect.Injector {

  /**
   * What a fault with a byte count does to a transfer that goes past it: fail the crossing request
   * with a status, or end (or stall) the connection.
   */
  record Cut(Firing firing, SftpStatus status, String message, Ending ending) {
    long afterBytes() {
      return firing.afterBytes();
    }
  }

  Cut first;

  @Override
  public void failWith(SftpStatus status, String message, Firing firing) {
    decide(new Cut(firing, status, message, null));
  }

  @Override
  public void drop(Firing firing) {
    decide(new Cut(firing, null, null, Ending.drop(firing)));
  }

  @Override
  public void reset(Firing firing) {
    decide(new Cut(firing, null, null, Ending.reset(firing)));
  }

  @Override
  public void hang(Firing firing) {
    decide(new Cut(firing, null, null, Ending.hang(firing)));
  }

  @Override
  public void disconnect(int reasonCode, String message, Firing firing) {
    decide(new Cut(firing, null, null, Ending.disconnect(reasonCode, message, firing)));
  }

  private void decide(Cut cut) {
    if (first == null) {
      first = cut;
    }
  }
}
