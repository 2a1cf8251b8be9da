package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notNull;

import java.io.IOException;

/**
 * A task on a target reached through a jump host ({@link SshTarget#withJumpHost}) failed, and this
 * says on which hop: the jump host itself, the tunnel the jump host was asked to open to the inner
 * host, or the inner host. What went wrong is the cause, unchanged.
 *
 * <pre>{@code
 * jump host bastion (127.0.0.1:40123): UserAuthException: Exhausted available authentication...
 * jump host bastion (127.0.0.1:40123) could not open a tunnel to inner host web-1 (127.0.0.1:...
 * inner host web-1 (127.0.0.1:40125) via bastion: NoExitCodeException: command "uptime" on ...
 * }</pre>
 *
 * <p>{@link io.github.sshfaults.concurrent.FailureKind#of} classifies it by its cause, as if the
 * hop had been reached directly: a rejected login on either hop is {@code AUTH}, a command cut on
 * the inner host {@code DISCONNECTED}. A tunnel the jump host refused ({@link Hop#TUNNEL}, its
 * cause a channel open failure such as {@code SSH_OPEN_CONNECT_FAILED}) is {@code CONNECT_REFUSED},
 * not {@code CHANNEL}: the tunnel is the inner host's TCP connection, and a bastion that cannot
 * open it is how an inner host that is down or unreachable looks through a jump host; code that
 * retries or reports a refused connection treats the inner host the same whether it is reached
 * directly or not. The reason code stays in the cause (MINA SSHD's port forwarding does not tell
 * it). A tunnel the jump host never answered is {@code CONNECT_TIMEOUT}, for the same reason; one
 * that failed because the jump host's own connection ended is {@code DISCONNECTED}.
 */
public final class HopFailedException extends IOException {

  /** Which hop of a connection through a jump host failed. */
  public enum Hop {
    /** Connecting or logging in to the jump host. */
    JUMP_HOST,
    /** The jump host did not open the tunnel to the inner host (refused it, or never answered). */
    TUNNEL,
    /** Connecting or logging in to the inner host through the tunnel, or the work on it. */
    INNER_HOST
  }

  private final Hop hop;
  private final transient SshTarget target;

  /**
   * Creates the exception for a failure on {@code hop} of a task on {@code target}.
   *
   * @param target a target with a {@link SshTarget#jumpHost()}
   * @param cause what went wrong on that hop
   * @throws IllegalArgumentException when {@code target} has no jump host
   */
  public HopFailedException(Hop hop, SshTarget target, Throwable cause) {
    super(describe(notNull(hop, "hop"), notNull(target, "target")) + ": " + summary(cause), cause);
    this.hop = hop;
    this.target = target;
  }

  /** The hop that failed. */
  public Hop hop() {
    return hop;
  }

  /** The target of the task, reached through its jump host. */
  public SshTarget target() {
    return target;
  }

  /**
   * The hop in words, as the message starts: {@code jump host bastion (127.0.0.1:40123)}, {@code
   * jump host bastion (...) could not open a tunnel to inner host web-1 (...)}, {@code inner host
   * web-1 (127.0.0.1:40125) via bastion}.
   */
  public String hopDescription() {
    return describe(hop, target);
  }

  private static String describe(Hop hop, SshTarget target) {
    check(
        target.jumpHost().isPresent(),
        "target "
            + target.displayName()
            + " has no jump host: use SshTarget.withJumpHost(bastion, login)");
    SshTarget jump = target.jumpHost().get().target();
    String innerName =
        target instanceof JumpedTarget jumped ? jumped.innerName() : target.displayName();
    String inner = named(innerName, SshTarget.of(target.host(), target.port()).displayName());
    return switch (hop) {
      case JUMP_HOST -> "jump host " + named(jump);
      case TUNNEL -> "jump host " + named(jump) + " could not open a tunnel to inner host " + inner;
      case INNER_HOST -> "inner host " + inner + " via " + jump.displayName();
    };
  }

  /** {@code name (host:port)}, or only {@code host:port} when that is the name. */
  private static String named(SshTarget target) {
    return named(target.displayName(), SshTarget.of(target.host(), target.port()).displayName());
  }

  private static String named(String name, String address) {
    return name.equals(address) ? address : name + " (" + address + ")";
  }

  private static String summary(Throwable cause) {
    if (cause == null) {
      return "(no cause)";
    }
    String name = cause.getClass().getSimpleName();
    return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
  }
}
