package io.github.sshfaults.sshd.shell;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.journal.ShellEnded;
import io.github.sshfaults.sshd.journal.ShellLine;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.ShellClient;
import io.github.sshfaults.sshd.testclients.ShellClient.OpenShell;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Modes that change the prompt (behind a password or not), paging that waits for a key, and the
 * line endings a shell writes with and without a terminal, each driven by the three client
 * libraries as automation drives a device.
 */
class ShellModesAndPagingTest {

  private static final String TEN_LINES =
      IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());

  private static final Shell ROUTER =
      Shell.prompt("router> ")
          .withLine("show version", "Version 15.2\n")
          .withLine("show clock", "10:00:00 UTC\n")
          .withMode(
              "enable",
              Shell.prompt("router# ")
                  .withPassword("s3cret")
                  .withLine("show clock", "10:00:00.123 UTC Sun Dec 6 2026\n")
                  .withMode(
                      "configure terminal",
                      Shell.prompt("router(config)# ")
                          .withMotd("Enter configuration commands, one per line.\n")
                          .withReturnLines("end")))
          .withLine("show log", TEN_LINES)
          .withPaging(4)
          .withPagingOffLines("terminal length 0");

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("admin", "secret").shell(ROUTER);
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void entersEnableModeWithItsPasswordUnechoedAndLeavesItOnDisable(ShellClient client)
      throws Exception {
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"))) {
      shell.out().expect("router> $");

      shell.type("enable\r");
      assertThat(shell.out().expect("Password: $")).isEqualTo("enable\r\nPassword: ");
      shell.type("s3cret\r");
      assertThat(shell.out().expect("router# $")).isEqualTo("\r\nrouter# ");

      shell.type("show clock\r");
      assertThat(shell.out().expect("router# $"))
          .isEqualTo("show clock\r\n10:00:00.123 UTC Sun Dec 6 2026\r\nrouter# ");
      shell.type("show version\r");
      assertThat(shell.out().expect("router# $")).contains("Version 15.2\r\n");

      shell.type("configure terminal\r");
      assertThat(shell.out().expect("\\(config\\)# $"))
          .isEqualTo(
              "configure terminal\r\nEnter configuration commands, one per line.\r\n"
                  + "router(config)# ");
      shell.type("end\r");
      shell.out().expect("router# $");

      shell.type("disable\r");
      shell.out().expect("router> $");
      shell.type("show clock\r");
      assertThat(shell.out().expect("router> $")).contains("10:00:00 UTC\r\n");
      shell.type("exit\r");
      assertThat(shell.awaitExit()).isZero();
    }

    assertThat(host.journal().events(ShellLine.class))
        .extracting(ShellLine::prompt, ShellLine::line, ShellLine::outcome)
        .startsWith(
            tuple("router> ", "enable", "password asked"),
            tuple("Password: ", ShellLine.HIDDEN, "password accepted"),
            tuple("router# ", "show clock", "stub"),
            tuple("router# ", "show version", "stub"),
            tuple("router# ", "configure terminal", "mode"),
            tuple("router(config)# ", "end", "return"),
            tuple("router# ", "disable", "return"));
    assertThat(host.journal().events().toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void answersAWrongPasswordWithAnErrorLineAndStaysInTheMode(ShellClient client)
      throws Exception {
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"))) {
      shell.out().expect("router> $");

      shell.type("enable\r");
      shell.out().expect("Password: $");
      shell.type("guess\r");
      assertThat(shell.out().expect("router[>#] $")).isEqualTo("\r\n% Access denied\r\nrouter> ");

      shell.type("logout\r");
      assertThat(shell.awaitExit()).isZero();
    }

    verify(host, once()).typed("enable");
    assertThat(host.journal().events(ShellLine.class))
        .extracting(ShellLine::line, ShellLine::outcome)
        .contains(tuple(ShellLine.HIDDEN, "wrong password"));
    assertThat(host.journal().events().toString()).doesNotContain("guess");
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void pagesLongOutputUntilSpaceShowsTheNextPageAndQStops(ShellClient client) throws Exception {
    String erase = "\b".repeat(10) + " ".repeat(10) + "\b".repeat(10);
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"), false)) {
      shell.out().expect("router> $");

      shell.type("show log\n");
      assertThat(shell.out().expect(" --More-- $"))
          .isEqualTo("line 1\nline 2\nline 3\nline 4\n --More-- ");
      shell.type(" ");
      assertThat(shell.out().expect(" --More-- $"))
          .isEqualTo(erase + "line 5\nline 6\nline 7\nline 8\n --More-- ");
      shell.type(" ");
      assertThat(shell.out().expect("router> $")).isEqualTo(erase + "line 9\nline 10\nrouter> ");

      shell.type("show log\n");
      shell.out().expect(" --More-- $");
      shell.type("q");
      assertThat(shell.out().expect("router> $")).isEqualTo(erase + "router> ");

      shell.type("terminal length 0\n");
      shell.out().expect("router> $");
      shell.type("show log\n");
      assertThat(shell.out().expect("router> $")).isEqualTo(TEN_LINES + "router> ");
      shell.type("exit\n");
      assertThat(shell.awaitExit()).isZero();
    }

    assertThat(host.journal().events(ShellLine.class))
        .extracting(ShellLine::outcome)
        .contains("paging off");
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void writesCrlfOnATerminalWithoutDoublingACrAndLfAloneWithout(ShellClient client)
      throws Exception {
    host.user("ops", "secret")
        .shell(
            Shell.prompt("$ ")
                .withMotd("motd\n")
                .withLine("both", "unix\nwindows\r\n")
                .line("fail").replies(CommandResult.success("out\n").withStderr("err\n")));
    try (OpenShell shell = client.open(Login.password(host, "ops", "secret"))) {
      assertThat(shell.out().expect("\\$ $")).isEqualTo("motd\r\n$ ");
      shell.type("both\r");
      assertThat(shell.out().expect("\\$ $")).isEqualTo("both\r\nunix\r\nwindows\r\n$ ");
      shell.type("fail\r");
      assertThat(shell.out().expect("\\$ $")).isEqualTo("fail\r\nout\r\nerr\r\n$ ");
      shell.type("exit\r");
      shell.awaitExit();
    }
    try (OpenShell shell = client.open(Login.password(host, "ops", "secret"), false)) {
      assertThat(shell.out().expect("\\$ $")).isEqualTo("motd\n$ ");
      shell.type("both\n");
      assertThat(shell.out().expect("\\$ $")).isEqualTo("unix\nwindows\r\n$ ");
      shell.type("fail\n");
      assertThat(shell.out().expect("\\$ $")).isEqualTo("out\n$ ");
      assertThat(shell.err().expect("\n")).isEqualTo("err\n");
      shell.type("exit\n");
      shell.awaitExit();
    }
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void endsTheSessionWithStatusOneOnAWrongLoginPassword(ShellClient client) throws Exception {
    host.user("ops", "secret").shell(Shell.prompt("$ ").withPassword("pin"));
    try (OpenShell shell = client.open(Login.password(host, "ops", "secret"), false)) {
      shell.out().expect("Password: $");
      shell.type("nope\n");
      assertThat(shell.out().rest()).isEqualTo("% Access denied\n");
      assertThat(shell.awaitExit()).isEqualTo(1);
    }
    assertThat(host.journal().events(ShellEnded.class))
        .extracting(ShellEnded::exitCode, ShellEnded::reason)
        .containsExactly(tuple(OptionalInt.of(1), "wrong password"));
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void endsWithStatusOneAndSaysSoWhenInputEndsAtTheLoginPassword(ShellClient client)
      throws Exception {
    host.user("ops", "secret").shell(Shell.prompt("$ ").withPassword("pin"));
    try (OpenShell shell = client.open(Login.password(host, "ops", "secret"), false)) {
      shell.out().expect("Password: $");
      shell.closeInput();
      assertThat(shell.awaitExit()).isEqualTo(1);
    }
    assertThat(host.journal().events(ShellEnded.class))
        .extracting(ShellEnded::reason)
        .containsExactly("end of input");
  }

  @Test
  void rejectsAPageLengthOutOfRangeAndAnEmptyPassword() {
    assertThatThrownBy(() -> Shell.prompt("> ").withPaging(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page length must be between 0 (no paging) and 100000 lines, but was -1");
    assertThatThrownBy(() -> Shell.prompt("> ").withPaging(100_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 100001");
    assertThatThrownBy(() -> Shell.prompt("> ").withPaging(24, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("paging prompt must not be empty, but was \"\"");
    assertThatThrownBy(() -> Shell.prompt("> ").withPassword(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shell password must not be empty, but was \"\"");
    assertThatThrownBy(() -> Shell.prompt("> ").withMode(" ", Shell.prompt("# ")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
