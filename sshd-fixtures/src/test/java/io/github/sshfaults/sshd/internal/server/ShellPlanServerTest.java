package io.github.sshfaults.sshd.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.ShellClient;
import io.github.sshfaults.sshd.testclients.ShellClient.OpenShell;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server plays the scripted shells of its plan file. */
class ShellPlanServerTest {

  @TempDir Path dir;

  @Test
  void servesTheShellOfAPlanFileWithItsEnableMode() throws Exception {
    Path plan =
        Files.writeString(
            dir.resolve("router.yaml"),
            """
            hosts:
              router:
                users:
                  admin:
                    password: secret
                    shell:
                      prompt: "router> "
                      lines: [{line: show version, stdout: "Version 15.2\\n"}]
                      modes:
                        enable: {prompt: "router# ", password: s3cret}
            """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    try (StandaloneServer server =
        ServerMain.start(
            new String[] {"--plan", plan.toString(), "--quiet"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))) {
      await("ready line")
          .atMost(Duration.ofSeconds(10))
          .until(() -> out.toString(StandardCharsets.UTF_8).contains("\"event\":\"ready\""));
      FakeSshHost router = server.host("router");

      try (OpenShell shell = ShellClient.JSCH.open(Login.password(router, "admin", "secret"))) {
        shell.out().expect("router> $");
        shell.type("show version\r");
        assertThat(shell.out().expect("router> $")).contains("Version 15.2\r\n");
        shell.type("enable\r");
        shell.out().expect("Password: $");
        shell.type("s3cret\r");
        shell.out().expect("router# $");
        shell.type("exit\r");
        shell.out().expect("router> $");
        shell.type("exit\r");
        assertThat(shell.awaitExit()).isZero();
      }
    }
  }
}
