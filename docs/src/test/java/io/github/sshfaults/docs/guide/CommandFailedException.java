package io.github.sshfaults.docs.guide;

/**
 * A remote command ran and exited with a non-zero status: the host is reachable, the command is not
 * happy.
 */
final class CommandFailedException extends Exception {

  CommandFailedException(String command, int exitStatus, String stderr) {
    super("'" + command + "' exited with status " + exitStatus + ": " + stderr.strip());
  }
}
