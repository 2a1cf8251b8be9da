package io.github.sshfaults.faults;

/**
 * Which way bytes flow, for faults at {@link Stage#TRANSPORT} (the connection) and {@link
 * Stage#FORWARDING} (one tunnel: from the client to the destination, or back).
 */
public enum Direction {

  /** From the fake host to the client. */
  TO_CLIENT,

  /** From the client to the fake host. */
  FROM_CLIENT
}
