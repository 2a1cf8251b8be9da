package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.Firing;
import java.nio.charset.StandardCharsets;

/**
 * The host sends {@code text} instead of its identification line, then closes (FIN).
 *
 * @param text what it sends, in UTF-8
 */
public record GarbageText(String text) implements BannerEffect {

  /** Validates the text. */
  public GarbageText {
    notEmpty(text, "garbage banner text");
  }

  @Override
  public Stage defaultStage() {
    return Stage.BANNER;
  }

  @Override
  public void atBanner(BannerEffect.Injector injector, Firing firing) {
    injector.sendInsteadOfBanner(text.getBytes(StandardCharsets.UTF_8), "garbage", firing);
  }

  @Override
  public String toString() {
    return "garbageBanner(" + quote(text) + ")";
  }
}
