package io.github.sshfaults.sshd.internal.tunnel;

/** Which users a host lets ask for remote forwarding ({@code tcpip-forward}). */
@FunctionalInterface
public interface RemotePermits {

  /** Why {@code user} may not have a port forwarded, or null when the user may. */
  String refusal(String user);
}
