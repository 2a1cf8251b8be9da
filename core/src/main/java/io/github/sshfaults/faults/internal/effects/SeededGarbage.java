package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.inRange;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.Firing;

/**
 * The host sends {@code length} bytes instead of its identification line, then closes: bytes drawn
 * from the host's seed alone, so every connection gets the same ones, and a host with the same
 * seed sends them again.
 *
 * @param length how many bytes
 */
public record SeededGarbage(int length) implements BannerEffect {

  // Keeps these bytes apart from any other draw derived from the same seed.
  private static final long PURPOSE = 0x6761726261676531L;

  /** Validates the length. */
  public SeededGarbage {
    inRange(length, 1, GarbageBytes.MAX_LENGTH, "garbage banner length");
  }

  @Override
  public Stage defaultStage() {
    return Stage.BANNER;
  }

  @Override
  public void atBanner(BannerEffect.Injector injector, Firing firing) {
    byte[] bytes = new byte[length];
    firing.seededOnly(PURPOSE, length).nextBytes(bytes);
    injector.sendInsteadOfBanner(bytes, length + " seeded bytes", firing);
  }

  @Override
  public String toString() {
    return "garbageBanner(" + length + ")";
  }
}
