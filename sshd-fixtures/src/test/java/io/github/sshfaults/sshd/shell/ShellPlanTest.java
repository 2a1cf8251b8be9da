package io.github.sshfaults.sshd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.ShellClient;
import io.github.sshfaults.sshd.testclients.ShellClient.OpenShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripted shells described in plan files: a user's shell with modes, paging and a fault. */
class ShellPlanTest {

  /** A router as a plan file says it: every field of a shell, in the words of Shell's calls. */
  static final String ROUTER_PLAN =
      """
      hosts:
        router:
          shell:
            prompt: "$ "
          users:
            admin:
              password: secret
              shell:
                prompt: "router> "
                motd: "Welcome to router-1\\n"
                unknown-line: "% Unknown command\\n"
                host-commands: false
                paging: 2
                more: " -- More -- "
                paging-off-lines: [terminal length 0]
                lines:
                  - line: show version
                    stdout: "Version 15.2\\n"
                  - line-glob: "show log*"
                    stdout: "one\\ntwo\\nthree\\n"
                modes:
                  enable:
                    prompt: "router# "
                    password: s3cret
                    password-prompt: "Secret: "
                    return-lines: [disable]
                    lines:
                      - line-matching: 'reload( now)?'
                        stdout: "Proceed with reload? [confirm]\\n"
            ops: {password: secret}
          faults:
            - hang at=shell for-command-glob='reload*'
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void playsTheShellOfAPlanFileWithItsModesPagingAndFaults(ShellClient client) throws Exception {
    Path plan = Files.writeString(dir.resolve("router.yaml"), ROUTER_PLAN);

    try (FakeSshHost router = FakeSshHost.fromPlan(plan)) {
      assertThat(router.faults().plan().faults())
          .containsExactly(Fault.hang().at(Stage.SHELL).forCommandGlob("reload*"));
      try (OpenShell shell = client.open(Login.password(router, "admin", "secret"), false)) {
        assertThat(shell.out().expect("router> $")).isEqualTo("Welcome to router-1\nrouter> ");
        shell.type("show version\n");
        assertThat(shell.out().expect("router> $")).isEqualTo("Version 15.2\nrouter> ");
        shell.type("show logging\n");
        assertThat(shell.out().expect(" -- More -- $")).isEqualTo("one\ntwo\n -- More -- ");
        shell.type("q");
        shell.out().expect("router> $");
        shell.type("terminal length 0\n");
        shell.out().expect("router> $");
        shell.type("show log\n");
        assertThat(shell.out().expect("router> $")).isEqualTo("one\ntwo\nthree\nrouter> ");

        shell.type("enable\n");
        shell.out().expect("Secret: $");
        shell.type("s3cret\n");
        shell.out().expect("router# $");
        shell.type("disable\n");
        shell.out().expect("router> $");
        shell.type("enable\n");
        shell.out().expect("Secret: $");
        shell.type("s3cret\n");
        shell.out().expect("router# $");
        shell.type("reload now\n");
        assertThat(shell.out().expect("\\[confirm\\]\n")).isEqualTo("Proceed with reload? [confirm]\n");
        shell.type("uptime\n");
        shell.type("exit\n");
        assertThat(shell.out().within(Duration.ofMillis(200))).isEmpty(); // the prompt never came
      }
      try (OpenShell shell = client.open(Login.password(router, "ops", "secret"), false)) {
        shell.out().expect("\\$ $"); // the host's shell, for every other user
        shell.type("exit\n");
        assertThat(shell.awaitExit()).isZero();
      }
    }
  }

  @Test
  void namesTheFieldOfABadShell() throws Exception {
    Path noPrompt =
        Files.writeString(
            dir.resolve("no-prompt.yaml"),
            """
            hosts:
              router:
                users:
                  admin: {password: secret, shell: {motd: hi}}
            """);
    assertThatThrownBy(() -> FakeSshHost.fromPlan(noPrompt))
        .hasMessageContaining("no-prompt.yaml:4: hosts.router.users.admin.shell")
        .hasMessageContaining("a shell needs a prompt");

    Path badPaging =
        Files.writeString(
            dir.resolve("bad-paging.yaml"),
            """
            hosts:
              router:
                shell: {prompt: "> ", paging: -1}
            """);
    assertThatThrownBy(() -> FakeSshHost.fromPlan(badPaging))
        .hasMessageContaining("hosts.router.shell.paging");

    Path unknownField =
        Files.writeString(
            dir.resolve("unknown.yaml"),
            """
            hosts:
              router:
                shell: {prompt: "> ", promt: "# "}
            """);
    assertThatThrownBy(() -> FakeSshHost.fromPlan(unknownField))
        .hasMessageContaining("unknown key \"promt\"");
  }
}
