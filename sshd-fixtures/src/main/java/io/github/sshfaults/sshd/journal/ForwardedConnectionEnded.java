package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A connection to a port the host listened on for a client ({@linkplain RemoteForwarding remote
 * forwarding}) ended, with the bytes the host carried each way between it and the client's {@code
 * forwarded-tcpip} channel.
 *
 * @param user the user whose connection asked for the forwarding
 * @param bound the port the connection reached, as in {@link RemoteForwarding#bound()}
 * @param peer where the connection to that port came from
 * @param opened whether the client accepted the {@code forwarded-tcpip} channel; when it did not,
 *     the host closed the connection without carrying a byte
 * @param bytesToClient how many bytes arriving on the port the host passed on to the client
 * @param bytesFromClient how many bytes the client sent that the host passed on to the connection
 * @param duration from the connection's arrival to its end
 */
public record ForwardedConnectionEnded(
    long sequence,
    Instant time,
    int connection,
    String user,
    InetSocketAddress bound,
    InetSocketAddress peer,
    boolean opened,
    long bytesToClient,
    long bytesFromClient,
    Duration duration)
    implements JournalEvent {

  @Override
  public String type() {
    return "forwarded-connection-ended";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "user", user,
        "bound", EventText.address(bound),
        "peer", EventText.address(peer),
        "opened", opened,
        "bytesToClient", bytesToClient,
        "bytesFromClient", bytesFromClient,
        "durationMillis", duration.toMillis());
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
