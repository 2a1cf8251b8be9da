package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.CheckReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable, ordered list of faults, oldest first. When several faults fire on the same occasion
 * and exclude each other (a reset and a drop, two exit codes), the one later in the plan, the most
 * recently added, wins, as the most recently added command stub answers; faults that combine (a
 * delay and a rejection) all apply. See {@link Fault} for which faults exclude each other.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.of(
 *     Fault.delay(Duration.ofMillis(300)),
 *     Fault.resetConnection().withProbability(0.1));
 * host.faults().replace(plan);
 * }</pre>
 */
@CheckReturnValue
public final class FaultPlan {

  private static final FaultPlan EMPTY = new FaultPlan(List.of());

  private final List<Fault> faults;

  private FaultPlan(List<Fault> faults) {
    this.faults = List.copyOf(faults);
  }

  /** The plan without faults: a host that works. */
  public static FaultPlan empty() {
    return EMPTY;
  }

  /** A plan with these faults, in this order. */
  public static FaultPlan of(Fault... faults) {
    return of(Arrays.asList(notNull(faults, "faults")));
  }

  /** A plan with these faults, in iteration order. */
  public static FaultPlan of(Collection<Fault> faults) {
    notNull(faults, "faults");
    faults.forEach(fault -> notNull(fault, "fault"));
    return faults.isEmpty() ? EMPTY : new FaultPlan(new ArrayList<>(faults));
  }

  /** A plan with this plan's faults followed by {@code more}, which take precedence over them. */
  public FaultPlan with(Fault... more) {
    List<Fault> all = new ArrayList<>(faults);
    all.addAll(of(more).faults);
    return new FaultPlan(all);
  }

  /** The faults, in order. */
  public List<Fault> faults() {
    return faults;
  }

  /** Whether the plan has no faults. */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaultPlan that && faults.equals(that.faults);
  }

  @Override
  public int hashCode() {
    return faults.hashCode();
  }

  /**
   * One numbered fault per line, {@code 1. resetConnection() at CONNECT}, or {@code (no faults)}.
   */
  @Override
  public String toString() {
    if (faults.isEmpty()) {
      return "(no faults)";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < faults.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(i + 1).append(". ").append(faults.get(i));
    }
    return text.toString();
  }
}
