package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.internal.Text;
import io.github.sshfaults.sshd.journal.JournalEvent;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one-line text form of journal events, shared by their toString and every message. */
public final class EventText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private EventText() {}

  /** An unmodifiable map of alternating keys and values, in order; values may be null. */
  public static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(details);
  }

  /** {@code 127.0.0.1:52344}, without a reverse lookup. */
  public static String address(InetSocketAddress address) {
    return address == null ? null : address.getHostString() + ":" + address.getPort();
  }

  /**
   * {@code #12 10:15:30.123Z conn 3 command user="alice" commandLine="uptime" exitCode=0 ...}:
   * sequence, time of day (UTC), connection, type, then each detail.
   */
  public static String line(JournalEvent event) {
    StringBuilder line =
        new StringBuilder()
            .append('#')
            .append(event.sequence())
            .append(' ')
            .append(TIME.format(event.time()))
            .append(" conn ")
            .append(event.connection())
            .append(' ')
            .append(event.type());
    event
        .details()
        .forEach(
            (key, value) ->
                line.append(' ')
                    .append(key)
                    .append('=')
                    .append(shown(value)));
    return line.toString();
  }

  /**
   * Strings quoted, anything else as it prints, both with control characters escaped: details carry
   * what clients sent, which must never reach a terminal or a log raw.
   */
  private static String shown(Object value) {
    if (value instanceof String s) {
      return Preconditions.quote(s);
    }
    return Text.escape(String.valueOf(value));
  }
}
