package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Trigger;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's one door into the state of the public model values. {@link Fault}, {@link Trigger}
 * and {@link Delay} are plain values: their state is private, and they publish no getter that would
 * make an internal type part of the API. Each installs a reader here from its static initializer;
 * since a value exists only once its class is initialized, the reader is always there when a value
 * is read (the same pattern as the JDK's {@code SharedSecrets}).
 */
public final class ModelAccess {

  private static volatile Function<Fault, FaultSpec> faults;
  private static volatile Function<Trigger, List<Condition>> triggers;
  private static volatile Function<Delay, DelaySpec> delays;

  private ModelAccess() {}

  /** Called once, by {@link Fault}'s static initializer. */
  public static void readFaultsWith(Function<Fault, FaultSpec> reader) {
    faults = installOnce(faults, reader);
  }

  /** Called once, by {@link Trigger}'s static initializer. */
  public static void readTriggersWith(Function<Trigger, List<Condition>> reader) {
    triggers = installOnce(triggers, reader);
  }

  /** Called once, by {@link Delay}'s static initializer. */
  public static void readDelaysWith(Function<Delay, DelaySpec> reader) {
    delays = installOnce(delays, reader);
  }

  /** What {@code fault} is made of. */
  public static FaultSpec spec(Fault fault) {
    return faults.apply(notNull(fault, "fault"));
  }

  /** The conditions of {@code trigger}, in the order they were combined; empty for always. */
  public static List<Condition> conditions(Trigger trigger) {
    return triggers.apply(notNull(trigger, "trigger"));
  }

  /** The distribution of {@code delay}. */
  public static DelaySpec spec(Delay delay) {
    return delays.apply(notNull(delay, "delay"));
  }

  private static <T> T installOnce(T current, T reader) {
    if (current != null) {
      throw new IllegalStateException("a reader is installed already");
    }
    return notNull(reader, "reader");
  }
}
