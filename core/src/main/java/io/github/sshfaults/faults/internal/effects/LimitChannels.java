package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.Firing;

/**
 * The host refuses a channel when the connection already has {@code max} open.
 *
 * @param max at least 1
 */
public record LimitChannels(int max) implements ChannelOpenEffect {

  /** Validates the limit. */
  public LimitChannels {
    positive(max, "channel limit");
  }

  @Override
  public Stage defaultStage() {
    return Stage.CHANNEL_OPEN;
  }

  /** Only a channel beyond the limit is an occasion for the fault. */
  @Override
  public boolean actsOn(ChannelOpenEffect.Injector injector) {
    return injector.openChannels() >= max;
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.limitChannels(max, firing);
  }

  @Override
  public String toString() {
    return "limitChannels(" + max + ")";
  }
}
