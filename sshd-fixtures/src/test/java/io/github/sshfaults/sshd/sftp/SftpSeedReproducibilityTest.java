package io.github.sshfaults.sshd.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random SFTP faults draw from the connection's generator: the same seed fails the same requests.
 */
class SftpSeedReproducibilityTest {

  private static final int DOWNLOADS = 60;

  /** For each download on one SFTP session: "ok", or the status code the host answered with. */
  private static List<String> downloads(long seed) throws Exception {
    List<String> seen = new ArrayList<>(DOWNLOADS);
    try (FakeSshHost host = FakeSshHost.builder().seed(seed).start()) {
      host.user("alice", "secret");
      host.files().write("/data/report.csv", "a,b\n");
      host.faults()
          .add(
              Fault.sftpError(SftpStatus.FAILURE)
                  .forSftp(SftpAction.OPEN)
                  .forPathGlob("/data/*")
                  .withProbability(0.4));
      try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
        for (int i = 0; i < DOWNLOADS; i++) {
          try {
            sftp.download("/data/report.csv");
            seen.add("ok");
          } catch (Exception e) {
            seen.add(String.valueOf(SftpFaultsTest.statusCode(e)));
          }
        }
      }
      assertThat(host.journal().faultsFired())
          .hasSize((int) seen.stream().filter("4"::equals).count());
    }
    return seen;
  }

  @Test
  void sameSeedFailsTheSameRequests() throws Exception {
    List<String> first = downloads(2024);

    assertThat(downloads(2024)).isEqualTo(first);
    assertThat(first).containsOnly("ok", "4").contains("ok", "4");
  }

  @Test
  void anotherSeedFailsOtherRequests() throws Exception {
    assertThat(downloads(2025)).isNotEqualTo(downloads(2024));
  }
}
