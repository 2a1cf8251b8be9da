package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

/**
 * The host accepted a TCP connection.
 *
 * @param peer the client's address and port
 */
public record ConnectionAccepted(
    long sequence, Instant time, int connection, InetSocketAddress peer) implements JournalEvent {

  @Override
  public String type() {
    return "connection-accepted";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details("peer", EventText.address(peer));
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
