package io.github.sshfaults.clients.internal;

import io.github.sshfaults.clients.CommandFailedException;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.NoExitCodeException;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.internal.Text;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** How every client adapter judges a finished command, the same way whatever the library. */
public final class Verdict {

  private Verdict() {}

  /**
   * The output of a command that exited with 0.
   *
   * @param exitCode the exit code the server sent, or null when none arrived
   * @throws NoExitCodeException when no exit code arrived: the connection or channel was cut
   * @throws CommandFailedException when the exit code is not 0
   */
  public static CommandOutput of(
      String command, SshTarget target, String stdout, String stderr, Integer exitCode)
      throws NoExitCodeException, CommandFailedException {
    if (exitCode == null) {
      throw new NoExitCodeException(command, target.displayName(), stdout, stderr);
    }
    CommandOutput output = new CommandOutput(stdout, stderr, exitCode);
    if (exitCode != 0) {
      throw new CommandFailedException(command, target.displayName(), output);
    }
    return output;
  }

  /**
   * The exception for an SFTP {@code operation} ({@code "download"}...) on {@code path} that had
   * not finished when its {@code timeout} passed.
   */
  public static TimeoutException unfinishedTransfer(
      String library, String operation, String path, SshTarget target, Duration timeout) {
    return new TimeoutException(
        library
            + ": SFTP "
            + operation
            + " of "
            + Text.abbreviate(path, 80)
            + " on "
            + target.displayName()
            + " did not finish within "
            + timeout.toMillis()
            + " ms");
  }

  /** The exception for a command that had not finished when its {@code timeout} passed. */
  public static TimeoutException unfinished(
      String library, String command, SshTarget target, Duration timeout) {
    return new TimeoutException(
        library
            + ": command "
            + Text.abbreviate(command, 80)
            + " on "
            + target.displayName()
            + " did not finish within "
            + timeout.toMillis()
            + " ms");
  }
}
