package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThatThrownBy;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.catchThrowableOfType;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** {@code assertThat(host)} checks a host's files, and a failure shows what the host holds. */
class FakeSshHostAssertTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.files().write("/data/report.csv", "id,value\n1,42\n").mkdirs("/upload");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void passesOnAFileAndItsContent() {
    assertThat(host)
        .hasFile("/data/report.csv")
        .hasFile("data/report.csv", "id,value\n1,42\n")           // relative to /
        .hasFile("/data/report.csv", "id,value\n1,42\n".getBytes(UTF_8))
        .doesNotHaveFile("/upload/result.txt");
  }

  @Test
  void listsTheHostsFilesWhenTheFileIsMissing() {
    assertThatThrownBy(() -> assertThat(host).hasFile("/upload/result.txt"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting a file \"/upload/result.txt\" on "
                + host
                + ", but there is none; the host has /data, /data/report.csv, /upload");
  }

  @Test
  void saysSoWhenTheHostHasNoFilesAtAll() {
    try (FakeSshHost empty = FakeSshHost.start()) {
      assertThatThrownBy(() -> assertThat(empty).hasFile("/etc/motd"))
          .hasMessageEndingWith("but there is none; the host has no files");
    }
  }

  @Test
  void showsOnlyTheFirstTwentyFilesOfABusyHost() {
    for (int i = 0; i < 30; i++) {
      host.files().write(String.format("/spool/%02d", i), "");
    }

    assertThatThrownBy(() -> assertThat(host).hasFile("/missing"))
        .hasMessageEndingWith("/spool/16 and 14 more");
  }

  @Test
  void refusesADirectoryForAFile() {
    assertThatThrownBy(() -> assertThat(host).hasFile("/upload"))
        .hasMessage("Expecting a file \"/upload\" on " + host + ", but it is a directory");
  }

  @Test
  void showsBothContentsForAnIdeDiffWhenTheTextDiffers() {
    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class,
            () -> assertThat(host).hasFile("/data/report.csv", "id,value\n1,43\n"));

    assertThat(failure)
        .hasMessage(
            "Expecting the file \"/data/report.csv\" on "
                + host
                + " to hold:\n  \"id,value\\n1,43\\n\"\nbut it holds:\n  \"id,value\\n1,42\\n\"");
    assertThat(failure.getActual().getValue()).isEqualTo("id,value\n1,42\n");
    assertThat(failure.getExpected().getValue()).isEqualTo("id,value\n1,43\n");
  }

  @Test
  void namesTheSizesAndTheFirstDifferingByteWhenTheBytesDiffer() {
    host.files().write("/upload/blob", new byte[] {1, 2, 3, 4});

    assertThatThrownBy(() -> assertThat(host).hasFile("/upload/blob", new byte[] {1, 2, 9}))
        .hasMessage(
            "Expecting the file \"/upload/blob\" on "
                + host
                + " to hold 3 bytes, but it holds 4, which differ from byte 2 on");
  }

  @Test
  void saysWhatIsThereWhenNothingShouldBe() {
    assertThatThrownBy(() -> assertThat(host).doesNotHaveFile("/data/report.csv"))
        .hasMessage(
            "Expecting no file \"/data/report.csv\" on "
                + host
                + ", but there is a file of 14 bytes");
    assertThatThrownBy(() -> assertThat(host).doesNotHaveFile("/upload"))
        .hasMessage("Expecting no file \"/upload\" on " + host + ", but there is a directory");
  }

  @Test
  void failsOnAClosedHostInsteadOfThrowingItsFileSystemError() {
    host.close();

    assertThatThrownBy(() -> assertThat(host).hasFile("/data/report.csv"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting \"/data/report.csv\" on "
                + host
                + ", but the host is closed, and its files went with it");
  }

  @Test
  void rejectsABlankPathAsAMistakeNotAFailure() {
    assertThatThrownBy(() -> assertThat(host).hasFile(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must not be blank, but was \" \"");
  }
}
