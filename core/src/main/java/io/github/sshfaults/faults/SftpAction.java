package io.github.sshfaults.faults;

/**
 * The kinds of SFTP request a fault can be limited to with {@link Trigger#forSftp(SftpAction...)}.
 * Each groups the protocol's requests ({@code SSH_FXP_*}) that do the same thing.
 */
public enum SftpAction {

  /** {@code SSH_FXP_OPEN}: open a file to read or write it. */
  OPEN,

  /** {@code SSH_FXP_READ}: read from an open file (a download). */
  READ,

  /** {@code SSH_FXP_WRITE}: write to an open file (an upload). */
  WRITE,

  /** {@code SSH_FXP_CLOSE}: close an open file or directory. */
  CLOSE,

  /** {@code SSH_FXP_STAT}, {@code SSH_FXP_LSTAT}, {@code SSH_FXP_FSTAT}: read attributes. */
  STAT,

  /** {@code SSH_FXP_SETSTAT}, {@code SSH_FXP_FSETSTAT}: change attributes. */
  SETSTAT,

  /** {@code SSH_FXP_OPENDIR}, {@code SSH_FXP_READDIR}: list a directory. */
  LIST,

  /** {@code SSH_FXP_MKDIR}: create a directory. */
  MKDIR,

  /** {@code SSH_FXP_RMDIR}: remove a directory. */
  RMDIR,

  /** {@code SSH_FXP_REMOVE}: remove a file. */
  REMOVE,

  /**
   * {@code SSH_FXP_RENAME}, or OpenSSH's {@code posix-rename@openssh.com}: rename a file. The
   * request is about the old path; the journal also records the new one.
   */
  RENAME,

  /** {@code SSH_FXP_REALPATH}: resolve a path (clients ask for {@code "."} at start). */
  REALPATH,

  /** {@code SSH_FXP_READLINK}: read a symbolic link. */
  READLINK,

  /**
   * {@code SSH_FXP_SYMLINK}, or {@code SSH_FXP_LINK} with its symbolic flag set: create a symbolic
   * link. The request is about the link's path; the journal also records its target.
   */
  SYMLINK,

  /**
   * {@code SSH_FXP_LINK} with its symbolic flag clear, or OpenSSH's {@code hardlink@openssh.com}:
   * create a hard link to an existing file. The request is about the new link's path; the journal
   * also records the existing file's.
   */
  HARDLINK
}
