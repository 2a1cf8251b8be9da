package io.github.sshfaults.faults.internal;

/**
 * The ways a fault can end or stall a connection, shared by the injectors of the stages where they
 * can happen. Each stage's injector extends the ones its stage offers: a reset, for one, needs
 * unread bytes from the client, which no stage guarantees while the client waits for its
 * authentication answer, so {@link AuthEffect.Injector} has no {@link CanReset}.
 */
public final class Endings {

  private Endings() {}

  /** Can close the connection with a TCP FIN and no SSH goodbye. */
  public interface CanDrop {
    /** Closes the connection (FIN), as {@code firing} says. */
    void drop(Firing firing);
  }

  /** Can reset the connection (TCP RST). */
  public interface CanReset {
    /** Resets the connection (RST), as {@code firing} says. */
    void reset(Firing firing);
  }

  /** Can stop answering, keeping the connection open. */
  public interface CanHang {
    /** Stops answering, as {@code firing} says. */
    void hang(Firing firing);
  }

  /** Can send {@code SSH_MSG_DISCONNECT}, then close. */
  public interface CanDisconnect {
    /** Sends {@code SSH_MSG_DISCONNECT} with this reason code and message, then closes. */
    void disconnect(int reasonCode, String message, Firing firing);
  }
}
