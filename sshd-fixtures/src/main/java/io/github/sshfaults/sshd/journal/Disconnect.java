package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * An {@code SSH_MSG_DISCONNECT} went over the connection.
 *
 * @param by who sent it: {@link Initiator#CLIENT}, or the host ({@link Initiator#SERVER}, or {@link
 *     Initiator#FAULT} when a fault made it)
 * @param reasonCode the SSH reason code, such as 2 (protocol error) or 11 (by application)
 * @param reasonName the code's name, such as {@code SSH2_DISCONNECT_BY_APPLICATION}
 * @param message the human-readable text that came with it
 */
public record Disconnect(
    long sequence,
    Instant time,
    int connection,
    Initiator by,
    int reasonCode,
    String reasonName,
    String message)
    implements JournalEvent {

  @Override
  public String type() {
    return "disconnect";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "by", by.name(), "reasonCode", reasonCode, "reasonName", reasonName, "message", message);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
