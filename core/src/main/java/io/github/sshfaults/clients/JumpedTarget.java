package io.github.sshfaults.clients;

import java.util.Objects;
import java.util.Optional;

/**
 * The target behind {@link SshTarget#withJumpHost}: another target, reached through a jump host.
 */
final class JumpedTarget implements SshTarget {

  private final SshTarget inner;
  private final JumpHost jump;

  JumpedTarget(SshTarget inner, JumpHost jump) {
    this.inner = inner;
    this.jump = jump;
  }

  @Override
  public String host() {
    return inner.host();
  }

  @Override
  public int port() {
    return inner.port();
  }

  @Override
  public String displayName() {
    return inner.displayName() + " via " + jump.target().displayName();
  }

  @Override
  public Optional<JumpHost> jumpHost() {
    return Optional.of(jump);
  }

  /** The inner host's own name, without the jump host. */
  String innerName() {
    return inner.displayName();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JumpedTarget that && inner.equals(that.inner) && jump.equals(that.jump);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inner, jump);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
