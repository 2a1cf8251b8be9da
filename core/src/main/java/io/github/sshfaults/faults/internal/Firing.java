package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * A fault whose trigger holds on an occasion: what an effect hands to its stage's injector. It
 * takes effect only when the engine applies it, with {@link #takeEffect()}: a firing may be passed
 * over (a newer fault of the same occasion excluded it, the connection ended first), and then the
 * plan counts nothing for it, neither in its description nor against {@link Condition#limit()}.
 */
public final class Firing {

  private final int rule;
  private final Fault fault;
  private final FaultSpec spec;
  private final RandomGenerator random;
  private final long hostSeed;
  private final BooleanSupplier take;

  Firing(
      int rule,
      Fault fault,
      FaultSpec spec,
      RandomGenerator random,
      long hostSeed,
      BooleanSupplier take) {
    this.rule = rule;
    this.fault = fault;
    this.spec = spec;
    this.random = random;
    this.hostSeed = hostSeed;
    this.take = take;
  }

  /** The fault's position in the plan, from 1. */
  public int rule() {
    return rule;
  }

  /** The fault, for reports. */
  public Fault fault() {
    return fault;
  }

  /** Where the fault strikes. */
  public Stage stage() {
    return spec.stage();
  }

  /** The fault's byte count: 0 unless it acts after a number of bytes. */
  public long afterBytes() {
    return spec.afterBytes();
  }

  /** How long after its occasion the fault acts: zero unless it waits ({@code Fault.after}). */
  public Duration after() {
    return spec.after();
  }

  /** Which way the bytes the fault acts on flow. */
  public Direction direction() {
    return spec.direction();
  }

  /** The generator for this firing's own random choices (garbage bytes, say). */
  public RandomGenerator random() {
    return random;
  }

  /**
   * A generator derived from the host's seed and {@code parts} only: the same on every connection
   * and every occasion, for choices that must repeat (a seeded garbage banner).
   */
  public RandomGenerator seededOnly(long... parts) {
    return new SplittableRandom(Seeds.derive(hostSeed, parts));
  }

  /** One sample of {@code delay}, drawn from this firing's generator. */
  public Duration sample(Delay delay) {
    return ModelAccess.spec(delay).sample(random);
  }

  /**
   * Counts the fault as taking effect now; call it where the effect is applied (and reported), and
   * apply the effect only when it answers true. False means the fault reached its {@link
   * Condition#limit()} since it fired (another connection got there first): it must not act. Counts
   * go to the rule this firing came from, even after the plan changed.
   */
  public boolean takeEffect() {
    return take.getAsBoolean();
  }

  Effect effect() {
    return spec.effect();
  }

  @Override
  public String toString() {
    return "Firing[rule " + rule + ": " + fault + "]";
  }
}
