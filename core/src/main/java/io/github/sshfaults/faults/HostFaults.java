package io.github.sshfaults.faults;

/**
 * The live fault plan of one running fake host: what goes wrong from now on.
 *
 * <pre>{@code
 * host.faults().add(Fault.rejectAuth().firstAttempts(2));
 * // ... exercise the code under test ...
 * host.faults().clear();
 * }</pre>
 *
 * <p>The newest fault wins: among faults that fire on one occasion and exclude each other, the one
 * added last takes effect, as the command stub added last answers; faults that combine all apply
 * (see {@link Fault}).
 *
 * <p>A change applies to every decision taken after it: to new connections, and to open ones at
 * their next occasion (their next authentication request, channel or command). What is already
 * under way stays: a connection whose transport was shaped at accept keeps that shaping, a delay
 * that started runs to its end, a connection that hangs keeps hanging. Counts of attempts and
 * firings ({@link Trigger#firstAttempts(int)}, {@link Trigger#atMost(int)}) carry on when faults
 * are added, and start again when the plan is replaced or cleared.
 *
 * <p>Random decisions (probabilities, random delays, random garbage) come from a generator per
 * connection derived from {@link #seed()} and the connection's index only, so replaying a seed
 * replays them, whatever the thread timing. Thread-safe.
 */
public interface HostFaults {

  /**
   * The system property that sets the seed of every host whose builder does not: run a failing test
   * again with {@code -Dsshfaults.seed=<seed>} to replay its random decisions.
   */
  String SEED_PROPERTY = "sshfaults.seed";

  /**
   * Appends faults to the plan, keeping the counts of the faults already there. The new faults take
   * precedence over those already there, and the last given over the others.
   */
  HostFaults add(Fault... faults);

  /** Replaces the whole plan. */
  HostFaults replace(FaultPlan plan);

  /** Removes every fault: the host works again for every later decision. */
  HostFaults clear();

  /** The current plan. */
  FaultPlan plan();

  /** The seed from which every random decision of this host derives. */
  long seed();

  /**
   * A report for failure messages: the seed, then each fault of the plan with how often it fired.
   */
  String describe();
}
