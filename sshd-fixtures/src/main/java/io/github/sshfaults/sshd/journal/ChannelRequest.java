package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The client asked for something on an open channel, and the host accepted or refused it. Today the
 * host records its subsystem requests ({@code subsystem sftp}); a refused one says why, as a host
 * without {@code org.apache.sshd:sshd-sftp} on its class path refuses SFTP.
 *
 * @param channelId the host's id of the channel within its connection
 * @param request the request and what it names: {@code subsystem sftp}
 * @param accepted whether the host granted it
 * @param reason why the host refused it; null when it accepted
 */
public record ChannelRequest(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String request,
    boolean accepted,
    String reason)
    implements JournalEvent {

  @Override
  public String type() {
    return "channel-request";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "channelId", channelId, "request", request, "accepted", accepted, "reason", reason);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
