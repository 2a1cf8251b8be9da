package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.internal.Text;
import io.github.sshfaults.sshd.journal.JournalEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes journal events as JSON objects, one per line (RFC 8259 strings, no library). */
public final class JsonLines {

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
   * as RFC 8259 requires; so is every other character {@link Text#isUnsafe} names (DEL and C1
   * controls, which terminals obey, U+2028/U+2029, direction overrides, U+FFFD, and unpaired
   * surrogates, which no UTF-8 encoder could write), so that every line stays valid UTF-8 on one
   * line and a journal file printed on a terminal cannot act on it.
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
          if (Text.isUnsafe(text, i)) {
            Text.unicodeEscape(json, c);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
