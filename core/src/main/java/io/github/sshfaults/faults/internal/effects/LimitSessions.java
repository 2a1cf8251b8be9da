package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AfterAuthEffect;
import io.github.sshfaults.faults.internal.Firing;

/**
 * The host disconnects a newly authenticated connection when {@code max} are already open.
 *
 * @param max at least 1
 */
public record LimitSessions(int max) implements AfterAuthEffect {

  /** Validates the limit. */
  public LimitSessions {
    positive(max, "session limit");
  }

  @Override
  public Stage defaultStage() {
    return Stage.AFTER_AUTH;
  }

  /** Only a connection beyond the limit is an occasion for the fault. */
  @Override
  public boolean actsOn(AfterAuthEffect.Injector injector) {
    return injector.authenticatedConnections() > max;
  }

  @Override
  public void atAfterAuth(AfterAuthEffect.Injector injector, Firing firing) {
    injector.limitSessions(max, firing);
  }

  @Override
  public String toString() {
    return "limitSessions(" + max + ")";
  }
}
