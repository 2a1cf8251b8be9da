package io.github.sshfaults.faults;

/** Which way bytes flow on a connection, for faults at {@link Stage#TRANSPORT}. */
public enum Direction {

  /** From the fake host to the client. */
  TO_CLIENT,

  /** From the client to the fake host. */
  FROM_CLIENT
}
