package io.github.sshfaults.sshd.internal.shell;

import java.io.IOException;
import java.io.InputStream;

/**
 * What the client types into a shell, one byte at a time. A line ends at CR, at LF or at CRLF, as
 * clients send it (with a terminal, JSch, sshj and MINA SSHD send CR; code that writes {@code
 * "show version\n"} sends LF): an LF right after a CR is part of the same line ending and is
 * skipped.
 */
final class Keys {

  private final InputStream in;
  private final byte[] buffer = new byte[1024];
  private int position;
  private int limit;
  private boolean afterCr;
  private boolean ended;

  Keys(InputStream in) {
    this.in = in;
  }

  /**
   * The next byte the client typed, waiting for it; -1 once the client has closed its side.
   *
   * @throws java.io.InterruptedIOException when the shell is stopped while it waits
   */
  int next() throws IOException {
    while (true) {
      if (position == limit) {
        if (ended) {
          return -1;
        }
        int read = in.read(buffer);
        if (read < 0) {
          ended = true;
          return -1;
        }
        position = 0;
        limit = read;
        continue;
      }
      int b = buffer[position++] & 0xff;
      boolean lfOfCrLf = afterCr && b == '\n';
      afterCr = b == '\r';
      if (!lfOfCrLf) {
        return b;
      }
    }
  }

  /** Whether the client has closed its side, and every byte it sent was read. */
  boolean ended() {
    return ended && position == limit;
  }

  /** Whether a byte is there already, so that {@link #next()} would not wait. */
  boolean ready() {
    return position < limit;
  }
}
