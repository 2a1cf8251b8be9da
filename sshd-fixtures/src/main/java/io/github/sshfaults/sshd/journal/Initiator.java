package io.github.sshfaults.sshd.journal;

/** Which side ended a connection or sent a disconnect message. */
public enum Initiator {
  /** The SSH client: it sent a disconnect, closed the socket, or its connection reset. */
  CLIENT,
  /** The fake host itself: a protocol error, a timeout, or the host being closed. */
  SERVER,
  /** A fault the test asked for. */
  FAULT
}
