package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.internal.faults.Connection;
import org.apache.sshd.common.session.Session;

/**
 * The index of a fake host's connection: 1 for the first connection the host accepted, 2 for the
 * next, in accept order, across restarts. Assigned in one place, when the socket is accepted and
 * before MINA SSHD creates the session, so it is there from the session's first event on.
 */
public final class ConnectionIndex {

  /** What {@link #of(Session)} returns for a session no fake host accepted. */
  public static final int UNKNOWN = 0;

  private ConnectionIndex() {}

  /** The index of {@code session}'s connection, or {@link #UNKNOWN}. */
  public static int of(Session session) {
    Connection connection = Connection.of(session);
    return connection == null ? UNKNOWN : connection.index();
  }
}
