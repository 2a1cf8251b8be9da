package io.github.sshfaults.sshd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.RawProbe;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Faults the engine fires show up in the host's journal, and so do the closes they cause. */
class FaultsInJournalTest {

  @Test
  void recordsAFaultThatDropsTheConnectionAndAttributesTheCloseToIt() throws Exception {
    try (FakeSshHost host = FakeSshHost.builder().faults(Fault.dropConnection()).start()) {
      RawProbe.probe(host.host(), host.port(), Duration.ofSeconds(10));
      host.journal().awaitClosedConnections(1);

      assertThat(host.journal().events())
          .extracting(JournalEvent::type)
          .containsExactly("connection-accepted", "fault", "connection-closed");
      assertThat(host.journal().faultsFired())
          .singleElement()
          .satisfies(
              fault -> {
                assertThat(fault.connection()).isEqualTo(1);
                assertThat(fault.stage()).isEqualTo(Stage.CONNECT);
                assertThat(fault.rule()).isEqualTo(1);
                assertThat(fault.fault()).isEqualTo(Fault.dropConnection());
                assertThat(fault.description()).contains("FIN");
              });
      assertThat(host.journal().closedConnections())
          .singleElement()
          .extracting(ConnectionClosed::by)
          .isEqualTo(Initiator.FAULT);
    }
  }

  @Test
  void recordsARejectedLoginAndTheFaultThatRejectedIt() {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("alice", "secret").faults().add(Fault.rejectAuth().forUser("alice"));

      assertThatThrownBy(
          () -> SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "id"));

      assertThat(host.journal().authAttempts("alice"))
          .isNotEmpty()
          .allSatisfy(attempt -> assertThat(attempt.accepted()).isFalse());
      assertThat(host.journal().faultsFired())
          .isNotEmpty()
          .allSatisfy(fault -> assertThat(fault.stage()).isEqualTo(Stage.AUTH));
    }
  }
}
