package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * A connection ended.
 *
 * @param by who ended it; when nothing else is known, a connection the client's end closed counts
 *     as closed by the {@link Initiator#CLIENT}
 * @param detail how, for instance {@code client sent SSH_DISCONNECT_BY_APPLICATION} or {@code host
 *     closed}
 */
public record ConnectionClosed(
    long sequence, Instant time, int connection, Initiator by, String detail)
    implements JournalEvent {

  @Override
  public String type() {
    return "connection-closed";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details("by", by.name(), "detail", detail);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
