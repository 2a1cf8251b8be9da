package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.HostFaults;
import java.util.concurrent.ThreadLocalRandom;

/** Where a host's seed comes from, and how per-decision seeds derive from it. */
public final class Seeds {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * The seed of a new host: {@code explicit} when the test set one, else the value of the system
   * property {@value HostFaults#SEED_PROPERTY}, else a fresh random one.
   *
   * @throws IllegalArgumentException naming the property when its value is not a number
   */
  public static long resolve(Long explicit) {
    if (explicit != null) {
      return explicit;
    }
    String property = System.getProperty(HostFaults.SEED_PROPERTY);
    if (property == null || property.isBlank()) {
      return ThreadLocalRandom.current().nextLong();
    }
    try {
      return Long.parseLong(property.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property "
              + HostFaults.SEED_PROPERTY
              + " must be a whole number (a long), but was "
              + quote(property),
          e);
    }
  }

  /**
   * A seed derived from {@code seed} and {@code parts} alone, well mixed so that neighbouring parts
   * (connection 7 and 8) give unrelated generators.
   */
  public static long derive(long seed, long... parts) {
    long hash = mix(seed);
    for (long part : parts) {
      hash = mix(hash ^ mix(part * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }
    return hash;
  }

  // SplitMix64's finalizer: a bijection with good avalanche, cheap enough for every decision.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
