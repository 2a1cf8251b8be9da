package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.Text;
import java.io.IOException;

/**
 * A remote command's channel closed without an exit code (no SSH {@code exit-status} message): the
 * connection was cut (or the server closed the channel) before the command finished. Classified as
 * {@link io.github.sshfaults.concurrent.FailureKind#DISCONNECTED}.
 *
 * <p>Some libraries throw nothing in this case (JSch reports exit code -1, MINA a null one), so
 * code that only reads the output would count a cut transfer as a success; the client adapters
 * throw this instead.
 */
public final class NoExitCodeException extends IOException {

  private final transient CommandOutput partialOutput;

  /**
   * Creates the exception for {@code command} on {@code target}.
   *
   * @param target the target's display name
   * @param stdout the standard output received before the channel closed
   * @param stderr the standard error received before the channel closed
   */
  public NoExitCodeException(String command, String target, String stdout, String stderr) {
    super(
        "command "
            + Text.abbreviate(notNull(command, "command"), 80)
            + " on "
            + notNull(target, "target")
            + " ended without an exit code: the channel or connection closed before it finished"
            + " (received "
            + notNull(stdout, "stdout").length()
            + " chars of stdout, "
            + notNull(stderr, "stderr").length()
            + " of stderr)");
    this.partialOutput = new CommandOutput(stdout, stderr, -1);
  }

  /** What arrived before the channel closed; its exit code is -1. */
  public CommandOutput partialOutput() {
    return partialOutput;
  }
}
