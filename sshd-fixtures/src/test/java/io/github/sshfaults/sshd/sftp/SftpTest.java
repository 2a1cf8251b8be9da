package io.github.sshfaults.sshd.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.sshd.FakeSshHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SftpTest {

  private final FakeSshHost host = FakeSshHost.start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void servesTheHostsFilesToEachClient(SftpClients client) throws Exception {
    byte[] big = new byte[300_000];
    new Random(7).nextBytes(big);
    host.files().write("/data/report.csv", "id,value\n1,42\n").write("/data/big.bin", big);

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      assertThat(new String(sftp.download("/data/report.csv"), StandardCharsets.UTF_8))
          .isEqualTo("id,value\n1,42\n");
      assertThat(sftp.download("data/big.bin")).isEqualTo(big);
      assertThat(sftp.list("/data")).containsExactlyInAnyOrder("report.csv", "big.bin");
    }
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void keepsWhatEachClientUploads(SftpClients client) throws Exception {
    byte[] big = new byte[200_000];
    new Random(9).nextBytes(big);

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      sftp.mkdir("/upload");
      sftp.upload("/upload/result.txt", "done".getBytes(StandardCharsets.UTF_8));
      sftp.upload("/upload/big.bin", big);
      sftp.rename("/upload/result.txt", "/upload/final.txt");
      sftp.upload("/upload/tmp", new byte[] {1});
      sftp.remove("/upload/tmp");
    }

    assertThat(host.files().readString("/upload/final.txt")).isEqualTo("done");
    assertThat(host.files().read("/upload/big.bin")).isEqualTo(big);
    assertThat(host.files().paths())
        .containsExactly("/upload", "/upload/big.bin", "/upload/final.txt");
  }

  @Test
  void managesFilesWithoutAClient() {
    host.files().write("/a/b/c.txt", "c").mkdirs("/empty/dir");

    assertThat(host.files().exists("/a/b")).isTrue();
    assertThat(host.files().list("/a/b")).containsExactly("c.txt");
    assertThat(host.files().paths())
        .containsExactly("/a", "/a/b", "/a/b/c.txt", "/empty", "/empty/dir");
    assertThat(host.files().delete("/a")).isTrue();
    assertThat(host.files().delete("/a")).isFalse();
    assertThat(host.files().exists("/a/b/c.txt")).isFalse();
    assertThat(host.files().root().toString()).isEqualTo("/");
  }

  @Test
  void namesTheFilesThereAreWhenOneIsMissing() {
    host.files().write("/data/x.txt", "x");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> host.files().read("/data/y.txt"))
        .withMessage("no file \"/data/y.txt\" on the host; it has /data, /data/x.txt");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> host.files().list("/nope"))
        .withMessage("no directory \"/nope\" on the host; it has /data, /data/x.txt");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> host.files().write("/data", "x"))
        .withMessage("cannot write \"/data\": it is a directory");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> host.files().write(" ", "x"))
        .withMessageContaining("path");
  }

  @Test
  void resetRestoresTheBaselineFiles() throws Exception {
    host.files().write("/etc/motd", "hello");
    host.markBaseline();
    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      sftp.upload("/etc/motd", "changed".getBytes(StandardCharsets.UTF_8));
      sftp.upload("/new.txt", "new".getBytes(StandardCharsets.UTF_8));
    }
    host.files().mkdirs("/tmp/x");

    host.reset();

    assertThat(host.files().paths()).containsExactly("/etc", "/etc/motd");
    assertThat(host.files().readString("/etc/motd")).isEqualTo("hello");
  }

  @Test
  void aNewHostHasNoFilesAndResetEmptiesIt() {
    assertThat(host.files().paths()).isEmpty();
    host.files().write("/x", "x");

    host.reset();

    assertThat(host.files().paths()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void aClientFindsAnEmptyRootOnAHostWhoseFilesWereNeverUsed(SftpClients client) throws Exception {
    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      assertThat(sftp.list("/")).isEmpty();
      sftp.upload("/first.txt", "1".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(host.files().paths()).containsExactly("/first.txt");
  }

  @Test
  void theFilesAreGoneOnceTheHostCloses() {
    try (FakeSshHost used = FakeSshHost.start();
        FakeSshHost unused = FakeSshHost.start()) {
      used.files().write("/x", "x");

      used.close();
      unused.close();

      for (FakeSshHost closed : List.of(used, unused)) {
        assertThatExceptionOfType(ClosedFileSystemException.class)
            .isThrownBy(() -> closed.files().paths())
            .withMessageEndingWith(": it is closed, and its files went with it");
        assertThatExceptionOfType(ClosedFileSystemException.class)
            .isThrownBy(() -> closed.files().write("/y", "y"))
            .withMessageStartingWith("cannot write \"/y\" on " + closed);
      }
    }
  }

  @Test
  void eachHostHasItsOwnFiles() {
    try (FakeSshHost other = FakeSshHost.start()) {
      host.files().write("/x", "mine");
      other.files().write("/x", "theirs");

      assertThat(host.files().readString("/x")).isEqualTo("mine");
      assertThat(other.files().readString("/x")).isEqualTo("theirs");
    }
    assertThat(host.files().readString("/x")).isEqualTo("mine");
  }
}
