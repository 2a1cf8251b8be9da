package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A tunnel that {@linkplain Forwarding opened} closed, with the bytes it carried each way.
 *
 * @param channelId the host's id of the tunnel's channel within its connection
 * @param user the user the connection authenticated as
 * @param destination the test's endpoint, as in {@link Forwarding#destination()}
 * @param bytesToDestination how many bytes the client sent through the tunnel that the host passed
 *     on to the destination
 * @param bytesFromDestination how many bytes the destination sent that the host passed on to the
 *     client
 * @param reason which side ended it first: {@code client closed}, {@code destination closed},
 *     {@code connection closed}
 * @param duration from the tunnel's opening to its end
 */
public record ForwardingEnded(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String user,
    String destination,
    long bytesToDestination,
    long bytesFromDestination,
    String reason,
    Duration duration)
    implements JournalEvent {

  @Override
  public String type() {
    return "forwarding-ended";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "channelId", channelId,
        "user", user,
        "destination", destination,
        "bytesToDestination", bytesToDestination,
        "bytesFromDestination", bytesFromDestination,
        "reason", reason,
        "durationMillis", duration.toMillis());
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
