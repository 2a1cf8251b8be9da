package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A client asked the host to open a tunnel ({@code direct-tcpip}, as {@code ssh -L} and {@code
 * ProxyJump} do), and the host opened it or refused it. Recorded before the client hears the
 * answer; {@link ForwardingEnded} follows when an opened tunnel closes.
 *
 * <p>A tunnel to another fake host is a connection of that host: its {@link
 * ConnectionAccepted#peer()} is this event's {@link #source()}, which ties the two journals into
 * one chain: {@link io.github.sshfaults.sshd.FakeSshHost#connectionVia(Forwarding)}.
 *
 * @param channelId the host's id of the tunnel's channel within its connection
 * @param user the user the connection authenticated as
 * @param requested the destination as the client asked for it, {@code host:port}
 * @param destination the test's endpoint it resolved to, {@code host(web)} or {@code
 *     socket(127.0.0.1:5432)}; null when the request named none the user may reach
 * @param opened whether the tunnel opened
 * @param reasonCode the {@code SSH_MSG_CHANNEL_OPEN_FAILURE} reason code sent to the client; empty
 *     when it opened
 * @param reason why it was refused, in words; null when it opened
 * @param source the address the host's connection to the destination came from; null unless opened
 */
public record Forwarding(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String user,
    String requested,
    String destination,
    boolean opened,
    OptionalInt reasonCode,
    String reason,
    InetSocketAddress source)
    implements JournalEvent {

  @Override
  public String type() {
    return "forwarding";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "channelId", channelId,
        "user", user,
        "requested", requested,
        "destination", destination,
        "opened", opened,
        "reasonCode", reasonCode.isPresent() ? reasonCode.getAsInt() : null,
        "reason", reason,
        "source", EventText.address(source));
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
