package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Condition.Knowledge;
import io.github.sshfaults.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@link io.github.sshfaults.faults.Fault} is made of: an effect at a stage, with a byte
 * count and a direction where they apply, and the conditions of its trigger. Immutable, and checked
 * when built: every fault that exists can happen. The checks read what the effect implements
 * ({@link OccasionKind}); only what one effect alone knows is its own {@link
 * Effect#check(FaultSpec)}.
 */
public final class FaultSpec {

  private final Effect effect;
  private final Stage stage;
  private final List<Condition> conditions;
  private final long afterBytes;
  private final Direction direction;
  private final Duration after;
  private final OccasionKind<?, ?> kind;

  private FaultSpec(
      Effect effect,
      Stage stage,
      List<Condition> conditions,
      long afterBytes,
      Direction direction) {
    this(effect, stage, conditions, afterBytes, direction, Duration.ZERO);
  }

  private FaultSpec(
      Effect effect,
      Stage stage,
      List<Condition> conditions,
      long afterBytes,
      Direction direction,
      Duration after) {
    this.effect = effect;
    this.stage = stage;
    this.conditions = List.copyOf(conditions);
    this.afterBytes = afterBytes;
    this.direction = direction;
    this.after = after;
    this.kind = validate();
  }

  /** {@code effect} at its default stage, on every occasion. */
  public static FaultSpec of(Effect effect) {
    notNull(effect, "effect");
    return new FaultSpec(effect, effect.defaultStage(), List.of(), 0, Direction.TO_CLIENT);
  }

  /** This fault at {@code stage}. */
  public FaultSpec withStage(Stage stage) {
    return new FaultSpec(
        effect, notNull(stage, "stage"), conditions, afterBytes, direction, after);
  }

  /** This fault after {@code bytes} bytes. */
  public FaultSpec withAfterBytes(long bytes) {
    return new FaultSpec(
        effect, stage, conditions, notNegative(bytes, "byte count"), direction, after);
  }

  /** This fault counting the bytes that flow in {@code direction}. */
  public FaultSpec withDirection(Direction direction) {
    return new FaultSpec(
        effect, stage, conditions, afterBytes, notNull(direction, "direction"), after);
  }

  /** This fault with {@code more} conditions after its own. */
  public FaultSpec withConditions(List<Condition> more) {
    List<Condition> all = new ArrayList<>(conditions);
    all.addAll(more);
    return new FaultSpec(effect, stage, all, afterBytes, direction, after);
  }

  /** This fault acting {@code duration} after its occasion. */
  public FaultSpec withAfter(Duration duration) {
    notNull(duration, "duration");
    if (duration.isNegative() || duration.compareTo(MAX_AFTER) > 0) {
      throw new IllegalArgumentException(
          "after("
              + Durations.format(duration)
              + "): the duration must be between 0 and 1 day");
    }
    return new FaultSpec(effect, stage, conditions, afterBytes, direction, duration);
  }

  /** How long {@link #withAfter(Duration)} may wait at most. */
  static final Duration MAX_AFTER = Duration.ofDays(1);

  /** How long after its occasion it acts: zero unless set. */
  public Duration after() {
    return after;
  }

  /** What the fault does. */
  public Effect effect() {
    return effect;
  }

  /** Where it strikes. */
  public Stage stage() {
    return stage;
  }

  /** Its trigger's conditions, in the order they were combined; empty for every occasion. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** The byte count, 0 unless set. */
  public long afterBytes() {
    return afterBytes;
  }

  /** The direction of the bytes it acts on, {@link Direction#TO_CLIENT} unless set. */
  public Direction direction() {
    return direction;
  }

  /** The kind of occasion it fires on. */
  public OccasionKind<?, ?> kind() {
    return kind;
  }

  /** {@code always}, or the conditions joined by {@code and}. */
  public static String describe(List<Condition> conditions) {
    return conditions.isEmpty()
        ? "always"
        : conditions.stream().map(Object::toString).collect(Collectors.joining(" and "));
  }

  // ---------------------------------------------------------------- validation

  private OccasionKind<?, ?> validate() {
    List<Stage> stages = OccasionKind.stagesOf(effect);
    if (!stages.contains(stage)) {
      throw new IllegalArgumentException(
          effect + " cannot happen at stage " + stage + "; it can at " + names(stages, ", "));
    }
    if (afterBytes > 0 && OccasionKind.of(effect, stage, afterBytes) == null) {
      List<Stage> counting = OccasionKind.countingStagesOf(effect);
      throw new IllegalArgumentException(
          "afterBytes("
              + afterBytes
              + ") does not apply to "
              + effect
              + " at "
              + stage
              + (counting.isEmpty()
                  ? "; " + effect + " never counts bytes"
                  : "; it counts bytes at " + names(counting, ", ") + ": call at(Stage...) first"));
    }
    if (direction != Direction.TO_CLIENT) {
      boolean oneWay = effect instanceof TransportEffect.OneWay;
      if (!oneWay || (stage != Stage.TRANSPORT && stage != Stage.FORWARDING)) {
        throw new IllegalArgumentException(
            "direction "
                + direction
                + " does not apply to "
                + effect
                + " at "
                + stage
                + (oneWay
                    ? "; it takes one at TRANSPORT or FORWARDING: call at(Stage...) first"
                    : "; " + effect + " acts on no single direction"));
      }
    }
    if (!after.isZero()
        && !(effect instanceof TimedEffect && (stage == Stage.AFTER_AUTH || stage == Stage.EXEC))) {
      throw new IllegalArgumentException(
          "after("
              + Durations.format(after)
              + ") does not apply to "
              + effect
              + " at "
              + stage
              + "; a wait after the occasion applies to dropConnection(), resetConnection() and"
              + " disconnect(...) at AFTER_AUTH (from the login) or EXEC (from the command's"
              + " start): call at(Stage...) first");
    }
    effect.check(this);
    OccasionKind<?, ?> found = OccasionKind.of(effect, stage, afterBytes);
    if (found == null) {
      throw new IllegalArgumentException(
          effect + " at " + stage + " needs a byte count: call afterBytes(n) with n above 0");
    }
    for (Condition condition : conditions) {
      Knowledge needed = condition.needs();
      if (needed != null && !found.knows(needed)) {
        throw new IllegalArgumentException(unknown(condition, needed));
      }
    }
    return found;
  }

  private String unknown(Condition condition, Knowledge needed) {
    List<Stage> knowing = OccasionKind.stagesKnowing(needed);
    return switch (needed) {
      case USER ->
          condition
              + " needs a stage where the user is known ("
              + names(knowing, ", ")
              + "), but "
              + effect
              + " is at "
              + stage;
      case COMMAND ->
          condition
              + " needs stage "
              + names(knowing, " or ")
              + ", where the command is known, but "
              + effect
              + " is at "
              + stage;
      case SFTP_REQUEST ->
          condition
              + " needs stage "
              + names(knowing, " or ")
              + ", where the SFTP request is known, but "
              + effect
              + " is at "
              + stage;
    };
  }

  private static String names(List<Stage> stages, String separator) {
    return stages.stream().map(Stage::name).collect(Collectors.joining(separator));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaultSpec that
        && effect.equals(that.effect)
        && stage == that.stage
        && conditions.equals(that.conditions)
        && afterBytes == that.afterBytes
        && direction == that.direction
        && after.equals(that.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(effect, stage, conditions, afterBytes, direction, after);
  }

  /**
   * The fault as the calls that make it read: {@code dropConnection() at OUTPUT after 4096 bytes
   * when forCommand("cat big.log")}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(effect).append(" at ").append(stage);
    if (afterBytes > 0 || stage == Stage.OUTPUT) {
      text.append(" after ").append(afterBytes).append(afterBytes == 1 ? " byte" : " bytes");
    }
    if (direction != Direction.TO_CLIENT) {
      text.append(" ").append(direction);
    }
    if (!after.isZero()) {
      text.append(" after ").append(Durations.format(after));
    }
    if (!conditions.isEmpty()) {
      text.append(" when ").append(describe(conditions));
    }
    return text.toString();
  }
}
