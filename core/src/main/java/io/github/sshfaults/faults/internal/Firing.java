package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Fault;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * A fault whose trigger holds on an occasion. Whether it then takes effect is for the engine to
 * say, with {@link #applied()}: a firing may be passed over (an earlier fault of the same occasion
 * ended the connection, a limit was not reached, the method was not one the fault rejects), and the
 * plan's description counts only what took effect.
 */
public final class Firing {

  private final int rule;
  private final Fault fault;
  private final RandomGenerator random;
  private final AtomicInteger appliedCount;

  Firing(int rule, Fault fault, RandomGenerator random, AtomicInteger appliedCount) {
    this.rule = rule;
    this.fault = fault;
    this.random = random;
    this.appliedCount = appliedCount;
  }

  /** The fault's position in the plan, from 1. */
  public int rule() {
    return rule;
  }

  /** The fault. */
  public Fault fault() {
    return fault;
  }

  /** The generator for this firing's own random choices (a delay, garbage bytes). */
  public RandomGenerator random() {
    return random;
  }

  /**
   * Records that the fault took effect on this occasion; call it once, where the effect is applied
   * (and reported). Counts go to the rule this firing came from, even after the plan changed.
   */
  public void applied() {
    appliedCount.incrementAndGet();
  }

  @Override
  public String toString() {
    return "Firing[rule " + rule + ": " + fault + "]";
  }
}
