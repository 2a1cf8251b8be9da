package io.github.sshfaults.internal;

/** Short, single-line renderings of user text for messages and report tables. */
public final class Text {

  private Text() {}

  /** {@code text} quoted with visible control characters, cut to {@code max} characters. */
  public static String abbreviate(String text, int max) {
    return cut(Preconditions.quote(text), max);
  }

  /** {@code text} on one line (line breaks shown as spaces), cut to {@code max} characters. */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    return cut(text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), max);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
  }
}
