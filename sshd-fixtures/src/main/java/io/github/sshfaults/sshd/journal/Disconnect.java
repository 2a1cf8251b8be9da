package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * An {@code SSH_MSG_DISCONNECT} went over the connection.
 *
 * @param by who sent it: {@link Initiator#CLIENT}, or the host ({@link Initiator#SERVER}, or {@link
 *     Initiator#FAULT} when a fault made it)
 * @param reason the reason, such as {@link DisconnectReason#BY_APPLICATION}; null when the code is
 *     not one RFC 4253 defines
 * @param reasonCode the code on the wire, such as 11 for {@link DisconnectReason#BY_APPLICATION}
 * @param message the human-readable text that came with it
 */
public record Disconnect(
    long sequence,
    Instant time,
    int connection,
    Initiator by,
    DisconnectReason reason,
    int reasonCode,
    String message)
    implements JournalEvent {

  @Override
  public String type() {
    return "disconnect";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "by",
        by.name(),
        "reason",
        reason == null ? null : reason.name(),
        "reasonCode",
        reasonCode,
        "message",
        message);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
