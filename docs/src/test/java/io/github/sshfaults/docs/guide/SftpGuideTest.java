package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThatThrownBy;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/guide/sftp.md}: in-memory files, SFTP faults and the journal, with
 * Apache MINA SSHD's SFTP client standing in for the code under test.
 */
@SshFaultsTest
class SftpGuideTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void servesInMemoryFiles(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::files[]
    host.files().write("/data/report.csv", "id,value\n1,42\n");

    try (SftpClient sftp = sftp(host)) {                     // the code under test, say
      try (InputStream in = sftp.read("/data/report.csv")) {
        assertThat(new String(in.readAllBytes(), UTF_8)).startsWith("id,value");
      }
      try (OutputStream out = sftp.write("/data/result.txt")) {
        out.write("done".getBytes(UTF_8));
      }
    }

    assertThat(host).hasFile("/data/result.txt", "done");
    assertThat(host.files().list("/data")).containsExactly("report.csv", "result.txt");
    assertThat(host.files().paths())
        .containsExactly("/data", "/data/report.csv", "/data/result.txt");
    // end::files[]
  }

  @Test
  void failsRequestsWithAStatus(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::sftp-error[]
    host.files().write("/etc/app.conf", "port=8080\n").write("/srv/app.conf", "port=8080\n");
    host.faults().add(Fault.sftpError(SftpStatus.PERMISSION_DENIED)
        .forSftp(SftpAction.OPEN).forPathGlob("/etc/**"));

    try (SftpClient sftp = sftp(host)) {
      assertThatThrownBy(() -> download(sftp, "/etc/app.conf"))
          .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getStatus())
              .isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED))
          .hasMessageContaining("Permission denied");
      assertThat(download(sftp, "/srv/app.conf")).isEqualTo("port=8080\n");   // other paths work
    }
    // end::sftp-error[]
  }

  @Test
  void cutsADownload(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::sftp-cut[]
    host.files().write("/backup/db.dump", new byte[1_000_000]);
    host.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(64 * 1024)
        .forSftp(SftpAction.READ));

    try (SftpClient sftp = sftp(host)) {
      assertThatThrownBy(() -> download(sftp, "/backup/db.dump"))
          .isInstanceOf(IOException.class);                  // never a short file
    }
    // end::sftp-cut[]
  }

  @Test
  void transfersThroughAnAdapter(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::adapter[]
    host.files().mkdirs("/incoming").write("/backup/db.dump", new byte[1_000_000]);
    host.faults().add(Fault.dropConnection().at(Stage.SFTP).afterBytes(64 * 1024));
    SshLogin deploy = SshLogin.password("deploy", "secret");

    try (SshClientAdapter jsch = JschClientAdapter.factory().create()) {
      jsch.upload(host, deploy, "/incoming/report.csv", "a,b\n".getBytes(UTF_8));
      assertThat(jsch.list(host, deploy, "/incoming")).containsExactly("report.csv");
      assertThatThrownBy(() -> jsch.download(host, deploy, "/backup/db.dump"))
          .satisfies(e -> assertThat(FailureKind.of(e)).isEqualTo(FailureKind.DISCONNECTED));
    }
    // end::adapter[]
    assertThat(host.files().readString("/incoming/report.csv")).isEqualTo("a,b\n");
  }

  @Test
  void fillsTheDisk(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::disk-full[]
    host.faults().add(Fault.sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM).afterBytes(100_000));

    try (SftpClient sftp = sftp(host)) {
      assertThatThrownBy(() -> upload(sftp, "/upload.bin", new byte[500_000]))
          .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getStatus())
              .isEqualTo(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM));
    }
    assertThat(host.files().read("/upload.bin")).hasSize(100_000);   // what reached the disk
    // end::disk-full[]
  }

  @Test
  void recordsSftpInTheJournal(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::journal[]
    host.files().write("/data/in.csv", "a,b\n");
    try (SftpClient sftp = sftp(host)) {
      download(sftp, "/data/in.csv");
      upload(sftp, "/data/out.csv", "c,d\n".getBytes(UTF_8));
    }

    verify(host, once()).downloaded("/data/in.csv");
    SftpOperation upload = verify(host, once()).uploaded("/data/out.csv").get(0);
    assertThat(upload.bytes()).isEqualTo(4);
    verify(host, never()).sftp(SftpAction.REMOVE, "/data/in.csv");
    assertThat(host.journal().sftpOperations())
        .extracting(SftpOperation::action)
        .contains(SftpAction.OPEN, SftpAction.READ, SftpAction.WRITE, SftpAction.CLOSE);
    // end::journal[]
  }

  @Test
  void recordsLinksWithBothPaths(FakeSshHost host) throws Exception {
    host.user("deploy", "secret");
    // tag::links[]
    host.files().write("/srv/releases/42/app.jar", "jar");
    try (SftpClient sftp = sftp(host)) {
      sftp.symLink("/srv/current", "releases/42");                     // link, then target
      sftp.link("/srv/app.jar", "/srv/releases/42/app.jar", false);    // a hard link
      sftp.rename("/srv/app.jar", "/srv/./stable.jar");
    }

    verify(host, once()).symlinked("/srv/current", "/srv/releases/42");
    verify(host, once()).hardlinked("/srv/app.jar", "/srv/releases/42/app.jar");
    assertThat(verify(host, once()).sftp(SftpAction.RENAME, "/srv/app.jar").get(0).target())
        .isEqualTo("/srv/stable.jar");
    // end::links[]
  }

  @Test
  void boundsTheFilesWithAQuota() throws Exception {
    // tag::quota[]
    try (FakeSshHost host = FakeSshHost.builder().filesQuota(1024 * 1024).start()) {   // 1 MiB
      host.user("deploy", "secret");
      try (SftpClient sftp = sftp(host)) {
        assertThatThrownBy(() -> upload(sftp, "/backup.tar", new byte[4 * 1024 * 1024]))
            .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getStatus())
                .isEqualTo(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM))
            .hasMessageContaining("quota of 1048576 bytes exceeded");
      }
      host.journal().awaitClosedConnections(1);     // a file left open is recorded at the end
      SftpOperation write = verify(host, once()).sftp(SftpAction.WRITE, "/backup.tar").get(0);
      assertThat(write.status()).isEqualTo(SftpStatus.NO_SPACE_ON_FILESYSTEM);
      assertThat(write.outcome())
          .isEqualTo("no space left on file system: quota of 1048576 bytes exceeded");
      assertThat(host.files().used()).isLessThanOrEqualTo(host.files().quota());   // never more

      host.files().delete("/backup.tar");             // deleting frees the space
      try (SftpClient sftp = sftp(host)) {            // and the host goes on serving
        upload(sftp, "/small.txt", "ok".getBytes(UTF_8));
      }
    }
    // end::quota[]
  }

  @Test
  void restoresTheBaselineFiles(FakeSshHost host) {
    // tag::baseline[]
    host.files().write("/etc/motd", "welcome\n");
    host.markBaseline();            // what the JUnit extension does before each test
    host.files().write("/etc/motd", "changed\n").write("/tmp/scratch", "x");

    host.reset();                   // and after it, for a shared host

    assertThat(host.files().paths()).containsExactly("/etc", "/etc/motd");
    assertThat(host.files().readString("/etc/motd")).isEqualTo("welcome\n");
    // end::baseline[]
  }

  /** An SFTP session as deploy, closing its connection and client when closed. */
  private static SftpClient sftp(FakeSshHost host) throws IOException {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    ClientSession session =
        client.connect("deploy", host.host(), host.port()).verify(TIMEOUT).getSession();
    session.addCloseFutureListener(f -> client.close(true));
    session.addPasswordIdentity("secret");
    session.auth().verify(TIMEOUT);
    return SftpClientFactory.instance().createSftpClient(session).singleSessionInstance();
  }

  private static String download(SftpClient sftp, String path) throws IOException {
    try (InputStream in = sftp.read(path)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static void upload(SftpClient sftp, String path, byte[] content) throws IOException {
    try (OutputStream out = sftp.write(path)) {
      out.write(content);
    }
  }
}
