package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandResultTest {

  @Test
  void successHasStdoutAndExitZero() {
    CommandResult result = CommandResult.success("hello\n");

    assertThat(result.stdout()).isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
    assertThat(result.stderr()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void isImmutable() {
    CommandResult base = CommandResult.exit(3);
    CommandResult withOutput = base.withStdout("out").withStderr("err");
    withOutput.stdout()[0] = 'X';

    assertThat(base).isEqualTo(CommandResult.exit(3));
    assertThat(withOutput.stdout()).isEqualTo("out".getBytes(StandardCharsets.UTF_8));
    assertThat(withOutput).isEqualTo(CommandResult.exit(3).withStdout("out").withStderr("err"));
  }

  @Test
  void rejectsNegativeExitCodeNamingIt() {
    assertThatThrownBy(() -> CommandResult.exit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exit code must be between 0 and 255, but was -1");
    assertThatThrownBy(() -> CommandResult.success("").withExitCode(256))
        .hasMessage("exit code must be between 0 and 255, but was 256");
  }

  @Test
  void stubRejectsNegativeExitCodeAtConfigurationTime() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatThrownBy(() -> host.command("false").exitWith(-2, "boom"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("exit code must be between 0 and 255, but was -2");
    }
  }
}
