package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;

import java.net.InetSocketAddress;

/**
 * Where an SSH task connects: a host and a port, with a name for reports. Fake hosts are targets;
 * {@link #of(String, int)} makes one for any other address.
 *
 * <pre>{@code
 * List<SshTarget> fleet = List.of(fakeHost, SshTarget.of("web-2", "127.0.0.1", 2222));
 * }</pre>
 *
 * <p>{@link io.github.sshfaults.concurrent.ConcurrentSsh} accepts targets of any type (an index, a
 * host name...); those that implement this interface are shown in reports by their {@link
 * #displayName()}, and the client adapters ({@link SshClientAdapter}) connect to them.
 */
public interface SshTarget {

  /** The host name or address to connect to. */
  String host();

  /** The TCP port to connect to. */
  int port();

  /**
   * How reports name this target; {@code host:port} (IPv6 literals in brackets) unless the target
   * says otherwise.
   */
  default String displayName() {
    return (host().indexOf(':') >= 0 ? "[" + host() + "]" : host()) + ":" + port();
  }

  /**
   * A target at {@code host} and {@code port}, named {@code host:port}.
   *
   * @throws IllegalArgumentException when the host is blank or the port is not 1 to 65535
   */
  static SshTarget of(String host, int port) {
    return new BasicTarget(null, host, port);
  }

  /**
   * A target at {@code host} and {@code port}, named {@code name} in reports.
   *
   * @throws IllegalArgumentException when the name or host is blank or the port is not 1 to 65535
   */
  static SshTarget of(String name, String host, int port) {
    return new BasicTarget(notBlank(name, "target name"), host, port);
  }

  /** A target at {@code address}'s host name (or literal address) and port. */
  static SshTarget of(InetSocketAddress address) {
    notNull(address, "target address");
    return of(address.getHostString(), address.getPort());
  }
}
