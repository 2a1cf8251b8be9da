package io.github.sshfaults.sshd.assertions;

// The one place in our code with a wildcard import: it is the import the entry point promises
// users, and this checks that it brings every name and resolves them as imports by name do.
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.*;

import io.github.sshfaults.assertions.RunReportAssert;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/** {@code import static ...SshFaultsAssertions.*} brings ours, the runner's and AssertJ's names. */
class WildcardImportTest {

  @Test
  void bringsEveryNameFromOneImport() {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.files().write("/etc/motd", "welcome\n");
      RunReport<String, Integer> report = ConcurrentSsh.create().run(List.of("a"), String::length);

      FakeSshHostAssert onHost = assertThat(host);                  // ours
      RunReportAssert<String, Integer> onReport = assertThat(report); // the runner's
      AbstractStringAssert<?> onString = assertThat("welcome\n");   // AssertJ's

      onHost.hasFile("/etc/motd", "welcome\n");
      onReport.allSucceeded();
      onString.isEqualTo(host.files().readString("/etc/motd"));
      verify(host, never()).connected();
      verify(host.journal(), atMost(0)).connected();
      assertThat(times(2)).isEqualTo(times(2)).isNotEqualTo(atLeast(2)).isNotEqualTo(once());
      assertThatThrownBy(() -> verify(host).connected()).isInstanceOf(AssertionError.class);
      assertThat(List.of(tuple(1, 2))).hasSize(1);
    }
  }
}
