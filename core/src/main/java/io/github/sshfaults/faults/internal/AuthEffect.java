package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#AUTH}: the host answers one authentication
 * request. Once per request.
 */
public interface AuthEffect extends Effect {

  /**
   * Whether this effect can act on the request {@code injector} is about; when it cannot, the
   * request is no occasion for the fault, and its counts do not move.
   */
  default boolean actsOn(Injector injector) {
    return true;
  }

  /** Tells {@code injector} what this effect does to the answer. */
  void atAuth(Injector injector, Firing firing);

  /** What the engine can do to the answer to one authentication request. */
  interface Injector extends Endings.CanDrop, Endings.CanHang, Endings.CanDisconnect {
    /** The method of the request. */
    AuthMethod method();

    /** Rejects the request, whatever the credentials. */
    void reject(Firing firing);

    /** Sends the answer late by a sample of {@code delay}. */
    void delayAnswer(Delay delay, Firing firing);

    /**
     * Sends the answer late by a sample of {@code delay} if it is a failure; a success goes at
     * once. Faults that delay the answer exclude each other: the first told that applies wins.
     */
    void delayFailure(Delay delay, Firing firing);

    /**
     * Counts the request if it fails; at the {@code maxTries}-th failure of the connection, sends
     * {@code SSH_MSG_DISCONNECT} reason 2 "Too many authentication failures" instead of the answer.
     */
    void disconnectAtFailure(int maxTries, Firing firing);
  }
}
