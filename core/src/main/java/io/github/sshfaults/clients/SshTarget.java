package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;

import java.net.InetSocketAddress;
import java.util.Optional;

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
   * The jump host (bastion) the client adapters connect through to reach this target; empty for a
   * target reached directly, as by default.
   */
  default Optional<JumpHost> jumpHost() {
    return Optional.empty();
  }

  /**
   * This target, reached through the jump host {@code bastion} logged in to with {@code
   * bastionLogin}: the client adapters log in to the jump host, open a tunnel from it to this
   * target's {@link #host()} and {@link #port()} (as the jump host resolves them), and log in to
   * this target through that tunnel, as OpenSSH's {@code ProxyJump} does. Reports name it {@code
   * web-1 via bastion}.
   *
   * <pre>{@code
   * SshTarget web1 = inner.withJumpHost(bastion, SshLogin.password("alice", "secret"));
   * runner.run(List.of(web1), SshjClientAdapter.factory(),
   *     (sshj, target) -> sshj.exec(target, SshLogin.password("deploy", "s3cret"), "uptime"));
   * }</pre>
   *
   * <p>Whatever fails on the way is reported as a {@link HopFailedException} that names the hop:
   * the jump host, the tunnel, or this target; {@link io.github.sshfaults.concurrent.FailureKind}
   * classifies it by what went wrong on that hop.
   *
   * @throws IllegalArgumentException when this target or {@code bastion} is already reached through
   *     a jump host (one hop is supported)
   */
  default SshTarget withJumpHost(SshTarget bastion, SshLogin bastionLogin) {
    check(
        jumpHost().isEmpty(),
        displayName()
            + " is already reached through jump host "
            + jumpHost().map(jump -> jump.target().displayName()).orElse("")
            + ": one hop is supported");
    return new JumpedTarget(this, JumpHost.of(bastion, bastionLogin));
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
