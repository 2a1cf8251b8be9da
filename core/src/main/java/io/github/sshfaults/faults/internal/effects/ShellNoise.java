package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ShellEffect;
import java.nio.charset.StandardCharsets;

/**
 * A scripted shell writes {@code text} before its prompt, as a device's login script, a terminal
 * escape sequence or a stray syslog line does.
 *
 * @param text what it writes, in UTF-8
 */
public record ShellNoise(String text) implements ShellEffect {

  /** Validates the text. */
  public ShellNoise {
    notEmpty(text, "shell noise text");
  }

  @Override
  public Stage defaultStage() {
    return Stage.SHELL;
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.noise(text.getBytes(StandardCharsets.UTF_8), firing);
  }

  @Override
  public String toString() {
    return "shellNoise(" + quote(text) + ")";
  }
}
