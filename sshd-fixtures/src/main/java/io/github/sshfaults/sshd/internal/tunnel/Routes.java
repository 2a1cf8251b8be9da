package io.github.sshfaults.sshd.internal.tunnel;

import java.net.InetSocketAddress;

/**
 * Where a user's tunnel request leads: the one place that turns the host and port a client asked
 * for into an address, so that nothing but the test's own endpoints can be reached.
 */
@FunctionalInterface
public interface Routes {

  /**
   * The route for {@code user}'s request to {@code host}:{@code port}, or a refusal that says why.
   */
  Route route(String user, String host, int port);

  /**
   * The answer to one request.
   *
   * @param address the loopback address to connect to; null when refused
   * @param destination how the journal names the destination: {@code host(web)}, {@code
   *     socket(127.0.0.1:5432)}; null when refused
   * @param refusal why the request is refused; null when allowed
   */
  record Route(InetSocketAddress address, String destination, String refusal) {

    /** A request allowed to {@code address}. */
    public static Route to(InetSocketAddress address, String destination) {
      return new Route(address, destination, null);
    }

    /** A request refused for {@code reason}. */
    public static Route refused(String reason) {
      return new Route(null, null, reason);
    }

    /** Whether the request is allowed. */
    public boolean allowed() {
      return address != null;
    }
  }
}
