package io.github.sshfaults.sshd.shell;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.ShellEnded;
import io.github.sshfaults.sshd.journal.ShellLine;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.ShellClient;
import io.github.sshfaults.sshd.testclients.ShellClient.OpenShell;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each client library's interactive shell against a scripted shell, driven as automation drives
 * one: wait for the prompt, type a line, read up to the next prompt.
 */
class ShellClientsTest {

  private static final Shell ROUTER =
      Shell.prompt("router> ")
          .withMotd("Welcome to router-1\n")
          .withLine("show version", "Cisco IOS Software, Version 15.2(4)M7\n");

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
  void answersEachLineAtThePromptAndEndsWithExitStatusZeroOnExit(ShellClient client)
      throws Exception {
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"))) {
      assertThat(shell.out().expect("router> $")).isEqualTo("Welcome to router-1\r\nrouter> ");

      shell.type("show version\r");
      assertThat(shell.out().expect("router> $"))
          .isEqualTo("show version\r\nCisco IOS Software, Version 15.2(4)M7\r\nrouter> ");

      shell.type("exit\r");
      assertThat(shell.awaitExit()).isZero();
      assertThat(shell.out().rest()).isEqualTo("exit\r\n");
    }

    verify(host, once()).typed("show version");
    verify(host, once()).typed("exit");
    ChannelRequest pty = verify(host, once()).requestedPty().get(0);
    assertThat(pty.terminal().type()).isEqualTo("vt100");
    assertThat(pty.terminal().columns()).isEqualTo(80);
    assertThat(pty.terminal().rows()).isEqualTo(24);
    assertThat(host.journal().events(ChannelRequest.class))
        .extracting(ChannelRequest::request, ChannelRequest::accepted)
        .containsSubsequence(
            tuple("pty-req", true),
            tuple("shell", true));
    assertThat(host.journal().events(ShellLine.class))
        .extracting(ShellLine::prompt, ShellLine::line, ShellLine::outcome)
        .containsExactly(
            tuple("router> ", "show version", "stub"),
            tuple("router> ", "exit", "exit"));
    ShellEnded end = host.journal().events(ShellEnded.class).get(0);
    assertThat(end.exitCode()).isEqualTo(OptionalInt.of(0));
    assertThat(end.reason()).isEqualTo("typed \"exit\"");
    assertThat(end.lines()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void withoutATerminalEchoesNothingAndSendsErrorsOnStderr(ShellClient client) throws Exception {
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"), false)) {
      assertThat(shell.out().expect("router> $")).isEqualTo("Welcome to router-1\nrouter> ");

      shell.type("show version\n");
      assertThat(shell.out().expect("router> $"))
          .isEqualTo("Cisco IOS Software, Version 15.2(4)M7\nrouter> ");

      shell.type("show clock\n");
      assertThat(shell.err().expect("\n")).isEqualTo("show: command not found\n");
      shell.out().expect("router> $");

      shell.type("logout\n");
      assertThat(shell.awaitExit()).isZero();
    }

    verify(host, once()).typed("show clock");
    verify(host, never()).requestedPty();
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void endsWithExitStatusZeroWhenTheClientClosesItsInput(ShellClient client) throws Exception {
    try (OpenShell shell = client.open(Login.password(host, "admin", "secret"), false)) {
      shell.out().expect("router> $");

      shell.type("show version\n");
      shell.closeInput();

      assertThat(shell.awaitExit()).isZero();
    }

    verify(host, once()).typed("show version");
    assertThat(host.journal().events(ShellEnded.class))
        .extracting(ShellEnded::reason)
        .containsExactly("end of input");
  }
}
