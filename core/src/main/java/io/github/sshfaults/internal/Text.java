package io.github.sshfaults.internal;

/**
 * Short, single-line renderings of user text for messages and report tables, and the one escaping
 * of text that a peer controls (banners, command lines, paths, user names) wherever it is printed.
 */
public final class Text {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Text() {}

  /**
   * {@code text} with every character that could act on a terminal or hide what was sent shown
   * visibly and unambiguously: backslash and double quote as {@code \\} and {@code \"}; {@code \n},
   * {@code \r}, {@code \t}; ESC as {@code \e}; other C0 controls and DEL as {@code \x07}; C1
   * controls (which some terminals obey like ESC sequences), line and paragraph separators,
   * direction overrides, unpaired surrogates and U+FFFD (what invalid UTF-8 decodes to) as <code>&#92;u009b</code>. Everything else is kept, so readable text stays readable.
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\u001b' -> escaped.append("\\e");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            escaped.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else if (isUnsafe(text, i)) {
            unicodeEscape(escaped, c);
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /**
   * Whether the character at {@code index} must not reach a terminal or a reader as it is: a
   * control character (C0, DEL, C1), a line or paragraph separator, a bidirectional override or
   * isolate, a zero-width joiner or mark, a byte order mark, U+FFFD, or half of a surrogate pair
   * without its other half. Shared with the JSON Lines writer, so both show the same characters.
   */
  public static boolean isUnsafe(CharSequence text, int index) {
    char c = text.charAt(index);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if ((c >= '\u200b' && c <= '\u200f')
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\ufeff'
        || c == '\ufffd') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
    }
    return false;
  }

  /** Appends {@code c} as <code>&#92;uXXXX</code>, in lower-case hex. */
  public static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /** {@code text} quoted with visible control characters, cut to {@code max} characters. */
  public static String abbreviate(String text, int max) {
    return cut(Preconditions.quote(text), max);
  }

  /**
   * {@code text} on one line (line breaks shown as spaces, other control characters {@link
   * #escape(String) escaped}), cut to {@code max} characters.
   */
  public static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    String spaced = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return cut(visible(spaced), max);
  }

  /** Like {@link #escape(String)}, but keeps backslashes and quotes: for text read as prose. */
  private static String visible(String text) {
    StringBuilder shown = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(text, i)) {
        shown.append(escape(String.valueOf(c)));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
  }
}
