package io.github.sshfaults.sshd.sftp;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static io.github.sshfaults.sshd.sftp.SftpFaultsTest.statusCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Symbolic and hard links are journaled as what they are, with both paths: the link's and where it
 * leads.
 */
class SftpLinksTest {

  private final FakeSshHost host = FakeSshHost.start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void journalsASymbolicLinkWithItsPathAndTarget(SftpClients client) throws Exception {
    host.files().write("/srv/releases/42/app.jar", "jar");

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      sftp.symlink("/srv/./current", "/srv/releases/../releases/42");
    }

    assertThat(Files.isSymbolicLink(host.files().root().resolve("srv/current"))).isTrue();
    assertThat(host.files().readString("/srv/current/app.jar")).isEqualTo("jar");
    SftpOperation link = verify(host, once()).symlinked("/srv/current", "/srv/releases/42").get(0);
    assertThat(link.outcome()).isEqualTo("ok");
    verify(host, never()).hardlinked("/srv/current", "/srv/releases/42");
    assertThat(host.journal().toJsonLines())
        .contains(
            "\"type\":\"sftp\",\"action\":\"SYMLINK\",\"path\":\"/srv/current\","
                + "\"target\":\"/srv/releases/42\",\"status\":null,\"outcome\":\"ok\",\"bytes\":0}");
    assertThat(link.toString())
        .endsWith(
            " sftp action=\"SYMLINK\" path=\"/srv/current\" target=\"/srv/releases/42\""
                + " status=null outcome=\"ok\" bytes=0");
  }

  @Test
  void resolvesARelativeSymlinkTargetAgainstTheLinksDirectory() throws Exception {
    host.files().write("/srv/releases/42/app.jar", "jar");

    // MINA's client sends the target as given; JSch makes it absolute against its own directory.
    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      sftp.symlink("/srv/current", "releases/42");
    }

    assertThat(host.files().readString("/srv/current/app.jar")).isEqualTo("jar");
    verify(host, once()).symlinked("/srv/current", "/srv/releases/42");
  }

  /** sshj has no hard links; MINA SSHD's client sends SSH_FXP_LINK, JSch hardlink@openssh.com. */
  @ParameterizedTest
  @EnumSource(value = SftpClients.class, names = {"MINA", "JSCH"})
  void journalsAHardLinkWithItsPathAndTarget(SftpClients client) throws Exception {
    host.files().write("/data/a.txt", "a");

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      sftp.hardlink("/data/../data/b.txt", "/data/a.txt");
    }

    assertThat(Files.isSymbolicLink(host.files().root().resolve("data/b.txt"))).isFalse();
    host.files().write("/data/a.txt", "changed");
    assertThat(host.files().readString("/data/b.txt")).isEqualTo("changed");
    verify(host, once()).hardlinked("/data/b.txt", "/data/a.txt");
    verify(host, never()).symlinked("/data/b.txt", "/data/a.txt");
    assertThat(host.journal().sftpOperations())
        .filteredOn(op -> op.action() == SftpAction.HARDLINK)
        .extracting(SftpOperation::path, SftpOperation::target, SftpOperation::outcome)
        .containsExactly(tuple("/data/b.txt", "/data/a.txt", "ok"));
  }

  @Test
  void triggersTellHardLinksFromSymbolicLinksByTheLinksPath() throws Exception {
    host.files().write("/data/a.txt", "a");
    host.faults()
        .add(
            Fault.sftpError(SftpStatus.PERMISSION_DENIED)
                .forSftp(SftpAction.HARDLINK)
                .forPathGlob("/data/*.lnk"));

    try (SftpClients.Session sftp = SftpClients.JSCH.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.hardlink("/data/b.lnk", "/data/a.txt"));
      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(3);
      sftp.symlink("/data/c.lnk", "/data/a.txt");
      sftp.hardlink("/data/d.txt", "/data/a.txt");
    }

    assertThat(host.files().paths())
        .containsExactly("/data", "/data/a.txt", "/data/c.lnk", "/data/d.txt");
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly("answered hardlink /data/b.lnk with PERMISSION_DENIED (3)");
    SftpOperation denied = verify(host, once()).hardlinked("/data/b.lnk", "/data/a.txt").get(0);
    assertThat(denied.status()).isEqualTo(SftpStatus.PERMISSION_DENIED);
  }

  @Test
  void showsOtherLinksAsNearMissesWithTheirTargets() throws Exception {
    host.files().write("/srv/releases/42/app.jar", "jar");
    try (SftpClients.Session sftp = SftpClients.SSHJ.open(host, "alice", "secret")) {
      sftp.symlink("/srv/current", "/srv/releases/42");
    }

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> verify(host).symlinked("/srv/current", "/srv/releases/41"))
        .withMessageStartingWith(
            "Expected symbolic link \"/srv/current\" -> \"/srv/releases/41\" at least 1 time")
        .withMessageContaining(
            "sftp action=\"SYMLINK\" path=\"/srv/current\" target=\"/srv/releases/42\"");
  }

  @Test
  void journalsARenameWithItsNewPathAsTarget() throws Exception {
    host.files().write("/in/a.csv", "a");
    try (SftpClients.Session sftp = SftpClients.SSHJ.open(host, "alice", "secret")) {
      sftp.rename("/in/a.csv", "in/../in/./b.csv");
    }

    assertThat(host.journal().sftpOperations())
        .filteredOn(op -> op.action() == SftpAction.RENAME)
        .extracting(SftpOperation::path, SftpOperation::target)
        .containsExactly(tuple("/in/a.csv", "/in/b.csv"));
  }
}
