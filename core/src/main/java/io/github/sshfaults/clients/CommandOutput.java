package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.Text;

/**
 * What a remote command sent back: its standard output and error (decoded as UTF-8) and its exit
 * status. Returned by {@link SshClientAdapter#exec}, carried by {@link CommandFailedException} and
 * {@link NoExitStatusException}.
 *
 * @param stdout everything the command wrote on its standard output
 * @param stderr everything the command wrote on its standard error
 * @param exitStatus the exit status; only meaningful when the command sent one
 */
public record CommandOutput(String stdout, String stderr, int exitStatus) {

  /** Checks that both streams are present (possibly empty). */
  public CommandOutput {
    notNull(stdout, "stdout");
    notNull(stderr, "stderr");
  }

  /** A short form for reports: the exit status and the start of stdout. */
  @Override
  public String toString() {
    return "exit " + exitStatus + ", stdout " + Text.abbreviate(stdout, 60);
  }
}
