package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How stubs match command lines and what handlers see. */
class CommandStubsTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start().user("alice", "secret");
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  private ExecResult exec(String command) throws Exception {
    return SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), command);
  }

  @Test
  void matchesExactCommandLinesOnly() throws Exception {
    host.command("ls /tmp").replies("a b\n");

    assertThat(exec("ls /tmp").stdout()).isEqualTo("a b\n");
    assertThat(exec("ls /tmp/sub").exitStatus()).isEqualTo(127);
    assertThat(exec("ls").exitStatus()).isEqualTo(127);
  }

  @Test
  void matchesRegexAgainstTheWholeLine() throws Exception {
    host.commandMatching("systemctl (start|stop) \\w+").replies("ok\n");

    assertThat(exec("systemctl stop nginx").stdout()).isEqualTo("ok\n");
    assertThat(exec("sudo systemctl stop nginx").exitStatus()).isEqualTo(127);
  }

  @Test
  void letsTheNewestMatchingStubWin() throws Exception {
    host.commandMatching("cat .*").replies("anything\n");
    host.command("cat /etc/hostname").replies("web-1\n");

    assertThat(exec("cat /etc/hostname").stdout()).isEqualTo("web-1\n");
    assertThat(exec("cat /etc/motd").stdout()).isEqualTo("anything\n");
  }

  @Test
  void exitsWithTheGivenExitCodeAndStderr() throws Exception {
    host.command("cat /nope").exitWith(1, "cat: /nope: No such file or directory\n");
    host.command("make -s").exitWith(0, "warning: clock skew detected\n");
    host.command("true").exitWith(255, "");

    assertThat(exec("cat /nope"))
        .isEqualTo(new ExecResult("", "cat: /nope: No such file or directory\n", 1));
    assertThat(exec("make -s")).isEqualTo(new ExecResult("", "warning: clock skew detected\n", 0));
    assertThat(exec("true")).isEqualTo(new ExecResult("", "", 255));
  }

  @Test
  void turnsAThrowingHandlerIntoExitOneWithTheErrorOnStderr() throws Exception {
    host.command("deploy")
        .answers(
            call -> {
              throw new IllegalStateException("disk full");
            });

    ExecResult result = exec("deploy");

    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.stderr()).contains("IllegalStateException: disk full");
  }

  @Test
  void runsHandlersOnTheSharedCommandThreadsNotOnIoThreads() throws Exception {
    AtomicReference<String> thread = new AtomicReference<>();
    host.command("whoami")
        .answers(
            call -> {
              thread.set(Thread.currentThread().getName());
              return CommandResult.success(call.user() + "\n");
            });

    assertThat(exec("whoami").stdout()).isEqualTo("alice\n");
    assertThat(thread.get()).startsWith("sshfaults-exec-");
  }

  @Test
  void givesHandlersStdinAndEnvironment() throws Exception {
    AtomicReference<Map<String, String>> environment = new AtomicReference<>();
    host.command("tee /tmp/x")
        .answers(
            call -> {
              environment.set(call.environment());
              return CommandResult.success(call.stdinAsString().toUpperCase());
            });

    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client
              .connect("alice", host.host(), host.port())
              .verify(SshClientLibrary.TIMEOUT)
              .getSession()) {
        session.addPasswordIdentity("secret");
        session.auth().verify(SshClientLibrary.TIMEOUT);
        try (ChannelExec channel =
            session.createExecChannel("tee /tmp/x", null, Map.of("LANG", "C"))) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          channel.setIn(new ByteArrayInputStream("hello stdin".getBytes(StandardCharsets.UTF_8)));
          channel.setOut(out);
          channel.open().verify(SshClientLibrary.TIMEOUT);
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), SshClientLibrary.TIMEOUT);

          assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("HELLO STDIN");
          assertThat(channel.getExitStatus()).isZero();
        }
      }
    }
    assertThat(environment.get()).containsEntry("LANG", "C").containsEntry("USER", "alice");
  }
}
