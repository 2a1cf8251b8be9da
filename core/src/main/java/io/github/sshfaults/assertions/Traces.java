package io.github.sshfaults.assertions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** Stack traces for failure messages: enough frames to see where, not a whole log. */
final class Traces {

  private static final int MAX_LINES = 40;

  private Traces() {}

  /** {@code failure}'s stack trace with its causes, cut after {@value #MAX_LINES} lines. */
  static String of(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    String[] lines = text.toString().split("\\R");
    if (lines.length <= MAX_LINES) {
      return String.join(System.lineSeparator(), lines);
    }
    String[] kept = Arrays.copyOf(lines, MAX_LINES);
    return String.join(System.lineSeparator(), kept)
        + System.lineSeparator()
        + "\t... "
        + (lines.length - MAX_LINES)
        + " more lines";
  }
}
