package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.sshd.journal.JournalEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes journal events as JSON objects, one per line (RFC 8259 strings, no library). */
public final class JsonLines {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonLines() {}

  /** One event as a single-line JSON object: sequence, time, connection, type, then details. */
  public static String event(JournalEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sequence", event.sequence());
    fields.put("time", event.time().toString());
    fields.put("connection", event.connection());
    fields.put("type", event.type());
    fields.putAll(event.details());
    return object(fields);
  }

  /** A single-line JSON object of strings, numbers, booleans and nulls, in the map's order. */
  public static String object(Map<String, ?> fields) {
    StringBuilder json = new StringBuilder().append('{');
    fields.forEach(
        (key, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          string(json, key);
          json.append(':');
          value(json, value);
        });
    return json.append('}').toString();
  }

  private static void value(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      json.append(value);
    } else {
      string(json, value.toString());
    }
  }

  /**
   * Appends {@code text} as a JSON string. Quotes, backslashes and control characters are escaped
   * as RFC 8259 requires; so are U+2028/U+2029 (JavaScript line terminators) and unpaired
   * surrogates, which no UTF-8 encoder could write, so every line stays valid UTF-8 on one line.
   */
  static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(text, i)) {
            unicodeEscape(json, c);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static boolean unpairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  private static void unicodeEscape(StringBuilder json, char c) {
    json.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
