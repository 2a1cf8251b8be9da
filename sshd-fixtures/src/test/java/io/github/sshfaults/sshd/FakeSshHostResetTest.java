package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.junit.jupiter.api.Test;

/** One host serving several tests: reset returns it to its baseline. */
class FakeSshHostResetTest {

  @Test
  void forgetsUsersStubsAndJournalAddedAfterTheBaseline() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("deploy", "pw").command("hostname").replies("web-1\n").markBaseline();
      host.user("intruder", "pw").command("hostname").replies("overridden\n");
      host.command("extra").replies("x\n");
      SshClientLibrary.MINA.exec(Login.password(host, "intruder", "pw"), "hostname");

      host.reset();

      assertThat(host.journal().events()).isEmpty();
      assertThat(SshClientLibrary.MINA.exec(Login.password(host, "deploy", "pw"), "hostname"))
          .isEqualTo(new ExecResult("web-1\n", "", 0));
      assertThat(
              SshClientLibrary.MINA
                  .exec(Login.password(host, "deploy", "pw"), "extra")
                  .exitStatus())
          .isEqualTo(127);
      assertThatThrownBy(
          () -> SshClientLibrary.MINA.exec(Login.password(host, "intruder", "pw"), "hostname"));
    }
  }

  @Test
  void restoresAnEmptyHostWithoutABaseline() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.acceptAnyCredentials().command("id").replies("root\n");

      host.reset();

      assertThatThrownBy(
          () -> SshClientLibrary.MINA.exec(Login.password(host, "any", "thing"), "id"));
      assertThat(host.journal().authAttempts()).isNotEmpty().noneMatch(a -> a.accepted());
    }
  }

  @Test
  void keepsPortAndHostKeyAcrossResets() {
    try (FakeSshHost host = FakeSshHost.start()) {
      int port = host.port();
      String key = host.knownHostsLine();

      host.reset();

      assertThat(host.port()).isEqualTo(port);
      assertThat(host.knownHostsLine()).isEqualTo(key);
      assertThat(host.isRunning()).isTrue();
    }
  }
}
