package io.github.sshfaults.faults.internal;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The random source of one connection. Each decision gets its own generator, derived from the
 * host's seed, the connection's index, the fault's position in the plan and how many times that
 * fault was considered on this connection: never from a shared generator, so the decisions of one
 * connection do not depend on what other connections did or when.
 */
public final class ConnectionDice {

  private final long seed;
  private final int index;
  private final ConcurrentHashMap<Integer, AtomicInteger> occurrences = new ConcurrentHashMap<>();

  /**
   * Dice for connection {@code index} (1-based, in accept order) of a host seeded with {@code
   * seed}.
   */
  public ConnectionDice(long seed, int index) {
    this.seed = seed;
    this.index = index;
  }

  /** The connection's index: 1 for the first connection the host accepted. */
  public int index() {
    return index;
  }

  /** The host's seed. */
  long seed() {
    return seed;
  }

  /** A fresh generator for the next decision about the fault at position {@code rule}. */
  RandomGenerator next(int rule) {
    int occurrence = occurrences.computeIfAbsent(rule, r -> new AtomicInteger()).getAndIncrement();
    return new SplittableRandom(Seeds.derive(seed, index, rule, occurrence));
  }
}
