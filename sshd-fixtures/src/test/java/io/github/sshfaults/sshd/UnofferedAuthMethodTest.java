package io.github.sshfaults.sshd;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A request by a method the host does not offer gets the failure a real sshd sends, and is no
 * warning in the user's log: clients send such requests as a matter of course.
 */
class UnofferedAuthMethodTest {

  @Test
  void refusesAMethodNotOfferedWithoutAWarning() throws Exception {
    PrintStream realErr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("alice", "secret").command("id").replies("uid=1000\n");
      // slf4j-simple, the tests' logging back end, writes to System.err as it is at each event.
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      try {
        // After its password, sshj asks for keyboard-interactive, which the host does not offer.
        assertThatThrownBy(
                () ->
                    SshClientLibrary.SSHJ.exec(
                        Login.password(host, "alice", "wrong").withSshjKeyboardInteractive(),
                        "id"))
            .satisfies(
                thrown ->
                    assertCausedBy(
                        thrown,
                        net.schmizz.sshj.userauth.UserAuthException.class,
                        "Exhausted available authentication methods"));
        assertThat(
                SshClientLibrary.SSHJ.exec(
                    Login.password(host, "alice", "secret").withSshjKeyboardInteractive(), "id"))
            .isEqualTo(new ExecResult("uid=1000\n", "", 0));
        host.journal().awaitClosedConnections(2, Duration.ofSeconds(10));
      } finally {
        System.setErr(realErr);
      }
      assertThat(host.journal().authAttempts()).hasSize(2);
    }
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .doesNotContain("not in methods that can proceed")
        .doesNotContain("WARN");
  }
}
