package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#AFTER_AUTH}: right after the host told the
 * client it is authenticated. Once per connection.
 */
public interface AfterAuthEffect extends Effect {

  /**
   * Whether this effect can act on the connection {@code injector} is about; when it cannot, the
   * connection is no occasion for the fault.
   */
  default boolean actsOn(Injector injector) {
    return true;
  }

  /** Tells {@code injector} what this effect does to the connection. */
  void atAfterAuth(Injector injector, Firing firing);

  /** What the engine can do to a connection that has just authenticated. */
  interface Injector extends Endings.CanDrop, Endings.CanReset, Endings.CanDisconnect {
    /** How many authenticated connections the host has open, this one included. */
    long authenticatedConnections();

    /**
     * Disconnects the connection with reason 12, too many connections, as a host allowing at most
     * {@code max} authenticated connections does.
     */
    void limitSessions(int max, Firing firing);
  }
}
