package io.github.sshfaults.sshd;

import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One glob means the same in a command stub, a fault trigger and a verification: for each glob and
 * command line, all three agree on whether they match, as a real client sees it.
 */
class CommandGlobsTest {

  private static FakeSshHost host;

  @BeforeAll
  static void startHost() {
    host = FakeSshHost.start();
  }

  @AfterAll
  static void closeHost() {
    host.close();
  }

  @BeforeEach
  void resetHost() {
    host.reset();
    host.user("alice", "secret");
    host.commandMatching(".*").replies("any\n");
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "systemctl *       | systemctl restart nginx | true",
        "systemctl *       | systemctl               | false",
        "systemctl *       | sudo systemctl stop x   | false",
        "cat /var/log/*    | cat /var/log/a/b.log    | true",
        "find . -exec {} ; | find . -exec {} ;       | true",
        "find . -exec {} ; | find . -exec  ;         | false",
        "[ -f ? ]          | [ -f x ]                | true",
        "[ -f ? ]          | f                       | false",
        "ls ?.log          | ls ab.log               | false",
      })
  void stubsTriggersAndVerificationReadAGlobAlike(String glob, String line, boolean matches)
      throws Exception {
    Login alice = Login.password(host, "alice", "secret");
    host.commandGlob(glob).replies("stubbed\n");

    ExecResult stubbed = SshClientLibrary.MINA.exec(alice, line);
    host.faults().add(Fault.exitWith(3, "").forCommandGlob(glob));
    ExecResult faulted = SshClientLibrary.MINA.exec(alice, line);

    assertThat(stubbed.stdout()).isEqualTo(matches ? "stubbed\n" : "any\n");
    assertThat(faulted.exitStatus()).isEqualTo(matches ? 3 : 0);
    host.journal().awaitCommands(2);
    verify(host, matches ? times(2) : never()).ranCommandGlob(glob);
  }
}
