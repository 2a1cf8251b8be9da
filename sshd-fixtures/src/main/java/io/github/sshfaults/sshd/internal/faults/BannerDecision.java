package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.internal.Durations;
import java.time.Duration;

/**
 * The faults at {@link io.github.sshfaults.faults.Stage#BANNER} of one connection: one delay and
 * one replacement of the identification line, applied in that order, so that a late banner is late
 * also when it is garbage.
 */
final class BannerDecision implements BannerEffect.Injector {

  private final OneOf delay = new OneOf();
  private final OneOf garbage = new OneOf();
  private final FaultEngine engine;
  private final Connection connection;

  BannerDecision(FaultEngine engine, Connection connection) {
    this.engine = engine;
    this.connection = connection;
  }

  @Override
  public void delayBanner(Delay delay, Firing firing) {
    this.delay.add(
        () -> {
          Duration late = firing.sample(delay);
          if (!engine.fired(
              connection, firing, "delayed the banner by " + Durations.format(late))) {
            return false;
          }
          connection.wire().wire().delayFirstWrites(late.toNanos());
          return true;
        });
  }

  @Override
  public void sendInsteadOfBanner(byte[] bytes, String what, Firing firing) {
    garbage.add(
        () -> {
          if (!engine.fired(
              connection, firing, "sent " + what + " instead of the banner, then closed", true)) {
            return false;
          }
          connection.wire().wire().sendThenDrop(bytes);
          return true;
        });
  }

  /**
   * Applies what the faults asked for.
   *
   * @return whether the banner was replaced, which ends the connection
   */
  boolean apply() {
    delay.apply();
    return garbage.apply();
  }
}
