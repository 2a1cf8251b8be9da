package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;

/**
 * One fault applied to one connection.
 *
 * @param connectionIndex the connection's index, 1 for the host's first connection
 * @param stage where it struck
 * @param rule the fault's position in the host's plan, from 1
 * @param fault the fault
 * @param description what happened, for people: {@code "reset the connection before the banner"}
 */
public record FaultEvent(
    int connectionIndex, Stage stage, int rule, Fault fault, String description) {

  /** Whether the fault closes the connection (drop, reset, disconnect), rather than shaping it. */
  public boolean endsConnection() {
    Effect effect = fault.effect();
    return effect instanceof Effect.Drop
        || effect instanceof Effect.Reset
        || effect instanceof Effect.Disconnect
        || effect instanceof Effect.GarbageText
        || effect instanceof Effect.RandomGarbage;
  }

  @Override
  public String toString() {
    return "connection " + connectionIndex + ", " + stage + ", fault " + rule + ": " + description;
  }
}
