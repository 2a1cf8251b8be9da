package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The host opened a channel the client asked for.
 *
 * @param channelId the host's id of the channel within its connection
 * @param channelType {@code session} for exec, shell and SFTP channels
 */
public record ChannelOpened(
    long sequence, Instant time, int connection, long channelId, String channelType)
    implements JournalEvent {

  @Override
  public String type() {
    return "channel-opened";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details("channelId", channelId, "channelType", channelType);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
