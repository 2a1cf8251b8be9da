package io.github.sshfaults.sshd.sftp;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static io.github.sshfaults.sshd.sftp.SftpFaultsTest.statusCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostFiles;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host's files have a size quota: past it SFTP writes get {@code SSH_FX_NO_SPACE_ON_FILESYSTEM}
 * and {@code files().write} throws, instead of the in-memory file system growing until the test's
 * heap runs out.
 */
class SftpQuotaTest {

  private static final int QUOTA = 64 * 1024;

  private final FakeSshHost host =
      FakeSshHost.builder().filesQuota(QUOTA).start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void refusesAnUploadPastTheQuotaAndKeepsServing(SftpClients client) throws Exception {
    host.files().write("/etc/motd", "hello\n").mkdirs("/upload");

    // 32 times the quota: without one the host would hold all of it.
    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.upload("/upload/big.bin", random(32 * QUOTA)));

      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(14);
      assertThat(thrown).hasStackTraceContaining("quota of 65536 bytes exceeded");
    }
    assertThat(host.files().used()).isLessThanOrEqualTo(QUOTA);
    SftpOperation write =
        Awaitility.await("the refused upload in the journal")
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    host.journal().sftpOperations().stream()
                        .filter(op -> op.action() == SftpAction.WRITE)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(write.path()).isEqualTo("/upload/big.bin");
    assertThat(write.status()).isEqualTo(SftpStatus.NO_SPACE_ON_FILESYSTEM);
    assertThat(write.outcome())
        .isEqualTo("no space left on file system: quota of 65536 bytes exceeded");
    assertThat(write.bytes()).isLessThanOrEqualTo(QUOTA);

    // The host goes on serving, and what is deleted makes room again.
    host.files().delete("/upload/big.bin");
    byte[] fits = random(QUOTA - 8192);
    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      assertThat(sftp.download("/etc/motd")).isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
      sftp.upload("/upload/fits.bin", fits);
    }
    assertThat(host.files().read("/upload/fits.bin")).isEqualTo(fits);
    verify(host).uploaded("/upload/fits.bin");
  }

  @Test
  void deletingFilesOverSftpFreesTheirSpace() throws Exception {
    byte[] half = random(40_000);

    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      sftp.upload("/a.bin", half);
      Throwable thrown = catchThrowable(() -> sftp.upload("/b.bin", half));
      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(14);
      sftp.remove("/a.bin");
      sftp.upload("/b.bin", half);
    }

    assertThat(host.files().paths()).containsExactly("/b.bin");
    assertThat(host.files().read("/b.bin")).isEqualTo(half);
    assertThat(host.files().used()).isEqualTo(40_960); // ten blocks of 4 KiB
  }

  @Test
  void writingPastTheQuotaFromTheTestThrowsAndLeavesTheFiles() {
    host.files().write("/a.bin", random(40_000));

    assertThatThrownBy(() -> host.files().write("/b.bin", random(40_000)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write \"/b.bin\" (40000 bytes): the host's files would exceed their quota of"
                + " 65536 bytes (40960 in use, counted in blocks of 4 KiB); delete files, or raise"
                + " the quota with FakeSshHost.builder().filesQuota(bytes)")
        .cause()
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/b.bin: quota of 65536 bytes exceeded");
    assertThat(host.files().paths()).containsExactly("/a.bin");

    // Replacing a file counts its new size only; a file as large as the quota fits.
    host.files().write("/a.bin", random(QUOTA));
    assertThat(host.files().used()).isEqualTo(QUOTA);
    host.files().delete("/a.bin");
    assertThat(host.files().used()).isZero();
  }

  @Test
  void hasADefaultQuotaWellBelowATestHeap() {
    try (FakeSshHost plain = FakeSshHost.start()) {
      assertThat(plain.files().quota()).isEqualTo(HostFiles.DEFAULT_QUOTA).isEqualTo(64L << 20);
      assertThat(plain.files().used()).isZero();
    }
  }

  @Test
  void rejectsAQuotaOfLessThanOneBlockOrMoreThanOneTebibyte() {
    for (long bad : new long[] {0, -1, 4095, (1L << 40) + 1}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FakeSshHost.builder().filesQuota(bad))
          .withMessage(
              "files quota must be between 4096 bytes (one block of 4 KiB) and 1099511627776"
                  + " bytes (1 TiB), but was "
                  + bad);
    }
    FakeSshHost.builder().filesQuota(4096).filesQuota(1L << 40);
  }
}
