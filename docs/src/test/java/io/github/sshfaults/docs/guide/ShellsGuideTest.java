package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.ShellEnded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples of {@code docs/guide/shells.md}: a scripted shell driven through JSch's {@code
 * ChannelShell} the way device automation drives one, waiting for each prompt.
 */
@SshFaultsTest
@Timeout(30) // JSch's shell stream blocks on read: a shell that never answers must not hang the run
class ShellsGuideTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @Test
  void drivesARouterShell(FakeSshHost host) throws Exception {
    // tag::shell[]
    host.user("admin", "secret").shell(Shell.prompt("router> ")
        .withMotd("Welcome to router-1\n")
        .withLine("show version", "Cisco IOS Software, Version 15.2(4)M7\n")
        .lineGlob("ping *").replies("!!!!!\nSuccess rate is 100 percent (5/5)\n")
        .withUnknownLine("% Unknown command or computer name\n"));

    // The code under test, say: log in, wait for the prompt, type, read up to the next prompt.
    Session session = new JSch().getSession("admin", host.host(), host.port());
    session.setPassword("secret");
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect(TIMEOUT_MILLIS);
    ChannelShell channel = (ChannelShell) session.openChannel("shell");
    InputStream out = channel.getInputStream();
    OutputStream in = channel.getOutputStream();
    channel.connect(TIMEOUT_MILLIS);

    assertThat(readUntil(out, "router> $")).startsWith("Welcome to router-1");
    type(in, "show version");
    assertThat(readUntil(out, "router> $")).contains("Version 15.2(4)M7");
    type(in, "ping 10.0.0.1");
    assertThat(readUntil(out, "router> $")).contains("Success rate is 100 percent");
    type(in, "exit");
    // end::shell[]
    awaitClosed(channel);
    session.disconnect();

    // tag::verify[]
    verify(host, once()).typed("show version");
    verify(host, once()).typedGlob("ping *");
    ChannelRequest pty = verify(host, once()).requestedPty().get(0);
    assertThat(pty.terminal().type()).isEqualTo("vt100");              // JSch's default
    assertThat(host.journal().events(ShellEnded.class).get(0).exitCode())
        .isEqualTo(OptionalInt.of(0));
    // end::verify[]
  }

  @Test
  void answersFromHandlersAndHostStubs(FakeSshHost host) throws Exception {
    // tag::handlers[]
    host.command("uptime").replies(" 10:00:00 up 3 days\n");          // also answers in the shell
    host.user("deploy", "secret").shell(Shell.prompt("$ ")
        .line("whoami").answers(call -> CommandResult.success(call.user() + "\n")));
    // end::handlers[]
    Session session = new JSch().getSession("deploy", host.host(), host.port());
    session.setPassword("secret");
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect(TIMEOUT_MILLIS);
    try {
      ChannelShell channel = (ChannelShell) session.openChannel("shell");
      InputStream out = channel.getInputStream();
      OutputStream in = channel.getOutputStream();
      channel.connect(TIMEOUT_MILLIS);
      readUntil(out, "\\$ $");
      type(in, "whoami");
      assertThat(readUntil(out, "\\$ $")).contains("deploy");
      type(in, "uptime");
      assertThat(readUntil(out, "\\$ $")).contains("up 3 days");
      type(in, "exit");
      awaitClosed(channel);
    } finally {
      session.disconnect();
    }
  }

  @Test
  void automatesASwitchThroughModesAndPages(FakeSshHost host) throws Exception {
    // tag::automation[]
    String config = IntStream.rangeClosed(1, 30)
        .mapToObj(port -> "interface GigabitEthernet0/" + port + "\n")
        .collect(Collectors.joining());
    host.user("netops", "secret").shell(Shell.prompt("sw1> ")
        .withMode("enable", Shell.prompt("sw1# ")
            .withPassword("s3cret")                              // asked, never echoed
            .withLine("show running-config", config))
        .withPaging(24)                                          // " --More-- " after 24 lines
        .withPagingOffLines("terminal length 0"));
    host.faults().add(Fault.shellNoise("\u001b[?2004h").atMost(1)); // escape codes, first prompt

    // The code under test: wait for > or #, enter enable mode, page through the config.
    Session session = new JSch().getSession("netops", host.host(), host.port());
    session.setPassword("secret");
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect(TIMEOUT_MILLIS);
    ChannelShell channel = (ChannelShell) session.openChannel("shell");
    InputStream out = channel.getInputStream();
    OutputStream in = channel.getOutputStream();
    channel.connect(TIMEOUT_MILLIS);

    readUntil(out, "[>#] $");
    type(in, "enable");
    readUntil(out, "Password: $");
    type(in, "s3cret");
    readUntil(out, "# $");
    type(in, "show running-config");
    StringBuilder shown = new StringBuilder(readUntil(out, "--More-- $"));
    in.write(' ');                                               // space: the next page
    in.flush();
    shown.append(readUntil(out, "# $"));
    assertThat(shown).contains("GigabitEthernet0/1\r\n", "GigabitEthernet0/30\r\n");
    type(in, "disable");                                         // back to sw1>
    readUntil(out, "> $");
    type(in, "exit");
    // end::automation[]
    awaitClosed(channel);
    session.disconnect();
    verify(host, once()).typed("show running-config");
  }

  @Test
  void seesAConfigCutShort(FakeSshHost host) throws Exception {
    host.user("netops", "secret").shell(Shell.prompt("sw1# ")
        .withLine("show running-config", "hostname sw1\n".repeat(50)));
    // tag::cut[]
    host.faults().add(Fault.dropConnection().at(Stage.SHELL).afterBytes(100)
        .forCommand("show running-config"));
    // end::cut[]
    Session session = new JSch().getSession("netops", host.host(), host.port());
    session.setPassword("secret");
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect(TIMEOUT_MILLIS);
    try {
      ChannelShell channel = (ChannelShell) session.openChannel("shell");
      InputStream out = channel.getInputStream();
      OutputStream in = channel.getOutputStream();
      channel.connect(TIMEOUT_MILLIS);
      readUntil(out, "# $");
      type(in, "show running-config");
      // tag::cut-seen[]
      assertThatThrownBy(() -> readUntil(out, "# $"))          // the prompt never comes
          .isInstanceOf(IOException.class)
          .hasMessageContaining("the shell ended before");
      // end::cut-seen[]
    } finally {
      session.disconnect();
    }
  }

  /** Reads until what came so far ends with a match of {@code regex}, as expect scripts do. */
  private static String readUntil(InputStream out, String regex)
      throws IOException, TimeoutException {
    Pattern prompt = Pattern.compile(regex);
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
    while (!prompt.matcher(seen.toString(UTF_8)).find()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no " + regex + " in " + seen.toString(UTF_8));
      }
      int b = out.read();                 // JSch's stream blocks until the host sends more
      if (b < 0) {
        throw new IOException("the shell ended before " + regex + ": " + seen.toString(UTF_8));
      }
      seen.write(b);
    }
    return seen.toString(UTF_8);
  }

  private static void type(OutputStream in, String line) throws IOException {
    in.write((line + "\r").getBytes(UTF_8));       // what a terminal sends for Enter
    in.flush();
  }

  private static void awaitClosed(ChannelShell channel) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(TIMEOUT_MILLIS))
        .until(channel::isClosed);
  }
}
