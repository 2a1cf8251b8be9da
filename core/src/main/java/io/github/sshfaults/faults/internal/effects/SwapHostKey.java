package io.github.sshfaults.faults.internal.effects;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.KexEffect;

/** The host presents another host key of the same type. */
public record SwapHostKey() implements KexEffect {

  @Override
  public Stage defaultStage() {
    return Stage.KEX;
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.swapHostKey(firing);
  }

  @Override
  public String toString() {
    return "swapHostKey()";
  }
}
