package io.github.sshfaults.sshd.internal.faults;

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
 * @param endsConnection whether the fault closes the connection (a drop, a reset, a disconnect, a
 *     garbage banner), rather than shaping or stalling it
 */
public record FaultEvent(
    int connectionIndex,
    Stage stage,
    int rule,
    Fault fault,
    String description,
    boolean endsConnection) {

  @Override
  public String toString() {
    return "connection " + connectionIndex + ", " + stage + ", fault " + rule + ": " + description;
  }
}
