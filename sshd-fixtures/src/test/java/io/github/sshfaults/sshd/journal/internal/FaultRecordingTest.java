package io.github.sshfaults.sshd.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.internal.NamedThreadFactory;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.Credentials;
import io.github.sshfaults.sshd.internal.Keys;
import io.github.sshfaults.sshd.internal.ServerFactory;
import io.github.sshfaults.sshd.journal.ConnectionClosed;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.Initiator;
import io.github.sshfaults.sshd.journal.JournalEvent;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;

/** The recording hook the fault engine calls: a fault's firing and the close it causes. */
class FaultRecordingTest {

  @Test
  void recordsAFiredFaultAndAttributesTheCloseItCausesToIt() throws Exception {
    RecordingJournal journal = new RecordingJournal(100);
    ExecutorService executor = Executors.newSingleThreadExecutor(new NamedThreadFactory("fault-recording-test"));
    SshServer server =
        ServerFactory.create(
            0,
            AlgorithmSet.FAST,
            Keys.sharedHostKey(HostKeyType.ECDSA_P256),
            new Credentials(),
            new CommandStubs(),
            executor);
    JournalHooks.install(server, journal);
    // What a fault engine does: find the journal from the session, mark the close, record, act.
    server.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            RecordingJournal.closingByFault(session, "closed before the banner (FIN)");
            RecordingJournal.of(session)
                .orElseThrow()
                .faultFired(session, "ACCEPT", "dropConnection().at(ACCEPT)", "closed (FIN)");
            session.close(true);
          }
        });
    server.start();
    try (Socket socket = new Socket(ServerFactory.LOOPBACK, server.getPort())) {
      InputStream in = socket.getInputStream();
      while (in.read() != -1) {
        // until the host closes
      }
      journal.awaitClosedConnections(1);
    } finally {
      server.stop(true);
      executor.shutdownNow();
    }

    assertThat(journal.events())
        .extracting(JournalEvent::type)
        .containsExactly("connection-accepted", "fault", "connection-closed");
    assertThat(journal.faultsFired())
        .singleElement()
        .extracting(FaultFired::connection, FaultFired::stage, FaultFired::rule)
        .containsExactly(1, "ACCEPT", "dropConnection().at(ACCEPT)");
    assertThat(journal.closedConnections())
        .singleElement()
        .extracting(ConnectionClosed::by, ConnectionClosed::detail)
        .containsExactly(Initiator.FAULT, "closed before the banner (FIN)");
  }
}
