package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notBlank;

import java.util.Objects;

/** The target behind {@link SshTarget}'s factories: equal when name, host and port are. */
final class BasicTarget implements SshTarget {

  private final String name;
  private final String host;
  private final int port;

  /**
   * @param name the display name, or null for {@code host:port}
   */
  BasicTarget(String name, String host, int port) {
    this.name = name;
    this.host = notBlank(host, "host");
    this.port = inRange(port, 1, 65535, "port");
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String displayName() {
    return name != null ? name : SshTarget.super.displayName();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BasicTarget that
        && port == that.port
        && host.equals(that.host)
        && Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, host, port);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
