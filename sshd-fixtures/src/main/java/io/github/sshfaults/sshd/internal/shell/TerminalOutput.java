package io.github.sshfaults.sshd.internal.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a shell writes to its client: with a terminal, every LF goes out as CRLF (unless a CR is
 * there already), as a terminal's {@code ONLCR} does, so stubs and prompts can be written with
 * {@code \n} alone; without one, bytes go out as they are. Counts what went out. One writer, the
 * shell's thread.
 */
final class TerminalOutput {

  private final OutputStream out;
  private final boolean crlf;
  private volatile long count;
  private int last = -1;

  TerminalOutput(OutputStream out, boolean crlf) {
    this.out = out;
    this.crlf = crlf;
  }

  void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (!crlf) {
      out.write(bytes, offset, length);
      count += length;
      last = bytes[offset + length - 1] & 0xff;
      return;
    }
    int from = offset;
    for (int i = offset; i < offset + length; i++) {
      int b = bytes[i] & 0xff;
      int before = i == offset ? last : bytes[i - 1] & 0xff;
      if (b == '\n' && before != '\r') {
        out.write(bytes, from, i - from);
        out.write('\r');
        count += i - from + 1;
        from = i;
      }
    }
    out.write(bytes, from, offset + length - from);
    count += offset + length - from;
    last = bytes[offset + length - 1] & 0xff;
  }

  void flush() throws IOException {
    out.flush();
  }

  /** How many bytes went out. */
  long count() {
    return count;
  }
}
