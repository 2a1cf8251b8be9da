package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.inRange;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.Firing;

/**
 * The host sends {@code length} random bytes, drawn from the firing's seeded generator, instead of
 * its identification line, then closes.
 *
 * @param length how many bytes
 */
public record RandomGarbage(int length) implements BannerEffect {

  /** Validates the length. */
  public RandomGarbage {
    inRange(length, 1, 65536, "garbage length");
  }

  @Override
  public Stage defaultStage() {
    return Stage.BANNER;
  }

  @Override
  public void atBanner(BannerEffect.Injector injector, Firing firing) {
    byte[] bytes = new byte[length];
    firing.random().nextBytes(bytes);
    injector.sendInsteadOfBanner(bytes, "random bytes", firing);
  }

  @Override
  public String toString() {
    return "garbageBanner()";
  }
}
