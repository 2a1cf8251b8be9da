package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notNull;

import java.util.Objects;

/**
 * The bastion in front of a target, and how to log in to it: what {@link
 * SshTarget#withJumpHost(SshTarget, SshLogin)} attaches to a target, and what the client adapters
 * read from {@link SshTarget#jumpHost()}. Immutable.
 *
 * <pre>{@code
 * SshTarget web1 = SshTarget.of("web-1", "10.0.0.5", 22).withJumpHost(bastion, bastionLogin);
 * web1.jumpHost().get().target();   // bastion
 * }</pre>
 */
public final class JumpHost {

  private final SshTarget target;
  private final SshLogin login;

  private JumpHost(SshTarget target, SshLogin login) {
    this.target = target;
    this.login = login;
  }

  /**
   * The jump host at {@code target}, logged in to with {@code login}.
   *
   * @throws IllegalArgumentException when {@code target} is itself reached through a jump host (one
   *     hop is supported)
   */
  static JumpHost of(SshTarget target, SshLogin login) {
    notNull(target, "jump host");
    notNull(login, "login of jump host " + target.displayName());
    check(
        target.jumpHost().isEmpty(),
        "jump host "
            + target.displayName()
            + " is itself reached through a jump host: one hop is supported; reach the inner"
            + " host through the last bastion only");
    return new JumpHost(target, login);
  }

  /** Where the jump host is. */
  public SshTarget target() {
    return target;
  }

  /** How the adapters log in to the jump host. */
  public SshLogin login() {
    return login;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JumpHost that && target.equals(that.target) && login == that.login;
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, System.identityHashCode(login));
  }

  /** The jump host's display name and its login, never the password or key. */
  @Override
  public String toString() {
    return "JumpHost[" + target.displayName() + ", " + login + "]";
  }
}
