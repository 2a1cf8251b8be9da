package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.KexEffect;

/**
 * The host offers only algorithms of {@code kind} that no client implements.
 *
 * @param kind which family of algorithms
 */
public record NoCommonAlgorithm(AlgorithmKind kind) implements KexEffect {

  /** Validates the kind. */
  public NoCommonAlgorithm {
    notNull(kind, "algorithm kind");
  }

  @Override
  public Stage defaultStage() {
    return Stage.KEX;
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.offerNothingFor(kind, firing);
  }

  @Override
  public String toString() {
    return "noCommonAlgorithm(" + kind + ")";
  }
}
