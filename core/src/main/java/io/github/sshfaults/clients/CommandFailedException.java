package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.Text;

/**
 * A remote command ran and exited with a non-zero exit code; classified as {@link
 * io.github.sshfaults.concurrent.FailureKind#COMMAND_FAILED}. Thrown by the client adapters,
 * because the libraries themselves report a failing command as a normal result that is easy to take
 * for a success.
 */
public final class CommandFailedException extends Exception {

  private final String command;
  private final String target;
  private final transient CommandOutput output;

  /**
   * Creates the exception for {@code command} on {@code target} with what it sent back.
   *
   * @param target the target's display name
   */
  public CommandFailedException(String command, String target, CommandOutput output) {
    super(
        "command "
            + Text.abbreviate(notNull(command, "command"), 80)
            + " on "
            + notNull(target, "target")
            + " exited with code "
            + notNull(output, "output").exitCode()
            + (output.stderr().isBlank() ? "" : ": " + Text.oneLine(output.stderr(), 120)));
    this.command = command;
    this.target = target;
    this.output = output;
  }

  /** The command line, as sent. */
  public String command() {
    return command;
  }

  /** The display name of the target the command ran on. */
  public String target() {
    return target;
  }

  /** The command's output and exit code. */
  public CommandOutput output() {
    return output;
  }

  /** The non-zero exit code. */
  public int exitCode() {
    return output.exitCode();
  }
}
