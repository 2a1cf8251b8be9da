package io.github.sshfaults.sshd.sftp;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static io.github.sshfaults.sshd.sftp.SftpFaultsTest.statusCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every request is about the path as the host resolves it (absolute, normalized, {@code ..} past
 * the root staying at the root), however the client spelled it: for triggers, byte counts and the
 * journal alike, for requests on an open file as for requests that name a path.
 */
class SftpPathNormalizationTest {

  /** Ways to name {@code /etc/passwd} from a session that starts at {@code /}. */
  private static final List<String> PASSWD =
      List.of(
          "/etc/passwd",
          "../../etc/passwd",
          "/./../etc/./passwd",
          "//etc//passwd",
          "etc/passwd",
          "./etc/passwd",
          "/etc/../etc/passwd",
          // No client expands ~, and the host takes it literally, as OpenSSH's sftp-server does:
          // a directory /~ (which these tests create, as .. needs its directory to exist).
          "~/../etc/passwd");

  /** Ways to name {@code /upload/b.bin}. */
  private static final List<String> UPLOAD =
      List.of(
          "/../upload/b.bin",
          "../upload/./b.bin",
          "upload//b.bin",
          "/tmp/../upload/b.bin",
          "~/../upload/b.bin");

  private final FakeSshHost host = FakeSshHost.start().user("alice", "secret");

  SftpPathNormalizationTest() {
    host.files().mkdirs("/~");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void deniesEverySpellingOfADeniedPath(SftpClients client) throws Exception {
    host.files().write("/etc/passwd", "root:x:0:0\n").mkdirs("/upload").mkdirs("/tmp");
    host.faults()
        .add(
            Fault.sftpError(SftpStatus.PERMISSION_DENIED)
                .forSftp(SftpAction.READ)
                .forPath("/etc/passwd"),
            Fault.sftpError(SftpStatus.WRITE_PROTECT)
                .forSftp(SftpAction.WRITE)
                .forPathGlob("/upload/**"));

    // A session each: a client that reads or writes ahead may not go on after a failed transfer.
    for (String path : PASSWD) {
      try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
        Throwable thrown = catchThrowable(() -> sftp.download(path));
        assertThat(statusCode(thrown)).as("read of %s: %s", path, thrown).isEqualTo(3);
      }
    }
    for (String path : UPLOAD) {
      try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
        Throwable thrown = catchThrowable(() -> sftp.upload(path, new byte[] {1, 2, 3}));
        assertThat(statusCode(thrown)).as("write of %s: %s", path, thrown).isEqualTo(12);
      }
    }

    assertThat(host.files().read("/upload/b.bin")).isEmpty();
    // Clients that read ahead get several requests denied for one download.
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsOnly(
            "answered read /etc/passwd with PERMISSION_DENIED (3)",
            "answered write /upload/b.bin with WRITE_PROTECT (12)");
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void cutsEverySpellingOfAPathAfterItsBytes(SftpClients client) throws Exception {
    host.files().write("/etc/passwd", "root:x:0:0\n").write("/etc/motd", "hello\n");
    host.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(4).forPathGlob("/etc/p*"));

    for (String path : PASSWD) {
      try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
        assertThat(sftp.download("/etc/./../etc/motd")).as("another file").hasSize(6);
        Throwable thrown = catchThrowable(() -> sftp.download(path));
        assertThat(thrown).as("a cut download of %s must fail", path).isNotNull();
      }
    }

    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .hasSize(PASSWD.size())
        .containsOnly("dropped the connection (FIN) after 4 bytes of read /etc/passwd");
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void countsTheBytesOfEverySpellingOfAnUpload(SftpClients client) throws Exception {
    host.files().mkdirs("/upload").mkdirs("/tmp");
    host.faults()
        .add(
            Fault.sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM)
                .afterBytes(100_000)
                .forPath("/upload/b.bin"));
    byte[] big = new byte[300_000];
    new Random(3).nextBytes(big);

    for (String path : UPLOAD) {
      host.files().delete("/upload/b.bin");
      try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
        Throwable thrown = catchThrowable(() -> sftp.upload(path, big));
        assertThat(statusCode(thrown)).as("upload to %s: %s", path, thrown).isEqualTo(14);
      }
      assertThat(host.files().read("/upload/b.bin")).as("upload to %s", path).hasSize(100_000);
    }
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .hasSize(UPLOAD.size())
        .containsOnly(
            "answered write /upload/b.bin with NO_SPACE_ON_FILESYSTEM (14) after 100000 bytes");
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void journalsAndVerifiesEveryOperationByItsResolvedPath(SftpClients client) throws Exception {
    host.files().write("/etc/passwd", "root:x:0:0\n").mkdirs("/upload").mkdirs("/tmp");
    host.files().write("/~/notes.txt", "n");

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      for (String path : PASSWD) {
        assertThat(new String(sftp.download(path), StandardCharsets.UTF_8))
            .as(path)
            .isEqualTo("root:x:0:0\n");
      }
      for (String path : UPLOAD) {
        sftp.upload(path, "up".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(sftp.download("~/notes.txt")).isEqualTo("n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(verify(host, times(PASSWD.size())).downloaded("/etc/passwd"))
        .extracting(SftpOperation::bytes)
        .containsOnly(11L);
    verify(host, times(UPLOAD.size())).uploaded("/upload/b.bin");
    verify(host, times(1)).downloaded("/~/notes.txt");
    List<String> transferPaths =
        Awaitility.await("every transfer closed")
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    host.journal().sftpOperations().stream()
                        .filter(
                            op ->
                                op.action() == SftpAction.OPEN
                                    || op.action() == SftpAction.READ
                                    || op.action() == SftpAction.WRITE
                                    || op.action() == SftpAction.CLOSE)
                        .map(SftpOperation::path)
                        .toList(),
                paths -> paths.size() == 3 * (PASSWD.size() + UPLOAD.size() + 1));
    assertThat(transferPaths)
        .containsOnly("/etc/passwd", "/upload/b.bin", "/~/notes.txt")
        .satisfies(
            paths ->
                assertThat(Collections.frequency(paths, "/etc/passwd"))
                    .isEqualTo(3 * PASSWD.size()));
  }
}
