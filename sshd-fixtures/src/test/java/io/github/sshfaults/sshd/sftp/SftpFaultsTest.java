package io.github.sshfaults.sshd.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SftpFaultsTest {

  private static final int BIG = 300_000;

  private final FakeSshHost host = FakeSshHost.start().user("alice", "secret");
  private final byte[] big = new byte[BIG];

  SftpFaultsTest() {
    new Random(11).nextBytes(big);
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  /** The SFTP status code in what a client threw: each library has its own exception. */
  static Integer statusCode(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof org.apache.sshd.sftp.common.SftpException mina) {
        return mina.getStatus();
      }
      if (t instanceof com.jcraft.jsch.SftpException jsch) {
        return jsch.id;
      }
      if (t instanceof net.schmizz.sshj.sftp.SFTPException sshj && sshj.getStatusCode() != null) {
        return sshj.getStatusCode().getCode();
      }
    }
    return null;
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void eachClientSeesTheStatusAsItsOwnSftpException(SftpClients client) throws Exception {
    host.files().write("/secret/key", "k").write("/public/readme", "hi");
    host.faults()
        .add(
            Fault.sftpError(SftpStatus.PERMISSION_DENIED, "no access for alice")
                .forSftp(SftpAction.OPEN)
                .forPathGlob("/secret/**"));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.download("/secret/key"));

      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(3);
      assertThat(thrown).hasMessageContaining("no access for alice");
      // The session goes on: the fault answered one request, nothing else.
      assertThat(sftp.download("/public/readme")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(host.journal().faultsFired())
        .singleElement()
        .satisfies(
            fired -> {
              assertThat(fired.stage()).isEqualTo(Stage.SFTP);
              assertThat(fired.description())
                  .isEqualTo("answered open /secret/key with PERMISSION_DENIED (3)");
            });
    assertThat(host.journal().sftpOperations())
        .filteredOn(op -> op.action() == SftpAction.OPEN)
        .extracting(SftpOperation::path, SftpOperation::status, SftpOperation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/secret/key", SftpStatus.PERMISSION_DENIED, "permission denied"),
            org.assertj.core.groups.Tuple.tuple("/public/readme", null, "ok"));
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void eachClientReportsAStatusOfALaterSftpVersionByItsCode(SftpClients client) throws Exception {
    host.faults().add(Fault.sftpError(SftpStatus.QUOTA_EXCEEDED).forSftp(SftpAction.OPEN));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.upload("/x", new byte[] {1}));

      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(15);
    }
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void aDownloadCutAfterSomeBytesFailsInEachClient(SftpClients client) throws Exception {
    host.files().write("/data/big.bin", big);
    host.faults()
        .add(Fault.dropConnection().at(Stage.SFTP).afterBytes(100_000).forSftp(SftpAction.READ));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.download("/data/big.bin"));

      assertThat(thrown).as("a cut download must fail, not look complete").isNotNull();
    }
    FaultFired fired = host.journal().faultsFired().get(0);
    assertThat(fired.description())
        .isEqualTo("dropped the connection (FIN) after 100000 bytes of read /data/big.bin");
    // Recorded when the host notices that the channel of the cut transfer ended.
    SftpOperation read =
        Awaitility.await("the cut read in the journal")
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    host.journal().sftpOperations().stream()
                        .filter(op -> op.action() == SftpAction.READ)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(read.bytes()).isEqualTo(100_000);
    assertThat(read.outcome()).isEqualTo("cut after 100000 bytes of read /data/big.bin");
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void anUploadCutAfterSomeBytesFailsAndLeavesThatMuchOnTheHost(SftpClients client)
      throws Exception {
    host.files().mkdirs("/upload");
    host.faults().add(Fault.resetConnection().at(Stage.SFTP).afterBytes(50_000));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.upload("/upload/big.bin", big));

      assertThat(thrown).as("a cut upload must fail").isNotNull();
    }
    assertThat(host.files().read("/upload/big.bin")).hasSize(50_000);
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void aDiskThatFillsUpFailsTheUploadWithItsStatus(SftpClients client) throws Exception {
    host.files().mkdirs("/upload");
    host.faults()
        .add(Fault.sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM).afterBytes(64_000).atMost(1));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      Throwable thrown = catchThrowable(() -> sftp.upload("/upload/big.bin", big));

      assertThat(statusCode(thrown)).as("status in %s", thrown).isEqualTo(14);
    }
    // Small files and later files go through. A new session: JSch, like some other clients,
    // cannot go on after a failed pipelined upload.
    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      sftp.upload("/upload/small.txt", "ok".getBytes(StandardCharsets.UTF_8));
      sftp.upload("/upload/again.bin", big);
    }
    assertThat(host.files().read("/upload/big.bin")).hasSize(64_000);
    assertThat(host.files().read("/upload/again.bin")).isEqualTo(big);
    assertThat(host.journal().faultsFired()).hasSize(1);
  }

  @Test
  void filesNoLongerThanTheByteCountAreNotCut() throws Exception {
    host.files().write("/exact.bin", new byte[1000]);
    host.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(1000));

    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      assertThat(sftp.download("/exact.bin")).hasSize(1000);
      sftp.upload("/up.bin", new byte[1000]);
    }
    assertThat(host.journal().faultsFired()).isEmpty();
  }

  @Test
  void firesOnTheFirstAttemptsOfAnActionOnly() throws Exception {
    host.files().write("/a.txt", "a");
    host.faults()
        .add(Fault.sftpError(SftpStatus.FAILURE).forSftp(SftpAction.OPEN).firstAttempts(1));

    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      assertThat(statusCode(catchThrowable(() -> sftp.download("/a.txt")))).isEqualTo(4);
      assertThat(sftp.download("/a.txt")).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void failsOtherActionsByTheirOwnTriggers() throws Exception {
    host.files().write("/d/a.txt", "a");
    host.faults()
        .add(
            Fault.sftpError(SftpStatus.NO_SUCH_FILE).forSftp(SftpAction.LIST).forPath("/d"),
            Fault.sftpError(SftpStatus.WRITE_PROTECT).forSftp(SftpAction.MKDIR, SftpAction.REMOVE),
            Fault.sftpError(SftpStatus.FILE_ALREADY_EXISTS).forSftp(SftpAction.RENAME));

    try (SftpClients.Session sftp = SftpClients.JSCH.open(host, "alice", "secret")) {
      assertThat(statusCode(catchThrowable(() -> sftp.list("/d")))).isEqualTo(2);
      assertThat(statusCode(catchThrowable(() -> sftp.mkdir("/e")))).isEqualTo(12);
      assertThat(statusCode(catchThrowable(() -> sftp.remove("/d/a.txt")))).isEqualTo(12);
      assertThat(statusCode(catchThrowable(() -> sftp.rename("/d/a.txt", "/d/b.txt"))))
          .isEqualTo(11);
      assertThat(sftp.download("/d/a.txt")).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(host.files().paths()).containsExactly("/d", "/d/a.txt");
  }

  @Test
  void aHungSftpSubsystemAnswersNothingMore() throws Exception {
    host.files().write("/a.txt", "a");
    host.faults().add(Fault.hang().at(Stage.SFTP).forSftp(SftpAction.OPEN));

    try (SftpClients.Session sftp =
        SftpClients.SSHJ.open(host, "alice", "secret", Duration.ofSeconds(2))) {
      Throwable thrown = catchThrowable(() -> sftp.download("/a.txt"));

      assertThat(thrown).hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    }
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly("stops answering SFTP at open /a.txt");
    assertThat(host.journal().sftpOperations())
        .filteredOn(op -> op.action() == SftpAction.OPEN)
        .extracting(SftpOperation::status, SftpOperation::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "no answer"));
  }

  @Test
  void delaysTheAnswersItFiresOn() throws Exception {
    host.files().write("/a.txt", "a");
    host.faults().add(Fault.delay(Duration.ofMillis(300)).at(Stage.SFTP).forSftp(SftpAction.OPEN));

    try (SftpClients.Session sftp = SftpClients.MINA.open(host, "alice", "secret")) {
      long start = System.nanoTime();
      sftp.download("/a.txt");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(290));
    }
  }

  @ParameterizedTest
  @EnumSource(SftpClients.class)
  void aDisconnectAtAnSftpRequestEndsTheSession(SftpClients client) throws Exception {
    host.files().write("/a.txt", "a");
    host.faults()
        .add(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "going down")
                .at(Stage.SFTP)
                .forSftp(SftpAction.OPEN));

    try (SftpClients.Session sftp = client.open(host, "alice", "secret")) {
      assertThat(catchThrowable(() -> sftp.download("/a.txt"))).isNotNull();
    }
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly("disconnected with reason 11 at open /a.txt");
  }

  @Test
  void recordsEachOperationInTheJournal() throws Exception {
    host.files().write("/data/in.txt", "12345");

    try (SftpClients.Session sftp = SftpClients.SSHJ.open(host, "alice", "secret")) {
      sftp.download("/data/in.txt");
      sftp.upload("/data/out.txt", "abc".getBytes(StandardCharsets.UTF_8));
      sftp.list("/data");
      sftp.remove("/data/in.txt");
    }

    assertThat(host.journal().sftpOperations())
        .filteredOn(op -> op.action() != SftpAction.REALPATH && op.action() != SftpAction.STAT)
        .extracting(
            SftpOperation::action,
            SftpOperation::path,
            SftpOperation::outcome,
            SftpOperation::bytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SftpAction.OPEN, "/data/in.txt", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.READ, "/data/in.txt", "ok", 5L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.CLOSE, "/data/in.txt", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.OPEN, "/data/out.txt", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.WRITE, "/data/out.txt", "ok", 3L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.CLOSE, "/data/out.txt", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.LIST, "/data", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.CLOSE, "/data", "ok", 0L),
            org.assertj.core.groups.Tuple.tuple(SftpAction.REMOVE, "/data/in.txt", "ok", 0L));
  }

  @Test
  void aTransferThatHangsAfterSomeBytesGetsNoMoreAnswers() throws Exception {
    host.files().write("/data/big.bin", big);
    host.faults().add(Fault.hang().at(Stage.SFTP).afterBytes(100_000));

    try (SftpClients.Session sftp =
        SftpClients.SSHJ.open(host, "alice", "secret", Duration.ofSeconds(2))) {
      Throwable thrown = catchThrowable(() -> sftp.download("/data/big.bin"));

      assertThat(thrown).hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    }
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly("stops answering SFTP after 100000 bytes of read /data/big.bin");
  }

  @Test
  void aHungSftpChannelLeavesTheConnectionWorking() throws Exception {
    host.command("uptime").replies("up\n");
    host.files().write("/a.txt", "a");
    host.faults().add(Fault.hang().at(Stage.SFTP).forSftp(SftpAction.OPEN));

    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client
              .connect("alice", host.host(), host.port())
              .verify(SftpClients.TIMEOUT)
              .getSession()) {
        session.addPasswordIdentity("secret");
        session.auth().verify(SftpClients.TIMEOUT);
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
        CompletableFuture<Void> open =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    sftp.open("/a.txt").close();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        host.journal().await(FaultFired.class, 1, Duration.ofSeconds(10));

        assertThat(session.executeRemoteCommand("uptime")).isEqualTo("up\n");
        assertThat(open).isNotDone();
        sftp.close();
      }
    }
  }
}
