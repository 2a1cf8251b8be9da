package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.faults.internal.TransportCutEffect;
import io.github.sshfaults.faults.internal.TransportEffect;
import java.util.EnumSet;
import java.util.Set;

/**
 * The faults at {@link io.github.sshfaults.faults.Stage#TRANSPORT} of one connection, applied on
 * its wire when it is accepted: one write delay, one throttle and one cut per direction, or an
 * ending before any byte. Each is applied as its effect asks for it, the first one of a kind
 * winning.
 */
final class TransportShaping implements TransportEffect.Injector, TransportCutEffect.Injector {

  private final FaultEngine engine;
  private final Connection connection;
  private final Wire wire;
  private boolean delaysWrites;
  private final Set<Direction> throttled = EnumSet.noneOf(Direction.class);
  private final Set<Direction> cut = EnumSet.noneOf(Direction.class);
  private boolean ended;

  private TransportShaping(FaultEngine engine, Connection connection) {
    this.engine = engine;
    this.connection = connection;
    this.wire = connection.wire().wire();
  }

  /**
   * Applies the transport faults of {@code connection}.
   *
   * @return whether one of them ended it
   */
  static boolean shape(FaultEngine engine, Connection connection) {
    TransportShaping shaping = new TransportShaping(engine, connection);
    engine.plan().dispatch(OccasionKind.TRANSPORT, connection.dice(), Occasion.none(), shaping);
    if (!shaping.ended) {
      engine
          .plan()
          .dispatch(OccasionKind.TRANSPORT_CUT, connection.dice(), Occasion.none(), shaping);
    }
    return shaping.ended;
  }

  @Override
  public void delayEachWrite(Delay delay, Firing firing) {
    if (!delaysWrites && engine.fired(connection, firing, "delays every write by " + delay)) {
      delaysWrites = true;
      wire.delayEachWrite(() -> firing.sample(delay).toNanos());
    }
  }

  @Override
  public void throttle(long bytesPerSecond, int chunkSize, Firing firing) {
    Direction direction = firing.direction();
    if (throttled.contains(direction)
        || !engine.fired(
            connection,
            firing,
            "throttles " + words(direction) + " to " + bytesPerSecond + " bytes/s")) {
      return;
    }
    throttled.add(direction);
    if (direction == Direction.TO_CLIENT) {
      wire.throttleWrites(bytesPerSecond, chunkSize);
    } else {
      wire.throttleReads(bytesPerSecond, chunkSize);
    }
  }

  // Without a byte count, at TransportEffect's call; with one, at TransportCutEffect's.
  @Override
  public void drop(Firing firing) {
    if (firing.afterBytes() > 0) {
      cut(firing, Ending.drop(firing), "dropped");
    } else {
      end(Ending.drop(firing));
    }
  }

  @Override
  public void reset(Firing firing) {
    if (firing.afterBytes() > 0) {
      cut(firing, Ending.reset(firing), "reset");
    } else {
      end(Ending.reset(firing));
    }
  }

  private void end(Ending ending) {
    if (!ended) {
      ended = engine.end(connection, ending, "before any byte");
    }
  }

  /**
   * Arms a cut after the firing's byte count in its direction. The fault takes effect when the
   * count is reached, if it still may then; else the bytes flow on.
   */
  private void cut(Firing firing, Ending ending, String verb) {
    Direction direction = firing.direction();
    if (ended || !cut.add(direction)) {
      return;
    }
    String what =
        verb + " the connection after " + firing.afterBytes() + " bytes " + words(direction);
    if (direction == Direction.TO_CLIENT) {
      if (ending.how() == Ending.How.RESET) {
        // The reset needs the client's next bytes left unread, however short they are.
        wire.readInSmallPieces();
      }
      // Only the fault's consent cuts: the wire asks before it stops sending.
      wire.cutWritesAfter(
          firing.afterBytes(), () -> engine.end(connection, ending.describedAs(what), what));
    } else {
      wire.cutReadsAfter(
          firing.afterBytes(), () -> engine.end(connection, ending.describedAs(what), what));
    }
  }

  private static String words(Direction direction) {
    return direction == Direction.TO_CLIENT ? "to the client" : "from the client";
  }
}
