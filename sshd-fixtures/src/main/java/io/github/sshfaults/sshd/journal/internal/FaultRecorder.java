package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.sshd.internal.faults.FaultEvent;
import io.github.sshfaults.sshd.internal.faults.FaultListener;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Records what the fault engine sees first in the host's journal: each accepted connection, every
 * fault fired, and the SFTP operations of its SFTP subsystem. Marks a connection that a fault ends
 * so that its close is attributed to the fault rather than to the client or the host.
 */
public final class FaultRecorder implements FaultListener {

  private final RecordingJournal journal;

  /** A recorder writing to {@code journal}. */
  public FaultRecorder(RecordingJournal journal) {
    this.journal = journal;
  }

  @Override
  public void connectionAccepted(int connectionIndex, SocketAddress peer) {
    journal.record(
        connectionIndex,
        (s, t, c) ->
            new ConnectionAccepted(s, t, c, peer instanceof InetSocketAddress inet ? inet : null));
  }

  @Override
  public void sftpOperation(
      int connectionIndex,
      SftpAction action,
      String path,
      String target,
      SftpStatus status,
      String outcome,
      long bytes) {
    journal.sftpOperation(connectionIndex, action, path, target, status, outcome, bytes);
  }

  @Override
  public void faultFired(FaultEvent event) {
    if (event.endsConnection()) {
      journal.closingByFault(event.connectionIndex(), event.description());
    }
    journal.faultFired(
        event.connectionIndex(), event.stage(), event.rule(), event.fault(), event.description());
  }
}
