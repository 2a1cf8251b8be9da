package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a fake host may forward a tunnel ({@code direct-tcpip}, as {@code ssh -L} and {@code
 * ProxyJump} open): an endpoint inside the test, never anything else. Either another {@linkplain
 * #host(FakeSshHost) fake host}, which makes the forwarding host a bastion, or a {@linkplain
 * #socket(InetSocketAddress) socket the test opened on loopback}. Given to a host with {@link
 * FakeSshHost#allowForwarding(String, TunnelDestination, TunnelDestination...)}.
 *
 * <pre>{@code
 * ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
 * host.allowForwarding("alice", TunnelDestination.socket(echo.getLocalPort()));
 * bastion.allowForwarding("alice", TunnelDestination.host(inner));
 * }</pre>
 *
 * <p>A client names the destination in its request as it would name a real one: a socket by its
 * address ({@code 127.0.0.1:5432}, or {@code localhost:5432} as in {@code ssh -L
 * 5432:localhost:5432}), a fake host by its address or by its {@linkplain FakeSshHost#displayName()
 * name} (a client asking for {@code inner:22} reaches the host named {@code inner}, whatever its
 * port). The host resolves the name itself, to the endpoint's loopback address: no name is looked
 * up and nothing outside loopback is ever connected to. Immutable.
 */
public final class TunnelDestination {

  private final FakeSshHost host;
  private final InetSocketAddress socket;

  private TunnelDestination(FakeSshHost host, InetSocketAddress socket) {
    this.host = host;
    this.socket = socket;
  }

  /**
   * The fake host {@code host}: a tunnel to it is a new TCP connection to {@code host}, which sees
   * it in its journal as any other connection and applies its own users and faults.
   */
  public static TunnelDestination host(FakeSshHost host) {
    return new TunnelDestination(notNull(host, "destination host"), null);
  }

  /**
   * The socket the test listens on at {@code address}, which must be {@code 127.0.0.1} or {@code
   * ::1}: bind a test's socket to loopback, as in {@code new ServerSocket(0, 50,
   * InetAddress.getLoopbackAddress())}.
   *
   * @throws IllegalArgumentException naming the address when it is not {@code 127.0.0.1} or {@code
   *     ::1} with a port from 1 to 65535 (a wildcard address, such as that of a {@code new
   *     ServerSocket(0)}, another loopback address, a name or an unresolved address)
   */
  public static TunnelDestination socket(InetSocketAddress address) {
    notNull(address, "destination address");
    InetAddress ip = address.getAddress();
    if (address.isUnresolved() || ip == null || !isLoopbackLiteral(ip) || address.getPort() == 0) {
      throw new IllegalArgumentException(
          "a tunnel destination must be a socket the test opened on 127.0.0.1 or ::1, with a port"
              + " from 1 to 65535, but was "
              + address
              + "; bind the socket to loopback, as in new ServerSocket(0, 50,"
              + " InetAddress.getLoopbackAddress())");
    }
    return new TunnelDestination(null, new InetSocketAddress(ip, address.getPort()));
  }

  /**
   * The socket the test listens on at {@code 127.0.0.1:port}.
   *
   * @throws IllegalArgumentException when {@code port} lies outside 1 to 65535
   */
  public static TunnelDestination socket(int port) {
    return socket(
        new InetSocketAddress(
            InetAddress.getLoopbackAddress(), inRange(port, 1, 65535, "destination port")));
  }

  // 127.0.0.1 and ::1 only: the rest of 127/8 may reach services the test did not open.
  static boolean isLoopbackLiteral(InetAddress ip) {
    byte[] bytes = ip.getAddress();
    if (bytes.length == 4) {
      return bytes[0] == 127 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 1;
    }
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 1;
  }

  /** The fake host this destination is, or null for a socket. */
  FakeSshHost fakeHost() {
    return host;
  }

  /**
   * Where a tunnel to it connects now: a fake host's address (the same through restarts), or the
   * socket's.
   */
  InetSocketAddress address() {
    return host != null ? host.address() : socket;
  }

  /** {@code host(web)} or {@code socket(127.0.0.1:5432)}: how messages and the journal name it. */
  @Override
  public String toString() {
    if (host != null) {
      return "host(" + host.displayName() + ")";
    }
    return "socket(" + socketText(socket) + ")";
  }

  static String socketText(InetSocketAddress address) {
    String ip = address.getAddress().getHostAddress();
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
  }

  /** Two destinations are equal when they are the same host, or sockets at the same address. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TunnelDestination that
        && host == that.host
        && Objects.equals(socket, that.socket);
  }

  @Override
  public int hashCode() {
    return host != null ? System.identityHashCode(host) : socket.hashCode();
  }
}
