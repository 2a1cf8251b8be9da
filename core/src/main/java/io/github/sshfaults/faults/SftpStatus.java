package io.github.sshfaults.faults;

/**
 * The error codes of an SFTP {@code SSH_FXP_STATUS} reply ({@code SSH_FX_*},
 * draft-ietf-secsh-filexfer), for {@link Fault#sftpError(SftpStatus)}. Codes 1 to 8 are defined
 * from SFTP version 3, the version JSch, sshj and OpenSSH speak; the others from later versions,
 * and clients of version 3 report them by number.
 */
public enum SftpStatus {

  /** 1, {@code SSH_FX_EOF}: end of file, or no more directory entries. */
  EOF(1, "End of file"),

  /** 2, {@code SSH_FX_NO_SUCH_FILE}: the file does not exist. */
  NO_SUCH_FILE(2, "No such file"),

  /** 3, {@code SSH_FX_PERMISSION_DENIED}: the user may not do this. */
  PERMISSION_DENIED(3, "Permission denied"),

  /** 4, {@code SSH_FX_FAILURE}: something failed, with no more specific code. */
  FAILURE(4, "Failure"),

  /** 5, {@code SSH_FX_BAD_MESSAGE}: the request was malformed. */
  BAD_MESSAGE(5, "Bad message"),

  /** 6, {@code SSH_FX_NO_CONNECTION}: no connection to the server (a client-side code). */
  NO_CONNECTION(6, "No connection"),

  /** 7, {@code SSH_FX_CONNECTION_LOST}: the connection was lost (a client-side code). */
  CONNECTION_LOST(7, "Connection lost"),

  /** 8, {@code SSH_FX_OP_UNSUPPORTED}: the server does not support the operation. */
  OP_UNSUPPORTED(8, "Operation unsupported"),

  /** 9, {@code SSH_FX_INVALID_HANDLE}: the handle is not valid. */
  INVALID_HANDLE(9, "Invalid handle"),

  /** 10, {@code SSH_FX_NO_SUCH_PATH}: the path does not exist or is invalid. */
  NO_SUCH_PATH(10, "No such path"),

  /** 11, {@code SSH_FX_FILE_ALREADY_EXISTS}: the file already exists. */
  FILE_ALREADY_EXISTS(11, "File already exists"),

  /** 12, {@code SSH_FX_WRITE_PROTECT}: the file system is read-only. */
  WRITE_PROTECT(12, "Write protected"),

  /** 13, {@code SSH_FX_NO_MEDIA}: no medium in the drive. */
  NO_MEDIA(13, "No media"),

  /** 14, {@code SSH_FX_NO_SPACE_ON_FILESYSTEM}: the disk is full. */
  NO_SPACE_ON_FILESYSTEM(14, "No space left on file system"),

  /** 15, {@code SSH_FX_QUOTA_EXCEEDED}: the user's quota is exceeded. */
  QUOTA_EXCEEDED(15, "Quota exceeded");

  private final int code;
  private final String message;

  SftpStatus(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The code sent on the wire, 1 to 15. */
  public int code() {
    return code;
  }

  /** The message a server sends with this code unless told otherwise: {@code "No such file"}. */
  public String message() {
    return message;
  }

  /**
   * The status with {@code code}.
   *
   * @throws IllegalArgumentException when no status has that code
   */
  public static SftpStatus of(int code) {
    for (SftpStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "SFTP status code must be between 1 and 15, but was " + code);
  }

  /** {@code NO_SUCH_FILE (2)}. */
  @Override
  public String toString() {
    return name() + " (" + code + ")";
  }
}
