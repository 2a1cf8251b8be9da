package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThatThrownBy;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;

import io.github.sshfaults.assertions.OutcomeAssert;
import io.github.sshfaults.assertions.RunReportAssert;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.Journal;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entry point, imported by name as our own code does: each name brings every overload, ours
 * and AssertJ's, and Java picks ours for our types. The typed locals make the compiler check which
 * overload each call resolves to; the wildcard import and a mix with AssertJ's own import are
 * checked by the tests next to this one.
 */
class SshFaultsAssertionsTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void resolvesEachAssertThatToTheAssertionsOfItsType() {
    RunReport<String, Integer> report = ConcurrentSsh.create().run(List.of("a"), String::length);

    FakeSshHostAssert onHost = assertThat(host);
    RunReportAssert<String, Integer> onReport = assertThat(report);
    OutcomeAssert<String, Integer> onOutcome = assertThat(report.outcomes().get(0));
    AbstractStringAssert<?> onString = assertThat("plain AssertJ");
    ListAssert<Integer> onList = assertThat(report.values());
    ObjectAssert<SshTarget> onTarget = assertThat((SshTarget) host);   // not a FakeSshHost here

    onHost.doesNotHaveFile("/etc/motd");
    onReport.allSucceeded();
    onOutcome.succeeded();
    onString.startsWith("plain");
    onList.containsExactly(1);
    onTarget.isSameAs(host);
  }

  @Test
  void startsVerificationsOnAHostOrAJournal() {
    Verification onHost = verify(host, never());
    Journal journal = host.journal();
    Verification onJournal = verify(journal, times(0));

    assertThat(onHost.connected()).isEmpty();
    assertThat(onJournal.connected()).isEmpty();
    assertThatThrownBy(() -> verify(host).connected())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected connection at least 1 time in the journal of " + host);
  }

  @Test
  void rejectsANullHostOrJournalOrCount() {
    assertThatThrownBy(() -> verify((FakeSshHost) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host must not be null");
    assertThatThrownBy(() -> verify((Journal) null, never()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("journal must not be null");
    assertThatThrownBy(() -> verify(host, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("expected count must not be null");
  }
}
