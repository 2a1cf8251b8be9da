package io.github.sshfaults.faults.internal.effects;


import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.ListenEffect;

/** Nothing listens on the host's port: every client gets "connection refused". */
public record Refuse() implements ListenEffect {

  @Override
  public Stage defaultStage() {
    return Stage.CONNECT;
  }

  @Override
  public void check(FaultSpec fault) {
    if (!fault.conditions().isEmpty()) {
      throw new IllegalArgumentException(
          "refuse() cannot have a trigger ("
              + FaultSpec.describe(fault.conditions())
              + "): a refused connection is never accepted, so there is nothing to count or"
              + " match; remove the fault to accept connections again");
    }
  }

  @Override
  public String toString() {
    return "refuse()";
  }
}
