package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The live plan of one host and the decisions taken from it. The plan is an immutable snapshot
 * swapped atomically, so deciding never locks; an empty plan costs one volatile read.
 *
 * <p>Every occasion is decided in one place, {@link #dispatch}, in two phases: first each fault of
 * the occasion's kind is matched against it (its trigger, and whether its effect can act there);
 * then each fault that fired is handed to its effect, newest first, which tells the occasion's
 * injector what to do. The injector, implemented by the engine, applies what it was told and calls {@link
 * Firing#takeEffect()} for what it applies: only then is the fault counted as fired, so a fault
 * passed over counts nothing.
 */
public final class LivePlan implements HostFaults {

  private final long seed;
  private final Runnable onChange;
  private final Object writeLock = new Object();
  private final List<Rule> base;
  private volatile Rules rules;

  /**
   * A live plan with no faults.
   *
   * @param onChange run after every change, for effects that hold beyond single decisions (refusing
   *     connections)
   */
  public LivePlan(long seed, Runnable onChange) {
    this(seed, onChange, FaultPlan.empty());
  }

  /**
   * A live plan with no faults of its own, over {@code base}: faults that act as if added before
   * every other (so that a fault added later wins over them), but that are not part of {@link
   * #plan()}, stay when the plan is replaced or cleared, and fire with negative {@link
   * Firing#rule()} positions, from -1. The host's timing preset is such a base: how the host
   * behaves, not a fault the test added.
   */
  public LivePlan(long seed, Runnable onChange, FaultPlan base) {
    this.seed = seed;
    this.onChange = notNull(onChange, "change listener");
    List<Rule> baseRules = new ArrayList<>();
    for (Fault fault : notNull(base, "base fault plan").faults()) {
      baseRules.add(new Rule(-(baseRules.size() + 1), fault));
    }
    this.base = List.copyOf(baseRules);
    this.rules = new Rules(this.base, List.of());
  }

  /** Whether the plan has no faults at all, counting its base. */
  public boolean isEmpty() {
    return rules.all.isEmpty();
  }

  /** Whether {@code firing} comes from the plan's base rather than a fault added to it. */
  public static boolean fromBase(Firing firing) {
    return firing.rule() < 0;
  }

  /** Whether any fault of the plan fires on occasions of {@code kind}. */
  public boolean has(OccasionKind<?, ?> kind) {
    return !rules.of(kind).isEmpty();
  }

  /** Whether a fault of the plan says that nothing may listen on the host's port. */
  public boolean refuses() {
    // Checked by every new host: an empty plan must not load the occasion table.
    return !isEmpty() && has(OccasionKind.LISTEN);
  }

  /** The dice of connection {@code index}. */
  public ConnectionDice dice(int index) {
    return new ConnectionDice(seed, index);
  }

  /**
   * {@link #dispatch(OccasionKind, ConnectionDice, Occasion, Predicate, Object)} for every fault.
   */
  public <E extends Effect, I> List<Firing> dispatch(
      OccasionKind<E, I> kind, ConnectionDice connection, Occasion occasion, I injector) {
    return dispatch(kind, connection, occasion, fault -> true, injector);
  }

  /**
   * Decides one occasion of {@code kind} on {@code connection}: matches the faults of that kind
   * that {@code reachable} accepts (at {@link io.github.sshfaults.faults.Stage#OUTPUT}: those whose
   * byte count the command reaches), then hands each that fired to its effect, which tells {@code
   * injector} what to do, newest first: the most recently added fault is told first, and where
   * faults exclude each other the injector applies the first it is told of that can take effect.
   * So the newest wins, as the newest command stub answers. Each fault draws from its own
   * generator, so the order changes no random decision.
   *
   * @return the faults that fired, in the order their effects were told: newest first
   */
  public <E extends Effect, I> List<Firing> dispatch(
      OccasionKind<E, I> kind,
      ConnectionDice connection,
      Occasion occasion,
      Predicate<FaultSpec> reachable,
      I injector) {
    List<Rule> candidates = rules.of(kind);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Firing> firings = new ArrayList<>(1);
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Rule rule = candidates.get(i);
      if (reachable.test(rule.spec) && kind.acts(rule.spec.effect(), injector)) {
        Firing firing = rule.consider(connection, occasion);
        if (firing != null) {
          firings.add(firing);
        }
      }
    }
    for (Firing firing : firings) {
      kind.apply(firing, injector);
    }
    return firings;
  }

  @Override
  public HostFaults add(Fault... faults) {
    notNull(faults, "faults");
    check(faults.length > 0, "add needs at least one fault");
    FaultPlan more = FaultPlan.of(faults);
    synchronized (writeLock) {
      List<Rule> all = new ArrayList<>(rules.added);
      for (Fault fault : more.faults()) {
        all.add(new Rule(all.size() + 1, fault));
      }
      rules = new Rules(base, all);
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
      rules = new Rules(base, all);
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
    return FaultPlan.of(rules.added.stream().map(rule -> rule.fault).toList());
  }

  @Override
  public long seed() {
    return seed;
  }

  /**
   * The seed, then each fault of the plan with what it did: {@code [fired 2 times in 5 occasions]},
   * counting the times it took effect ({@link Firing#takeEffect()}) among the occasions that
   * matched its trigger's connection, user, command and request conditions and on which its effect
   * could act. A {@link Fault#refuse()} is never counted, since a refused connection never reaches
   * the host: its line says so.
   */
  @Override
  public String describe() {
    return describe(() -> null);
  }

  /**
   * {@link #describe()}, with the bracketed state of each fault that refuses connections replaced
   * by what {@code refusal} answers, when not null: the engine knows since when the port is closed.
   */
  public String describe(Supplier<String> refusal) {
    StringBuilder text = new StringBuilder("seed ").append(seed);
    List<Rule> all = rules.added;
    if (all.isEmpty()) {
      return text.append(", no faults").toString();
    }
    text.append(", faults:");
    for (Rule rule : all) {
      String told = rule.spec.kind() == OccasionKind.LISTEN ? refusal.get() : null;
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

  /** An immutable snapshot of the plan, indexed by kind of occasion. */
  private static final class Rules {

    /** The faults added to the plan, in the order they were added. */
    final List<Rule> added;

    /** The base, then the faults added: oldest first. */
    final List<Rule> all;

    final Map<OccasionKind<?, ?>, List<Rule>> byKind = new IdentityHashMap<>();

    Rules(List<Rule> base, List<Rule> added) {
      this.added = List.copyOf(added);
      List<Rule> both = new ArrayList<>(base);
      both.addAll(added);
      this.all = List.copyOf(both);
      for (Rule rule : all) {
        byKind.computeIfAbsent(rule.spec.kind(), kind -> new ArrayList<>()).add(rule);
      }
      byKind.replaceAll((kind, rules) -> Collections.unmodifiableList(rules));
    }

    List<Rule> of(OccasionKind<?, ?> kind) {
      return byKind.getOrDefault(kind, List.of());
    }
  }

  /** One fault of the plan with its counters. */
  private static final class Rule {

    final int position;
    final Fault fault;
    final FaultSpec spec;

    /** Occasions that matched, what firstAttempts and everyNth count. */
    final AtomicInteger occasions = new AtomicInteger();

    /** Times the fault took effect, what atMost limits and the description reports. */
    final AtomicInteger taken = new AtomicInteger();

    final int limit;

    Rule(int position, Fault fault) {
      this.position = position;
      this.fault = fault;
      this.spec = ModelAccess.spec(fault);
      this.limit =
          spec.conditions().stream().mapToInt(Condition::limit).min().orElse(Integer.MAX_VALUE);
    }

    /** The firing of this fault on the occasion, or null when its trigger does not hold. */
    Firing consider(ConnectionDice connection, Occasion occasion) {
      List<Condition> conditions = spec.conditions();
      for (Condition condition : conditions) {
        if (!condition.matches(connection.index(), occasion)) {
          return null;
        }
      }
      // Drawn before the counts so that what other connections did never shifts this generator.
      RandomGenerator random = connection.next(position);
      int count = occasions.incrementAndGet();
      for (Condition condition : conditions) {
        if (!condition.admitsAttempt(count)) {
          return null;
        }
      }
      for (Condition condition : conditions) {
        if (!condition.admitsDraw(random)) {
          return null;
        }
      }
      if (taken.get() >= limit) {
        return null;
      }
      return new Firing(position, fault, spec, random, connection.seed(), this::take);
    }

    /** Counts one more time the fault took effect, unless that would pass its limit. */
    private boolean take() {
      int before;
      do {
        before = taken.get();
        if (before >= limit) {
          return false;
        }
      } while (!taken.compareAndSet(before, before + 1));
      return true;
    }

    /** What the fault did so far, for {@link LivePlan#describe()}. */
    String state() {
      if (spec.kind() == OccasionKind.LISTEN) {
        return "nothing listens on the port while this fault is in the plan; refused attempts"
            + " never reach the host, so none are counted";
      }
      int times = taken.get();
      int seen = occasions.get();
      return "fired "
          + times
          + (times == 1 ? " time" : " times")
          + " in "
          + seen
          + (seen == 1 ? " occasion" : " occasions");
    }
  }
}
