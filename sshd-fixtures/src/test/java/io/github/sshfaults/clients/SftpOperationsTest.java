package io.github.sshfaults.clients;

import static io.github.sshfaults.assertions.SshAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SshClientAdapter#upload}, {@link SshClientAdapter#download} and {@link
 * SshClientAdapter#list} do the same with each library's own SFTP client, and fail the same way: a
 * status from the server classifies as {@link FailureKind#SFTP}, a transfer cut by the end of the
 * connection as {@link FailureKind#DISCONNECTED}, a request the server never answers as {@link
 * FailureKind#TIMEOUT} at the adapter's timeout.
 */
class SftpOperationsTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");

  /** Larger than any library's read-ahead and write window, so a cut lands mid-transfer. */
  private static final byte[] BIG = pattern(200_000);

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start().user("alice", "secret");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void uploadsDownloadsAndListsFiles(ClientAdapters client) throws Exception {
    host.files().write("/data/notes.txt", "notes").mkdirs("/data/archive");

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      ssh.upload(host, ALICE, "/data/report.csv", BIG);

      assertThat(host.files().read("/data/report.csv")).isEqualTo(BIG);
      assertThat(ssh.download(host, ALICE, "/data/report.csv")).isEqualTo(BIG);
      assertThat(ssh.list(host, ALICE, "/data"))
          .containsExactly("archive", "notes.txt", "report.csv");
      assertThat(ssh.list(host, ALICE, "/data/archive")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void uploadReplacesAllOfAnExistingFile(ClientAdapters client) throws Exception {
    host.files().write("/etc/motd", BIG);

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      ssh.upload(host, ALICE, "/etc/motd", "welcome\n".getBytes(StandardCharsets.UTF_8));
      ssh.upload(host, ALICE, "/etc/empty", new byte[0]);
    }

    assertThat(host.files().readString("/etc/motd")).isEqualTo("welcome\n");
    assertThat(host.files().read("/etc/empty")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void reportsPermissionDeniedAsAnSftpFailure(ClientAdapters client) throws Exception {
    host.files().write("/secret/key", "k").mkdirs("/upload");
    host.faults()
        .add(Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(SftpAction.OPEN))
        .add(Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(SftpAction.LIST));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThat(kindOf(() -> ssh.download(host, ALICE, "/secret/key")))
          .isEqualTo(FailureKind.SFTP);
      assertThat(kindOf(() -> ssh.upload(host, ALICE, "/upload/a.bin", BIG)))
          .isEqualTo(FailureKind.SFTP);
      assertThat(kindOf(() -> ssh.list(host, ALICE, "/secret"))).isEqualTo(FailureKind.SFTP);
    }
    assertThat(host.files().exists("/upload/a.bin")).isFalse();
  }

  static Stream<Arguments> cutTransfers() {
    return Stream.of(ClientAdapters.values())
        .flatMap(
            client ->
                Stream.of(
                    Arguments.of(
                        client, Fault.dropConnection().at(Stage.SFTP).afterBytes(50_000), "FIN"),
                    Arguments.of(
                        client, Fault.resetConnection().at(Stage.SFTP).afterBytes(50_000), "RST")));
  }

  @ParameterizedTest(name = "{0}, {2}")
  @MethodSource("cutTransfers")
  void reportsADownloadCutByTheConnectionsEndAsDisconnected(
      ClientAdapters client, Fault cut, String how) throws Exception {
    host.files().write("/data/report.csv", BIG);
    host.faults().add(cut.forSftp(SftpAction.READ));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      Throwable thrown = catchThrowable(() -> ssh.download(host, ALICE, "/data/report.csv"));

      assertThat(thrown).as("a cut download must fail, not return part of the file").isNotNull();
      // The library's own exception, not Java's "Self-suppression not permitted" around it.
      assertThat(thrown).isNotInstanceOf(IllegalArgumentException.class);
      assertThat(FailureKind.of(thrown))
          .as("the kind of %s", thrown)
          .isEqualTo(FailureKind.DISCONNECTED);
    }
  }

  @ParameterizedTest(name = "{0}, {2}")
  @MethodSource("cutTransfers")
  void reportsAnUploadCutByTheConnectionsEndAsDisconnected(
      ClientAdapters client, Fault cut, String how) throws Exception {
    host.files().mkdirs("/upload");
    host.faults().add(cut.forSftp(SftpAction.WRITE));

    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      Throwable thrown = catchThrowable(() -> ssh.upload(host, ALICE, "/upload/big.bin", BIG));

      assertThat(thrown).as("a cut upload must fail").isNotNull();
      assertThat(thrown).isNotInstanceOf(IllegalArgumentException.class);
      assertThat(FailureKind.of(thrown))
          .as("the kind of %s", thrown)
          .isEqualTo(FailureKind.DISCONNECTED);
    }
    assertThat(host.files().read("/upload/big.bin")).hasSize(50_000);
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void endsATransferTheServerNeverAnswersAtTheTimeout(ClientAdapters client) throws Exception {
    host.files().write("/data/report.csv", "a,b\n");
    host.faults().add(Fault.hang().at(Stage.SFTP).forSftp(SftpAction.OPEN));

    try (SshClientAdapter ssh = client.create(Duration.ofMillis(500))) {
      Throwable thrown = catchThrowable(() -> ssh.download(host, ALICE, "/data/report.csv"));

      assertThat(thrown)
          .isInstanceOf(TimeoutException.class)
          .hasMessageEndingWith(
              "SFTP download of \"/data/report.csv\" on "
                  + host.displayName()
                  + " did not finish within 500 ms");
      assertThat(FailureKind.of(thrown)).isEqualTo(FailureKind.TIMEOUT);
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void stopsTheTimerThreadOfItsTransfersWhenClosed(ClientAdapters client) throws Exception {
    host.files().write("/a.txt", "a");
    String timer = "sshfaults-" + client.name().toLowerCase(Locale.ROOT) + "-timer-";
    SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS);
    try {
      assertThat(ssh.download(host, ALICE, "/a.txt"))
          .isEqualTo("a".getBytes(StandardCharsets.UTF_8));
      assertThat(liveThreadsNamed(timer)).as("the timer of the transfer").isNotEmpty();
    } finally {
      ssh.close();
    }

    SshAwait.await()
        .until("no thread " + timer + "* left", () -> liveThreadsNamed(timer).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void classifiesEachHostsTransferInARun(ClientAdapters client) {
    FakeSshHost denied = FakeSshHost.builder().name("denied").start();
    FakeSshHost dropped = FakeSshHost.builder().name("dropped").start();
    try {
      for (FakeSshHost h : List.of(host, denied, dropped)) {
        h.user("alice", "secret").files().write("/data/report.csv", BIG);
      }
      denied.faults().add(Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(SftpAction.OPEN));
      dropped.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(50_000));

      RunReport<FakeSshHost, byte[]> report =
          ConcurrentSsh.create()
              .withThreads(3)
              .run(
                  List.of(host, denied, dropped),
                  client.factory(),
                  (ssh, target) -> ssh.download(target, ALICE, "/data/report.csv"));

      assertThat(report)
          .succeededOn(host)
          .failedOn(denied, FailureKind.SFTP)
          .failedOn(dropped, FailureKind.DISCONNECTED)
          .noneHung()
          .leftNoThreads();
      assertThat(report.outcomesOn(host).get(0).value()).isEqualTo(BIG);
    } finally {
      denied.close();
      dropped.close();
    }
  }

  @ParameterizedTest
  @EnumSource(ClientAdapters.class)
  void rejectsAMissingPathOrContentBeforeConnecting(ClientAdapters client) throws Exception {
    try (SshClientAdapter ssh = client.create(ClientAdapters.GENEROUS)) {
      assertThatThrownBy(() -> ssh.upload(host, ALICE, "/a.txt", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("content of \"/a.txt\"");
      assertThatThrownBy(() -> ssh.download(host, ALICE, " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("path");
      assertThatThrownBy(() -> ssh.list(host, ALICE, ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("directory");
    }
    assertThat(host.journal().connections()).isEmpty();
  }

  /** What the call throws, classified; fails when it throws nothing. */
  private static FailureKind kindOf(ThrowingCall call) {
    Throwable thrown = catchThrowable(call::call);
    assertThat(thrown).as("the call must fail").isNotNull();
    return FailureKind.of(thrown);
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void call() throws Exception;
  }

  private static List<Thread> liveThreadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
        .toList();
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }
}
