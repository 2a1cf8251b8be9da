package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Stage;

/**
 * What a fault does, as the engine sees it: one record per effect (in {@code
 * faults.internal.effects}), built by {@link io.github.sshfaults.faults.Fault}'s factories.
 *
 * <p>An effect says where it can act by the stage interfaces it implements ({@link ConnectEffect},
 * {@link AuthEffect}, ...): each has one method that tells that stage's injector what to do, so the
 * engine never asks which effect it holds. The stages a fault may be placed at, and whether it
 * takes a byte count or a direction there, are read from those interfaces ({@link OccasionKind}).
 * Its {@code toString()} is the factory call that makes it.
 */
public interface Effect {

  /** Where a fault with this effect strikes unless told otherwise. */
  Stage defaultStage();

  /**
   * Rejects a fault with this effect that cannot work for a reason only the effect knows; the
   * stage, byte count, direction and trigger checks every fault gets are done already.
   *
   * @throws IllegalArgumentException naming the problem and the fix
   */
  default void check(FaultSpec fault) {}
}
