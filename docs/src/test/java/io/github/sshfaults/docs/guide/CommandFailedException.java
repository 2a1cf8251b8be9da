package io.github.sshfaults.docs.guide;

/**
 * A remote command ran and exited with a non-zero exit code: the host is reachable, the command is
 * not happy.
 */
final class CommandFailedException extends Exception {

  CommandFailedException(String command, int exitCode, String stderr) {
    super("'" + command + "' exited with code " + exitCode + ": " + stderr.strip());
  }
}
