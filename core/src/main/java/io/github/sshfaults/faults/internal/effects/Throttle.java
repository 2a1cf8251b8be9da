package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.TransportEffect;

/**
 * Bytes flow at most at {@code bytesPerSecond}, in chunks of at most {@code chunkSize}.
 *
 * @param bytesPerSecond at least 1
 * @param chunkSize 1 to 1 MiB
 */
public record Throttle(long bytesPerSecond, int chunkSize)
    implements ExecEffect, TransportEffect, TransportEffect.OneWay, ForwardingEffect {

  /** Validates the rate and chunk size. */
  public Throttle {
    positive(bytesPerSecond, "bytes per second");
    inRange(chunkSize, 1, 1 << 20, "chunk size");
  }

  @Override
  public Stage defaultStage() {
    return Stage.EXEC;
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.throttle(bytesPerSecond, chunkSize, firing);
  }

  @Override
  public void atTransport(TransportEffect.Injector injector, Firing firing) {
    injector.throttle(bytesPerSecond, chunkSize, firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.throttle(bytesPerSecond, chunkSize, firing);
  }

  @Override
  public String toString() {
    return "throttle(" + bytesPerSecond + " bytes/s, chunks of " + chunkSize + ")";
  }
}
