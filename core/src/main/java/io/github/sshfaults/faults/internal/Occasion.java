package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.SftpAction;

/**
 * What is known about one occasion for faults, to match triggers against: each part is null when
 * the stage does not know it.
 *
 * @param user the user name, once the client names it
 * @param command the command line, at the command stages
 * @param sftpAction the kind of SFTP request, at the SFTP stage
 * @param path the absolute, normalized path the SFTP request is about, when it is about one
 */
public record Occasion(String user, String command, SftpAction sftpAction, String path) {

  private static final Occasion NONE = new Occasion(null, null, null, null);

  /** An occasion about which nothing is known but the connection. */
  public static Occasion none() {
    return NONE;
  }

  /** An occasion of {@code user} (null when not known yet) running {@code command} (or null). */
  public static Occasion of(String user, String command) {
    return user == null && command == null ? NONE : new Occasion(user, command, null, null);
  }

  /** An SFTP request of {@code user} about {@code path} (null when it is about no path). */
  public static Occasion sftp(String user, SftpAction action, String path) {
    return new Occasion(user, null, action, path);
  }
}
