package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The live plan of one host and the decisions taken from it. The plan is an immutable snapshot
 * swapped atomically, so deciding never locks; an empty plan costs one volatile read.
 */
public final class LivePlan implements HostFaults {

  private final long seed;
  private final Runnable onChange;
  private final Object writeLock = new Object();
  private volatile Rules rules = Rules.NONE;

  /**
   * A live plan with no faults.
   *
   * @param onChange run after every change, for effects that hold beyond single decisions (refusing
   *     connections)
   */
  public LivePlan(long seed, Runnable onChange) {
    this.seed = seed;
    this.onChange = notNull(onChange, "change listener");
  }

  /** Whether the plan has no faults at all. */
  public boolean isEmpty() {
    return rules.all.isEmpty();
  }

  /** Whether any fault of the plan is at {@code stage}. */
  public boolean has(Stage stage) {
    return !rules.at(stage).isEmpty();
  }

  /** Whether any fault of the plan has an effect of {@code type}. */
  public boolean contains(Class<? extends Effect> type) {
    for (Rule rule : rules.all) {
      if (type.isInstance(rule.fault.effect())) {
        return true;
      }
    }
    return false;
  }

  /** The dice of connection {@code index}. */
  public ConnectionDice dice(int index) {
    return new ConnectionDice(seed, index);
  }

  /**
   * The faults at {@code stage} that fire on this occasion, in plan order.
   *
   * @param user the user name when known, else null
   * @param command the command line when known, else null
   */
  public List<Firing> fire(Stage stage, ConnectionDice connection, String user, String command) {
    return fire(stage, connection, user, command, fault -> true);
  }

  /**
   * The faults at {@code stage} that fire on this occasion, considering only those {@code
   * reachable} accepts (at {@link Stage#OUTPUT}: those whose byte count the command reaches).
   */
  public List<Firing> fire(
      Stage stage,
      ConnectionDice connection,
      String user,
      String command,
      Predicate<Fault> reachable) {
    return fireOn(stage, connection, Occasion.of(user, command), reachable);
  }

  /**
   * The faults at {@code stage} that fire on {@code occasion}, considering only those {@code
   * reachable} accepts, in plan order.
   */
  public List<Firing> fireOn(
      Stage stage, ConnectionDice connection, Occasion occasion, Predicate<Fault> reachable) {
    List<Rule> candidates = rules.at(stage);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Firing> firings = new ArrayList<>(1);
    for (Rule rule : candidates) {
      if (reachable.test(rule.fault)) {
        Firing firing = rule.consider(connection, occasion);
        if (firing != null) {
          firings.add(firing);
        }
      }
    }
    return firings;
  }

  @Override
  public HostFaults add(Fault... faults) {
    notNull(faults, "faults");
    check(faults.length > 0, "add needs at least one fault");
    FaultPlan more = FaultPlan.of(faults);
    synchronized (writeLock) {
      List<Rule> all = new ArrayList<>(rules.all);
      for (Fault fault : more.faults()) {
        all.add(new Rule(all.size() + 1, fault));
      }
      rules = new Rules(all);
    }
    onChange.run();
    return this;
  }

  @Override
  public HostFaults replace(FaultPlan plan) {
    notNull(plan, "fault plan");
    synchronized (writeLock) {
      List<Rule> all = new ArrayList<>();
      for (Fault fault : plan.faults()) {
        all.add(new Rule(all.size() + 1, fault));
      }
      rules = new Rules(all);
    }
    onChange.run();
    return this;
  }

  @Override
  public HostFaults clear() {
    return replace(FaultPlan.empty());
  }

  @Override
  public FaultPlan plan() {
    return FaultPlan.of(rules.all.stream().map(rule -> rule.fault).toList());
  }

  @Override
  public long seed() {
    return seed;
  }

  /**
   * The seed, then each fault of the plan with what it did: {@code [fired 2 times in 5 occasions]},
   * counting the times it took effect (the engine's {@link Firing#applied()}) among the occasions
   * that matched its trigger's user, command and connection conditions. A {@link Fault#refuse()} is
   * never counted, since a refused connection never reaches the host: its line says so.
   */
  @Override
  public String describe() {
    return describe(fault -> null);
  }

