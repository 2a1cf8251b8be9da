package io.github.sshfaults.sshd.sftp;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SftpJournalTest {

  private final FakeSshHost host = FakeSshHost.start().user("alice", "secret");

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void verifiesCompleteUploadsAndDownloads() throws Exception {
    host.files().write("/data/in.csv", "a,b\n");
    try (SftpClients.Session sftp = SftpClients.JSCH.open(host, "alice", "secret")) {
      sftp.download("/data/in.csv");
      sftp.upload("/data/out.csv", "c,d\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(verify(host, once()).downloaded("/data/in.csv").get(0).bytes()).isEqualTo(4);
    assertThat(verify(host, once()).uploaded("/data/out.csv").get(0).bytes()).isEqualTo(4);
    verify(host, never()).uploaded("/data/in.csv");
    verify(host, once()).sftp(SftpAction.OPEN, "/data/out.csv");
  }

  @Test
  void showsTheOtherSftpOperationsAsNearMisses() throws Exception {
    host.files().write("/data/in.csv", "a,b\n");
    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      sftp.download("/data/in.csv");
    }

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> verify(host, once()).downloaded("/data/in.cvs"))
        .withMessageStartingWith(
            "Expected complete download of \"/data/in.cvs\" exactly 1 time in the journal of "
                + host
                + ", but found 0.\nNear misses, closest first:\n  #")
        .withMessageContaining(
            "sftp action=\"READ\" path=\"/data/in.csv\" target=null status=null outcome=\"ok\""
                + " bytes=4");
  }

  @Test
  void recordsFailedTransfersWithTheirOutcome() throws Exception {
    host.files().write("/big.bin", new byte[100_000]);
    host.faults()
        .add(Fault.sftpError(SftpStatus.FAILURE, "disk error").at(Stage.SFTP).afterBytes(10_000));
    try (SftpClients.Session sftp = SftpClients.SSHJ.open(host, "alice", "secret")) {
      assertThat(catchThrowable(() -> sftp.download("/big.bin"))).isNotNull();
    }

    verify(host, never()).downloaded("/big.bin");
    SftpOperation read = verify(host, once()).sftp(SftpAction.READ, "/big.bin").get(0);
    assertThat(read.status()).isEqualTo(SftpStatus.FAILURE);
    assertThat(read.outcome()).isEqualTo("failure");
    assertThat(read.bytes()).isEqualTo(10_000);
  }

  @Test
  void recordsTheSubsystemRequestOfEachSftpChannel() throws Exception {
    try (SftpClients.Session sftp = SftpClients.SSHJ.open(host, "alice", "secret")) {
      sftp.list("/");
    }

    assertThat(host.journal().events(ChannelRequest.class))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.request()).isEqualTo("subsystem sftp");
              assertThat(request.accepted()).isTrue();
              assertThat(request.reason()).isNull();
            });
    assertThat(host.journal().toJsonLines())
        .contains(
            "\"type\":\"channel-request\",\"channelId\":0,\"request\":\"subsystem sftp\","
                + "\"accepted\":true,\"reason\":null}");
  }

  @Test
  void exportsSftpOperationsAsJsonLinesAndInTheTail() throws Exception {
    host.files().write("/a.txt", "a");
    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      sftp.download("/a.txt");
    }

    assertThat(host.journal().toJsonLines())
        .contains(
            "\"type\":\"sftp\",\"action\":\"READ\",\"path\":\"/a.txt\",\"target\":null,"
                + "\"status\":null,\"outcome\":\"ok\",\"bytes\":1}");
    assertThat(host.journal().describeTail(5)).contains(" SFTP operations");
  }
}
