package io.github.sshfaults.sshd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.ShellEnded;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.ShellClient;
import io.github.sshfaults.sshd.testclients.ShellClient.OpenShell;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults at {@link Stage#SHELL}, as automation that waits for prompts meets them with each client
 * library's shell: a prompt that never comes, a late prompt, noise before it, an answer cut after
 * some bytes, a session that ends after a given line.
 */
class ShellFaultsTest {

  /** How long a test waits to show that a prompt does not come; a client's timeout would be longer. */
  private static final Duration QUIET = Duration.ofMillis(300);

  private static final String LOG = "line 1\nline 2\nline 3\nline 4\n";

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
    host.user("admin", "secret")
        .shell(
            Shell.prompt("router> ")
                .withMotd("Welcome\n")
                .withLine("show version", "Version 15.2\n")
                .withLine("show log", LOG)
                .withLine("reload", "Proceed with reload? [confirm]\n"));
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  private Login admin() {
    return Login.password(host, "admin", "secret");
  }

  private void awaitFault(String description) {
    await("fault " + description)
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                host.journal().faultsFired().stream()
                    .map(FaultFired::description)
                    .anyMatch(d -> d.contains(description)));
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void theFirstPromptNeverComesWhenTheShellHangs(ShellClient client) throws Exception {
    host.faults().add(Fault.hang().at(Stage.SHELL));
    try (OpenShell shell = client.open(admin(), false)) {
      shell.out().expect("Welcome\n");
      awaitFault("never writes the first prompt");

      assertThat(shell.out().within(QUIET)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void thePromptAfterAGivenLineNeverComesAndTheShellReadsNoMore(ShellClient client)
      throws Exception {
    host.faults().add(Fault.hang().at(Stage.SHELL).forCommand("show log"));
    try (OpenShell shell = client.open(admin(), false)) {
      shell.out().expect("router> $");
      shell.type("show version\n");
      assertThat(shell.out().expect("router> $")).isEqualTo("Version 15.2\nrouter> ");

      shell.type("show log\n");
      assertThat(shell.out().expect("line 4\n")).isEqualTo(LOG);
      awaitFault("never writes the prompt after \"show log\"");
      shell.type("show version\n");

      assertThat(shell.out().within(QUIET)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void delaysEachPrompt(ShellClient client) throws Exception {
    host.faults().add(Fault.delay(Duration.ofMillis(250)).at(Stage.SHELL));
    try (OpenShell shell = client.open(admin(), false)) {
      shell.out().expect("router> $");

      long typed = System.nanoTime();
      shell.type("show version\n");
      assertThat(shell.out().expect("router> $")).isEqualTo("Version 15.2\nrouter> ");

      assertThat(Duration.ofNanos(System.nanoTime() - typed)).isGreaterThan(Duration.ofMillis(250));
      shell.type("exit\n");
      assertThat(shell.awaitExit()).isZero();
    }
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .anyMatch(d -> d.startsWith("delayed the first prompt by"))
        .anyMatch(d -> d.startsWith("delayed the prompt after \"show version\" by"));
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void writesNoiseBeforeThePrompt(ShellClient client) throws Exception {
    host.faults().add(Fault.shellNoise("\u001b[?2004h\u001b[0m%LINK-3-UPDOWN\n").atMost(1));
    try (OpenShell shell = client.open(admin())) {
      assertThat(shell.out().expect("router> $"))
          .isEqualTo("Welcome\r\n\u001b[?2004h\u001b[0m%LINK-3-UPDOWN\r\nrouter> ");
      shell.type("show version\r");
      assertThat(shell.out().expect("router> $"))
          .isEqualTo("show version\r\nVersion 15.2\r\nrouter> ");
      shell.type("exit\r");
      assertThat(shell.awaitExit()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void dropsTheConnectionAfterSomeBytesOfAnAnswer(ShellClient client) throws Exception {
    host.faults()
        .add(Fault.dropConnection().at(Stage.SHELL).afterBytes(10).forCommand("show log"));
    try (OpenShell shell = client.open(admin(), false)) {
      shell.out().expect("router> $");
      shell.type("show version\n");
      shell.out().expect("router> $");

      shell.type("show log\n");

      assertThat(shell.out().rest()).isEqualTo("line 1\nlin");
    }
    host.journal().awaitClosedConnections(1);
    assertThat(host.journal().faultsFired())
        .extracting(FaultFired::description)
        .containsExactly(
            "dropped the connection (FIN) after 10 bytes of the answer to \"show log\"");
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void closesTheConnectionAfterAGivenLine(ShellClient client) throws Exception {
    host.faults().add(Fault.dropConnection().at(Stage.SHELL).forCommand("reload"));
    try (OpenShell shell = client.open(admin(), false)) {
      shell.out().expect("router> $");

      shell.type("reload\n");

      assertThat(shell.out().rest()).isEqualTo("Proceed with reload? [confirm]\n");
    }
    host.journal().awaitClosedConnections(1);
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void resetsOrDisconnectsInsteadOfThePromptAfterAGivenLine(ShellClient client) throws Exception {
    host.faults().add(Fault.resetConnection().at(Stage.SHELL).forCommand("reload").onConnection(1));
    host.faults()
        .add(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "reloading")
                .at(Stage.SHELL)
                .forCommand("reload")
                .onConnection(2));
    for (String how : List.of("reset the connection (RST)", "disconnected with reason 11")) {
      try (OpenShell shell = client.open(admin(), false)) {
        shell.out().expect("router> $");

        shell.type("reload\n");

        assertThat(shell.out().rest()).doesNotContain("router> ");
      }
      awaitFault(how + " instead of the prompt after \"reload\"");
    }
    host.journal().awaitClosedConnections(2);
  }

  @ParameterizedTest
  @EnumSource(ShellClient.class)
  void endsTheShellWithAnExitCodeAfterAGivenLine(ShellClient client) throws Exception {
    host.faults()
        .add(
            Fault.exitWith(3, "% Connection closed by remote host\n")
                .at(Stage.SHELL)
                .forCommand("reload"));
    try (OpenShell shell = client.open(admin())) {
      shell.out().expect("router> $");

      shell.type("reload\r");

      assertThat(shell.awaitExit()).isEqualTo(3);
      assertThat(shell.out().rest())
          .isEqualTo("reload\r\nProceed with reload? [confirm]\r\n% Connection closed by remote host\r\n");
    }
    assertThat(host.journal().events(ShellEnded.class))
        .extracting(ShellEnded::exitCode, ShellEnded::reason)
        .containsExactly(org.assertj.core.api.Assertions.tuple(OptionalInt.of(3), "a fault ended it"));
  }
}
