package io.github.sshfaults.sshd.internal;

import java.nio.file.ClosedFileSystemException;

/**
 * What the files of a closed fake host throw: a {@link ClosedFileSystemException} (so an {@link
 * IllegalStateException} too, like every call refused by a closed host) that says which host and
 * which call, where the JDK's has no message at all. Catch it by one of those two types.
 */
public final class ClosedHostFilesException extends ClosedFileSystemException {

  private static final long serialVersionUID = 1L;

  private final String message;

  /**
   * An exception with {@code message}, such as {@code cannot read "/x" on FakeSshHost[...]: ...}.
   */
  public ClosedHostFilesException(String message) {
    this.message = message;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
