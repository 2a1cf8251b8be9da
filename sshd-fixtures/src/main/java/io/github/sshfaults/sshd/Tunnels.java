package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.sshd.internal.tunnel.Routes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which users of a host may forward to which {@linkplain TunnelDestination destinations}, and the
 * resolution of a client's request to one of them. Thread-safe.
 */
final class Tunnels implements Routes {

  private Map<String, Set<TunnelDestination>> allowed = Map.of();

  /** Lets {@code user} forward to {@code destinations} too. */
  synchronized void allow(String user, List<TunnelDestination> destinations) {
    Map<String, Set<TunnelDestination>> next = new LinkedHashMap<>(allowed);
    Set<TunnelDestination> set = new LinkedHashSet<>(next.getOrDefault(user, Set.of()));
    set.addAll(destinations);
    next.put(user, Set.copyOf(set));
    allowed = Map.copyOf(next);
  }

  /** The permissions now, for a baseline. */
  synchronized Map<String, Set<TunnelDestination>> snapshot() {
    return allowed;
  }

  /** Returns to the permissions of {@code snapshot}. */
  synchronized void restore(Map<String, Set<TunnelDestination>> snapshot) {
    allowed = snapshot;
  }

  @Override
  public Route route(String user, String host, int port) {
    Set<TunnelDestination> destinations;
    synchronized (this) {
      destinations = allowed.getOrDefault(user, Set.of());
    }
    String requested = quote(hostAndPort(host, port));
    if (destinations.isEmpty()) {
      return Route.refused(
          "user "
              + quote(user)
              + " may not forward (asked for "
              + requested
              + "); allow it with FakeSshHost.allowForwarding(user, destination)");
    }
    for (TunnelDestination destination : destinations) {
      InetSocketAddress address = destination.address();
      if (names(destination, address, host, port)) {
        return Route.to(address, destination.toString());
      }
    }
    List<String> names = new ArrayList<>();
    destinations.forEach(d -> names.add(d.toString()));
    return Route.refused(
        "user "
            + quote(user)
            + " may not forward to "
            + requested
            + "; allowed: "
            + names.stream().sorted().collect(Collectors.joining(", ")));
  }

  // The client's name for an endpoint: its loopback address, localhost, or a fake host's name.
  private static boolean names(
      TunnelDestination destination, InetSocketAddress address, String host, int port) {
    FakeSshHost fakeHost = destination.fakeHost();
    if (fakeHost != null && host.equals(fakeHost.displayName())) {
      return true;
    }
    if (port != address.getPort()) {
      return false;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    InetAddress literal = literal(bare);
    return literal != null && literal.equals(address.getAddress());
  }

  // An IP literal, or null: a name is never looked up.
  private static InetAddress literal(String host) {
    boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = host.contains(":") && host.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String hostAndPort(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
