package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.internal.Firing;

/**
 * How a fault ends or stalls a connection, as decided on one occasion: the engine applies it with
 * {@link FaultEngine#end(Connection, Ending, String)}.
 *
 * @param how what happens on the wire
 * @param firing the fault it comes from
 * @param reasonCode the disconnect reason code, for {@link How#DISCONNECT}
 * @param message the disconnect message, for {@link How#DISCONNECT}
 * @param description what the journal says it did, or null for the usual words
 */
record Ending(How how, Firing firing, int reasonCode, String message, String description) {

  /** What happens on the wire. */
  enum How {
    /** The pending writes go out, then a FIN. */
    DROP,
    /** An RST. */
    RESET,
    /** Nothing more goes out; the connection stays open. */
    HANG,
    /** {@code SSH_MSG_DISCONNECT}, then a FIN. */
    DISCONNECT
  }

  static Ending drop(Firing firing) {
    return new Ending(How.DROP, firing, 0, null, null);
  }

  static Ending reset(Firing firing) {
    return new Ending(How.RESET, firing, 0, null, null);
  }

  static Ending hang(Firing firing) {
    return new Ending(How.HANG, firing, 0, null, null);
  }

  static Ending disconnect(int reasonCode, String message, Firing firing) {
    return new Ending(How.DISCONNECT, firing, reasonCode, message, null);
  }

  /** This ending, described as {@code description} in the journal. */
  Ending describedAs(String description) {
    return new Ending(how, firing, reasonCode, message, description);
  }

  /** Whether it closes the connection, rather than stalling it. */
  boolean closes() {
    return how != How.HANG;
  }
}
