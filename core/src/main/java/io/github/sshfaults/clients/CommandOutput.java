package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.Text;

/**
 * What a remote command sent back: its standard output and error (decoded as UTF-8) and its exit
 * code. Returned by {@link SshClientAdapter#exec}, carried by {@link CommandFailedException} and
 * {@link NoExitCodeException}.
 *
 * @param stdout everything the command wrote on its standard output
 * @param stderr everything the command wrote on its standard error
 * @param exitCode the exit code; only meaningful when the command sent one
 */
public record CommandOutput(String stdout, String stderr, int exitCode) {

  /** Checks that both streams are present (possibly empty). */
  public CommandOutput {
    notNull(stdout, "stdout");
    notNull(stderr, "stderr");
  }

  /** A short form for reports: the exit code and the start of stdout. */
  @Override
  public String toString() {
    return "exit " + exitCode + ", stdout " + Text.abbreviate(stdout, 60);
  }
}
