package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthMethodsEffect;
import io.github.sshfaults.faults.internal.Condition;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.internal.Preconditions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host requires these methods one after the other: the first earns partial success.
 *
 * @param methods at least two, none twice
 */
public record RequireAuthMethods(List<AuthMethod> methods) implements AuthMethodsEffect {

  /** Validates and copies the methods: at least two, none twice. */
  public RequireAuthMethods {
    methods = List.copyOf(notNull(methods, "authentication methods"));
    Preconditions.check(
        methods.size() >= 2, "requireAuthMethods needs at least two methods, but was " + methods);
    Preconditions.check(
        Set.copyOf(methods).size() == methods.size(),
        "requireAuthMethods names a method twice: " + methods);
  }

  @Override
  public Stage defaultStage() {
    return Stage.AUTH;
  }

  @Override
  public void check(FaultSpec fault) {
    for (Condition condition : fault.conditions()) {
      if (condition.needs() == Condition.Knowledge.USER) {
        throw new IllegalArgumentException(
            condition
                + " cannot trigger "
                + this
                + ": the host announces its methods before the client names its user");
      }
    }
  }

  @Override
  public void atAuthStart(AuthMethodsEffect.Injector injector, Firing firing) {
    injector.requireInTurn(methods, firing);
  }

  @Override
  public String toString() {
    return "requireAuthMethods("
        + methods.stream().map(AuthMethod::name).collect(Collectors.joining(", "))
        + ")";
  }
}
