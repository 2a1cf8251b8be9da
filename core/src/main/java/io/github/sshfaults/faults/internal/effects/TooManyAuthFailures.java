package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.Firing;

/**
 * At the {@code maxTries}-th failed authentication request of a connection the host sends {@code
 * SSH_MSG_DISCONNECT} reason 2, "Too many authentication failures", as OpenSSH does.
 *
 * @param maxTries at least 1
 */
public record TooManyAuthFailures(int maxTries) implements AuthEffect {

  /** Validates the number of tries. */
  public TooManyAuthFailures {
    positive(maxTries, "maximum authentication tries");
  }

  @Override
  public Stage defaultStage() {
    return Stage.AUTH;
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.disconnectAtFailure(maxTries, firing);
  }

  @Override
  public String toString() {
    return "tooManyAuthFailures(" + maxTries + ")";
  }
}
