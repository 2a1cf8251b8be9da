package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.Firing;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host answers a failed authentication request by these methods late, as PAM's failure delay
 * makes sshd do; a success is answered at once.
 *
 * @param delay how late
 * @param methods the methods whose failures are late; every method when empty
 */
public record DelayedAuthFailure(Delay delay, Set<AuthMethod> methods) implements AuthEffect {

  /** Validates the delay and copies the methods. */
  public DelayedAuthFailure {
    notNull(delay, "delay");
    methods = Set.copyOf(notNull(methods, "authentication methods"));
  }

  @Override
  public Stage defaultStage() {
    return Stage.AUTH;
  }

  /** A request by another method than those named is no occasion for the fault. */
  @Override
  public boolean actsOn(AuthEffect.Injector injector) {
    return methods.isEmpty() || methods.contains(injector.method());
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.delayFailure(delay, firing);
  }

  @Override
  public String toString() {
    return "delayAuthFailures("
        + delay
        + methods.stream().sorted().map(m -> ", " + m.name()).collect(Collectors.joining())
        + ")";
  }
}
