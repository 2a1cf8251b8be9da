package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What MINA SSHD's client, JSch and sshj each see of a fake host. */
class FakeSshHostClientsTest {

  private FakeSshHost host;

  @BeforeEach
  void startHost() {
    host = FakeSshHost.start();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void runsStubbedCommandAfterPasswordLogin(SshClientLibrary client) throws Exception {
    host.user("alice", "secret");
    host.command("uptime").replies("up 3 days\n");

    ExecResult result = client.exec(Login.password(host, "alice", "secret"), "uptime");

    assertThat(result).isEqualTo(new ExecResult("up 3 days\n", "", 0));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void logsInWithGeneratedUserKey(SshClientLibrary client) throws Exception {
    UserKey bob = host.userWithNewKey("bob");
    host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

    ExecResult result = client.exec(Login.key(host, bob), "whoami");

    assertThat(result).isEqualTo(new ExecResult("bob\n", "", 0));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectsWrongPasswordWithTheClientsOwnAuthException(SshClientLibrary client) {
    host.user("alice", "secret");
    host.command("uptime").replies("up\n");

    assertThatThrownBy(() -> client.exec(Login.password(host, "alice", "wrong"), "uptime"))
        .satisfies(thrown -> assertIsAuthFailure(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectsEveryoneWhenNoUserIsDeclared(SshClientLibrary client) {
    assertThatThrownBy(() -> client.exec(Login.password(host, "root", "root"), "id"))
        .satisfies(thrown -> assertIsAuthFailure(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void rejectsKeyThatWasNotRegistered(SshClientLibrary client) {
    host.userWithNewKey("bob");
    UserKey stranger = UserKey.generate("bob");

    assertThatThrownBy(() -> client.exec(Login.key(host, stranger), "id"))
        .satisfies(thrown -> assertIsAuthFailure(client, thrown));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void letsAnybodyInOnlyAfterAcceptAnyCredentials(SshClientLibrary client) throws Exception {
    host.acceptAnyCredentials().command("id").replies("uid=0(root)\n");

    ExecResult result = client.exec(Login.password(host, "anyone", "anything"), "id");

    assertThat(result.stdout()).isEqualTo("uid=0(root)\n");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void answersUnknownCommandWithExit127AndCommandNotFound(SshClientLibrary client)
      throws Exception {
    host.user("alice", "secret");

    ExecResult result = client.exec(Login.password(host, "alice", "secret"), "frobnicate --all");

    assertThat(result).isEqualTo(new ExecResult("", "frobnicate: command not found\n", 127));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void sendsStdoutStderrAndExitCodeOfTheStub(SshClientLibrary client) throws Exception {
    host.user("alice", "secret");
    host.command("make")
        .replies(CommandResult.exit(2).withStdout("building\n").withStderr("make: *** Error 1\n"));

    ExecResult result = client.exec(Login.password(host, "alice", "secret"), "make");

    assertThat(result).isEqualTo(new ExecResult("building\n", "make: *** Error 1\n", 2));
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void acceptsTheHostKeyOfItsKnownHostsLine(SshClientLibrary client) throws Exception {
    host.user("alice", "secret");
    host.command("hostname").replies("fake\n");

    ExecResult result =
        client.exec(
            Login.password(host, "alice", "secret").trusting(host.knownHostsLine()), "hostname");

    assertThat(result.stdout()).isEqualTo("fake\n");
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void failsHostKeyVerificationAgainstAnotherKey(SshClientLibrary client) {
    host.user("alice", "secret");
    host.command("hostname").replies("fake\n");
    String otherKey = PublicKeyEntry.toString(UserKey.generate("other").publicKey());
    String wrongLine = "[" + host.host() + "]:" + host.port() + " " + otherKey;

    assertThatThrownBy(
            () -> client.exec(Login.password(host, "alice", "secret").trusting(wrongLine), "x"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertThat(thrown)
                        .isInstanceOf(org.apache.sshd.common.SshException.class)
                        .hasMessageContaining("Server key did not validate");
                case JSCH ->
                    assertThat(thrown)
                        .isInstanceOf(com.jcraft.jsch.JSchChangedHostKeyException.class);
                case SSHJ ->
                    assertThat(thrown)
                        .isInstanceOf(net.schmizz.sshj.transport.TransportException.class)
                        .hasMessageContaining("Could not verify");
              }
            });
  }

  private static void assertIsAuthFailure(SshClientLibrary client, Throwable thrown) {
    switch (client) {
      case MINA ->
          assertThat(thrown)
              .isInstanceOf(org.apache.sshd.common.SshException.class)
              .hasMessageContaining("No more authentication methods available");
      case JSCH ->
          assertThat(thrown)
              .isExactlyInstanceOf(com.jcraft.jsch.JSchException.class)
              .hasMessageStartingWith("Auth fail");
      case SSHJ ->
          assertThat(thrown).isInstanceOf(net.schmizz.sshj.userauth.UserAuthException.class);
    }
  }
}
