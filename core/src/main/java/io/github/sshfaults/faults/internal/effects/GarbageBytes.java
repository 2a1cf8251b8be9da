package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.Firing;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The host sends exactly these bytes instead of its identification line, then closes (FIN): the
 * same bytes on every connection. A value: equal when the bytes are.
 */
public final class GarbageBytes implements BannerEffect {

  /** The most bytes a garbage banner may have. */
  public static final int MAX_LENGTH = 65536;

  private final byte[] bytes;

  /**
   * Copies and validates {@code bytes}.
   *
   * @throws IllegalArgumentException when null, empty or longer than {@value #MAX_LENGTH}
   */
  public GarbageBytes(byte[] bytes) {
    notNull(bytes, "garbage banner bytes");
    inRange(bytes.length, 1, MAX_LENGTH, "number of garbage banner bytes");
    this.bytes = bytes.clone();
  }

  @Override
  public Stage defaultStage() {
    return Stage.BANNER;
  }

  @Override
  public void atBanner(BannerEffect.Injector injector, Firing firing) {
    injector.sendInsteadOfBanner(bytes.clone(), bytes.length + " bytes", firing);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GarbageBytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** {@code garbageBanner(hex:0d0a00ff)}: the text form of the bytes. */
  @Override
  public String toString() {
    return "garbageBanner(hex:" + HexFormat.of().formatHex(bytes) + ")";
  }
}
