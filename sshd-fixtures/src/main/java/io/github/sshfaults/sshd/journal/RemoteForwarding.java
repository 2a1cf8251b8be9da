package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

/**
 * A client asked the host to listen on a port for it ({@code tcpip-forward}, as {@code ssh -R},
 * JSch's {@code setPortForwardingR}, sshj's {@code RemotePortForwarder} and MINA SSHD's {@code
 * startRemotePortForwarding} ask), and the host bound the port or refused. Recorded before the
 * client hears the answer. {@link #bound()} is where the test connects to reach the client: each
 * connection to it is carried to the client in a {@code forwarded-tcpip} channel, and recorded as a
 * {@link ForwardedConnectionEnded} when it ends.
 *
 * <pre>{@code
 * int port = verify(host, once()).remoteForwardings().get(0).bound().getPort();
 * try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) { ... }
 * }</pre>
 *
 * @param user the user the connection authenticated as
 * @param requested the address and port as the client asked for them, {@code localhost:0}; port 0
 *     asks for any free port
 * @param bound where the host listens: 127.0.0.1 or ::1, with the port it chose for a request of
 *     port 0; null when refused
 * @param accepted whether the host bound the port
 * @param reason why it was refused, in words; null when accepted
 */
public record RemoteForwarding(
    long sequence,
    Instant time,
    int connection,
    String user,
    String requested,
    InetSocketAddress bound,
    boolean accepted,
    String reason)
    implements JournalEvent {

  @Override
  public String type() {
    return "remote-forwarding";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "user", user,
        "requested", requested,
        "bound", EventText.address(bound),
        "accepted", accepted,
        "reason", reason);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
