package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNegative;

import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingEffect;

/**
 * The host refuses to open a channel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and a reason code:
 * one of {@link ChannelOpenFailure}'s, or any other that is not negative.
 *
 * @param reasonCode the code on the wire
 */
public record RejectChannelOpen(int reasonCode)
    implements ChannelOpenEffect, ForwardingEffect {

  /** Validates the reason code (0 or more). */
  public RejectChannelOpen {
    notNegative(reasonCode, "channel open failure reason code");
  }

  @Override
  public Stage defaultStage() {
    return Stage.CHANNEL_OPEN;
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.reject(reasonCode, firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.reject(reasonCode, firing);
  }

  @Override
  public String toString() {
    return reasonCode >= 1 && reasonCode <= ChannelOpenFailure.values().length
        ? "rejectChannelOpen(" + ChannelOpenFailure.of(reasonCode).name() + ")"
        : "rejectChannelOpenWithCode(" + reasonCode + ")";
  }
}
