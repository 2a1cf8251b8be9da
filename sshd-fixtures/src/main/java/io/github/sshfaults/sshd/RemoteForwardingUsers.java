package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.sshd.internal.tunnel.RemotePermits;
import java.util.LinkedHashSet;
import java.util.Set;

/** The users of a host who may have ports forwarded ({@code tcpip-forward}). Thread-safe. */
final class RemoteForwardingUsers implements RemotePermits {

  private volatile Set<String> allowed = Set.of();

  /** Lets {@code user} have ports forwarded too. */
  synchronized void allow(String user) {
    Set<String> next = new LinkedHashSet<>(allowed);
    next.add(user);
    allowed = Set.copyOf(next);
  }

  /** The permissions now, for a baseline. */
  Set<String> snapshot() {
    return allowed;
  }

  /** Returns to the permissions of {@code snapshot}. */
  void restore(Set<String> snapshot) {
    allowed = snapshot;
  }

  @Override
  public String refusal(String user) {
    if (user != null && allowed.contains(user)) {
      return null;
    }
    return "user "
        + quote(String.valueOf(user))
        + " may not forward remote ports; allow it with FakeSshHost.allowRemoteForwarding(user)";
  }
}
