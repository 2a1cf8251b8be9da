package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.FakeSshHost;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * A class that already imports AssertJ's {@code assertThat} by name and adds ours: the two imports
 * are no clash, since ours brings AssertJ's overloads too, and a fake host still gets ours.
 */
class AlongsideAssertJImportTest {

  @Test
  void resolvesAHostToOursAndTheRestToAssertJ() {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.files().write("/data/report.csv", "id\n");

      FakeSshHostAssert onHost = assertThat(host);
      AbstractStringAssert<?> onString = assertThat("id\n");

      onHost.hasFile("/data/report.csv");
      onString.isEqualTo(host.files().readString("/data/report.csv"));
    }
  }
}