  /**
   * {@link #describe()}, with the bracketed state of each fault for which {@code state} answers
   * (not null) replaced by that answer: the engine knows since when a refusing host's port is
   * closed.
   */
  public String describe(Function<Fault, String> state) {
    StringBuilder text = new StringBuilder("seed ").append(seed);
    List<Rule> all = rules.all;
    if (all.isEmpty()) {
      return text.append(", no faults").toString();
    }
    text.append(", faults:");
    for (Rule rule : all) {
      String told = state.apply(rule.fault);
      text.append("\n  ")
          .append(rule.position)
          .append(". ")
          .append(rule.fault)
          .append("  [")
          .append(told != null ? told : rule.state())
          .append(']');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** An immutable snapshot of the plan, indexed by stage. */
  private static final class Rules {

    static final Rules NONE = new Rules(List.of());

    final List<Rule> all;
    final Map<Stage, List<Rule>> byStage = new EnumMap<>(Stage.class);

    Rules(List<Rule> all) {
      this.all = List.copyOf(all);
      Arrays.stream(Stage.values()).forEach(stage -> byStage.put(stage, new ArrayList<>()));
      for (Rule rule : all) {
        byStage.get(rule.fault.stage()).add(rule);
      }
      byStage.replaceAll((stage, rules) -> Collections.unmodifiableList(rules));
    }

    List<Rule> at(Stage stage) {
      return byStage.get(stage);
    }
  }

  /** One fault of the plan with its counters. */
  private static final class Rule {

    final int position;
    final Fault fault;
    final AtomicInteger occasions = new AtomicInteger();

    /** Times the trigger held, what {@link Trigger#atMost(int)} limits. */
    final AtomicInteger firings = new AtomicInteger();

    /** Times the engine applied the effect, what the description reports. */
    final AtomicInteger applied = new AtomicInteger();

    final int firingLimit;

    Rule(int position, Fault fault) {
      this.position = position;
      this.fault = fault;
      this.firingLimit =
          fault.trigger().conditions().stream()
              .filter(Trigger.AtMost.class::isInstance)
              .mapToInt(c -> ((Trigger.AtMost) c).count())
              .min()
              .orElse(Integer.MAX_VALUE);
    }

    Firing consider(ConnectionDice connection, Occasion occasion) {
      List<Trigger.Condition> conditions = fault.trigger().conditions();
      for (Trigger.Condition condition : conditions) {
        if (!matchesOccasion(condition, connection.index(), occasion)) {
          return null;
        }
      }
      // Drawn before the counts so that what other connections did never shifts this generator.
      RandomGenerator random = connection.next(position);
      int count = occasions.incrementAndGet();
      for (Trigger.Condition condition : conditions) {
        if (condition instanceof Trigger.FirstAttempts first && count > first.count()) {
          return null;
        }
        if (condition instanceof Trigger.EveryNth every && count % every.n() != 0) {
          return null;
        }
      }
      for (Trigger.Condition condition : conditions) {
        if (condition instanceof Trigger.Probability p && !(random.nextDouble() < p.p())) {
          return null;
        }
      }
      int fired;
      do {
        fired = firings.get();
        if (fired >= firingLimit) {
          return null;
        }
      } while (!firings.compareAndSet(fired, fired + 1));
      return new Firing(position, fault, random, applied);
    }

    /** What the fault did so far, for {@link LivePlan#describe()}. */
    String state() {
      if (fault.effect() instanceof Effect.Refuse) {
        return "nothing listens on the port while this fault is in the plan; refused attempts"
            + " never reach the host, so none are counted";
      }
      int times = applied.get();
      int seen = occasions.get();
      return "fired "
          + times
          + (times == 1 ? " time" : " times")
          + " in "
          + seen
          + (seen == 1 ? " occasion" : " occasions");
    }

    private static boolean matchesOccasion(
        Trigger.Condition condition, int index, Occasion occasion) {
      if (condition instanceof Trigger.ConnectionRange range) {
        return range.contains(index);
      }
      if (condition instanceof Trigger.User u) {
        return u.name().equals(occasion.user());
      }
      if (condition instanceof Trigger.Command c) {
        return occasion.command() != null && c.matches(occasion.command());
      }
      if (condition instanceof Trigger.SftpRequest r) {
        return occasion.sftpAction() != null && r.matches(occasion.sftpAction());
      }
      if (condition instanceof Trigger.PathGlob p) {
        return occasion.path() != null && p.matches(occasion.path());
      }
      if (condition instanceof Trigger.ExactPath p) {
        return occasion.path() != null && p.matches(occasion.path());
      }
      return true;
    }
  }
}
