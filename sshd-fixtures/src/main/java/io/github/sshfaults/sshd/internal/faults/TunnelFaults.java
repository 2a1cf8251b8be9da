package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingCutEffect;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.internal.Durations;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.sshd.common.session.Session;

/**
 * The faults of one tunnel ({@link io.github.sshfaults.faults.Stage#FORWARDING}), decided when the
 * client asks to open it and the host allows it: one answer instead of opening (a refusal with a
 * reason code, or the end of the connection), a delay of the opening, and per direction a
 * bandwidth limit and a cut after a byte count. The tunnel applies them where its bytes pass.
 */
public final class TunnelFaults {

  private static final TunnelFaults NONE = new TunnelFaults(null, null, null);

  private final FaultEngine engine;
  private final Connection connection;
  private final String destination;
  private final OneOf answer = new OneOf();
  private final OneOf delay = new OneOf();
  private final Map<Direction, OneOf> throttles = new EnumMap<>(Direction.class);
  private final Map<Direction, OneOf> cuts = new EnumMap<>(Direction.class);
  private final Map<Direction, Long> cutAt = new EnumMap<>(Direction.class);
  private final Map<Direction, Pace> paces = new EnumMap<>(Direction.class);
  private Integer refusal;
  private boolean ended;
  private Duration late = Duration.ZERO;

  private TunnelFaults(FaultEngine engine, Connection connection, String destination) {
    this.engine = engine;
    this.connection = connection;
    this.destination = destination;
  }

  /**
   * Decides the faults of a tunnel to {@code destination} on {@code session}, and applies those of
   * its opening: a refusal or an ending has fired (and is in the journal) when this returns.
   */
  public static TunnelFaults decide(FaultEngine engine, Session session, String destination) {
    Connection connection = Connection.of(session);
    if (connection == null
        || (!engine.plan().has(OccasionKind.FORWARDING)
            && !engine.plan().has(OccasionKind.FORWARDING_CUT))) {
      return NONE;
    }
    TunnelFaults faults = new TunnelFaults(engine, connection, destination);
    Occasion occasion = Occasion.of(connection.user(), null);
    Decision decision = faults.new Decision();
    engine.plan().dispatch(OccasionKind.FORWARDING, connection.dice(), occasion, decision);
    engine.plan().dispatch(OccasionKind.FORWARDING_CUT, connection.dice(), occasion, decision);
    faults.answer.apply();
    if (faults.refusal == null && !faults.ended) {
      faults.delay.apply();
      faults.throttles.values().forEach(OneOf::apply);
    }
    return faults;
  }

  /** The reason code a fault refused the tunnel with, or null. */
  public Integer refusal() {
    return refusal;
  }

  /** Whether a fault ended or stalled the connection instead of opening the tunnel. */
  public boolean ended() {
    return ended;
  }

  /** How long the opening waits, zero unless a fault delays it. */
  public Duration late() {
    return late;
  }

  /** Whether bytes flowing in {@code direction} are limited by a fault. */
  public boolean paced(Direction direction) {
    return paces.containsKey(direction);
  }

  /**
   * The size of the next piece of {@code wanted} bytes in {@code direction}, and when it may go
   * ({@link System#nanoTime()}): the piece counts as sent at that moment.
   *
   * @return {@code {size, notBeforeNanos}}
   */
  public synchronized long[] nextPiece(Direction direction, int wanted) {
    Pace pace = paces.get(direction);
    int size = pace.piece(wanted);
    long at = pace.notBefore(System.nanoTime());
    pace.passed(size, at);
    return new long[] {size, at};
  }

  /** Runs {@code task} {@code delayNanos} from now on the engine's scheduler. */
  public void schedule(Runnable task, long delayNanos) {
    engine.schedule(task, Math.max(0, delayNanos));
  }

  /** After how many bytes in {@code direction} a fault cuts the tunnel, or -1. */
  public long cutAt(Direction direction) {
    return cutAt.getOrDefault(direction, -1L);
  }

  /**
   * The tunnel carried its cut's byte count in {@code direction}: the fault ends the connection,
   * unless it may no longer take effect.
   *
   * @return whether it did
   */
  public boolean cut(Direction direction) {
    OneOf cut = cuts.get(direction);
    return cut != null && cut.apply();
  }

  private String opening() {
    return "instead of opening a tunnel to " + destination;
  }

  /** Collects what the faults of the opening ask for. */
  private final class Decision implements ForwardingEffect.Injector, ForwardingCutEffect.Injector {

    @Override
    public void reject(int reasonCode, Firing firing) {
      answer.add(
          () -> {
            if (!engine.fired(
                connection,
                firing,
                "refused a tunnel to " + destination + " with reason " + reasonCode)) {
              return false;
            }
            refusal = reasonCode;
            return true;
          });
    }

    @Override
    public void delayOpen(Delay delay, Firing firing) {
      TunnelFaults.this.delay.add(
          () -> {
            Duration sample = firing.sample(delay);
            if (!engine.fired(
                connection,
                firing,
                "opens a tunnel to " + destination + " late by " + Durations.format(sample))) {
              return false;
            }
            late = sample;
            return true;
          });
    }

    @Override
    public void throttle(long bytesPerSecond, int chunkSize, Firing firing) {
      Direction direction = firing.direction();
      throttles
          .computeIfAbsent(direction, d -> new OneOf())
          .add(
              () -> {
                if (!engine.fired(
                    connection,
                    firing,
                    "limits a tunnel to "
                        + destination
                        + " to "
                        + bytesPerSecond
                        + " bytes/s "
                        + direction)) {
                  return false;
                }
                Pace pace = new Pace();
                pace.limit(bytesPerSecond, chunkSize);
                paces.put(direction, pace);
                return true;
              });
    }

    @Override
    public void drop(Firing firing) {
      end(Ending.drop(firing));
    }

    @Override
    public void reset(Firing firing) {
      end(Ending.reset(firing));
    }

    @Override
    public void hang(Firing firing) {
      end(Ending.hang(firing));
    }

    @Override
    public void disconnect(int reasonCode, String message, Firing firing) {
      end(Ending.disconnect(reasonCode, message, firing));
    }

    private void end(Ending ending) {
      Firing firing = ending.firing();
      if (firing.afterBytes() == 0) {
        answer.add(
            () -> {
              if (!engine.end(connection, ending, opening())) {
                return false;
              }
              ended = true;
              return true;
            });
        return;
      }
      Direction direction = firing.direction();
      long bytes = firing.afterBytes();
      // The smallest count in a direction cuts first; the newest wins among equal ones.
      Long known = cutAt.get(direction);
      if (known == null || bytes < known) {
        cutAt.put(direction, bytes);
        cuts.put(direction, new OneOf());
      }
      if (cutAt.get(direction) == bytes) {
        cuts.get(direction)
            .add(
                () ->
                    engine.end(
                        connection,
                        ending,
                        "after "
                            + bytes
                            + " bytes "
                            + (direction == Direction.TO_CLIENT ? "from " : "to ")
                            + destination
                            + " through a tunnel"));
      }
    }
  }
}
