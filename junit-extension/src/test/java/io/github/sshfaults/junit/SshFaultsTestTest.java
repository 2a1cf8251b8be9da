package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.testclients.Causes;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fake hosts as test parameters, used as a user would. */
@SshFaultsTest
class SshFaultsTestTest {

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void injectsARunningHostThatEachClientCanUse(SshClientLibrary client, FakeSshHost host)
      throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");

    ExecResult result = client.exec(Login.password(host, "alice", "secret"), "uptime");

    assertThat(result).isEqualTo(new ExecResult("up 3 days\n", "", 0));
  }

  @Test
  void givesEachParameterAHostOfItsOwn(FakeSshHost web, FakeSshHost db) throws Exception {
    web.user("deploy", "pw").command("hostname").replies("web\n");
    db.user("deploy", "pw").command("hostname").replies("db\n");

    assertThat(web.port()).isNotEqualTo(db.port());
    assertThat(SshClientLibrary.MINA.exec(Login.password(web, "deploy", "pw"), "hostname").stdout())
        .isEqualTo("web\n");
    assertThat(SshClientLibrary.MINA.exec(Login.password(db, "deploy", "pw"), "hostname").stdout())
        .isEqualTo("db\n");
  }

  @Test
  void declaresUsersFromTheAnnotation(
      @FakeHost(users = {"alice:secret", "bob:pass:with:colons"}) FakeSshHost host)
      throws Exception {
    host.command("true").replies("");

    assertThat(SshClientLibrary.JSCH.exec(Login.password(host, "alice", "secret"), "true"))
        .isEqualTo(new ExecResult("", "", 0));
    assertThat(SshClientLibrary.SSHJ.exec(Login.password(host, "bob", "pass:with:colons"), "true"))
        .isEqualTo(new ExecResult("", "", 0));
  }

  @Test
  void offersTheAlgorithmSetOfTheAnnotation(
      @FakeHost(users = "alice:secret", algorithms = AlgorithmSet.OPENSSH) FakeSshHost host)
      throws Exception {
    host.command("echo").replies("\n");

    assertThat(
            SshClientLibrary.MINA
                .exec(Login.password(host, "alice", "secret"), "echo")
                .exitStatus())
        .isZero();
  }

  @Test
  void offersTheAuthMethodsOfTheAnnotation(
      @FakeHost(users = "alice:secret", authMethods = AuthMethod.PUBLIC_KEY) FakeSshHost host) {
    assertThatThrownBy(
            () -> SshClientLibrary.JSCH.exec(Login.password(host, "alice", "secret"), "true"))
        .satisfies(
            thrown ->
                Causes.assertCausedBy(
                    thrown,
                    com.jcraft.jsch.JSchException.class,
                    "Auth fail for methods 'publickey'"));
  }

  @Test
  void takesTheTimingOfTheAnnotation(
      @FakeHost(users = "alice:secret", timing = Timing.OPENSSH) FakeSshHost host,
      FakeSshHost plain) {
    assertThat(host.timing()).isEqualTo(Timing.OPENSSH);
    assertThat(plain.timing()).isEqualTo(Timing.FAST);
  }
}
