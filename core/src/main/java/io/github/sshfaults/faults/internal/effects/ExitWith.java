package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ShellEffect;

/**
 * The command exits with {@code exitCode} and {@code stderr}, whatever its stub says.
 *
 * @param exitCode 0 to 255
 * @param stderr what it writes on stderr
 */
public record ExitWith(int exitCode, String stderr) implements ExecEffect, ShellEffect {

  /** Validates the exit code (0 to 255) and the stderr text. */
  public ExitWith {
    inRange(exitCode, 0, 255, "exit code");
    notNull(stderr, "stderr");
  }

  @Override
  public Stage defaultStage() {
    return Stage.EXEC;
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.exitWith(exitCode, stderr, firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.exitWith(exitCode, stderr, firing);
  }

  @Override
  public String toString() {
    return "exitWith(" + exitCode + ", " + quote(stderr) + ")";
  }
}
