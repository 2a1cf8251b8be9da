package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.Firing;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host rejects authentication by these methods, or by any method when empty.
 *
 * @param methods the methods rejected; every method when empty
 */
public record RejectAuth(Set<AuthMethod> methods) implements AuthEffect {

  /** Copies the methods. */
  public RejectAuth {
    methods = Set.copyOf(notNull(methods, "authentication methods"));
  }

  @Override
  public Stage defaultStage() {
    return Stage.AUTH;
  }

  /** A request by another method than those rejected is no occasion for the fault. */
  @Override
  public boolean actsOn(AuthEffect.Injector injector) {
    return methods.isEmpty() || methods.contains(injector.method());
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.reject(firing);
  }

  @Override
  public String toString() {
    return "rejectAuth("
        + methods.stream().sorted().map(AuthMethod::name).collect(Collectors.joining(", "))
        + ")";
  }
}
