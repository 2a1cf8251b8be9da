package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The client sent its identification string.
 *
 * @param identification the line the client sent, such as {@code SSH-2.0-JSCH_2.28.8}
 */
public record ClientIdentified(long sequence, Instant time, int connection, String identification)
    implements JournalEvent {

  @Override
  public String type() {
    return "client-identified";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details("identification", identification);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
