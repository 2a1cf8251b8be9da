package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.internal.Endings;
import io.github.sshfaults.faults.internal.Firing;
import java.util.ArrayList;
import java.util.List;

/**
 * The endings the faults of one occasion ask for, in the order the dispatch handed them over: the
 * shared half of every stage's injector. Only one ending can happen; the first that takes effect
 * does ({@link #end(FaultEngine, Connection, String)}).
 */
abstract class EndingDecision
    implements Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {

  private final List<Ending> endings = new ArrayList<>(1);

  @Override
  public void drop(Firing firing) {
    endWith(Ending.drop(firing));
  }

  @Override
  public void reset(Firing firing) {
    endWith(Ending.reset(firing));
  }

  @Override
  public void hang(Firing firing) {
    endWith(Ending.hang(firing));
  }

  @Override
  public void disconnect(int reasonCode, String message, Firing firing) {
    endWith(Ending.disconnect(reasonCode, message, firing));
  }

  /** Adds {@code ending} after those asked for before. */
  final void endWith(Ending ending) {
    endings.add(ending);
  }

  /** The endings asked for, first first. */
  final List<Ending> endings() {
    return endings;
  }

  /** Whether a fault asked to end or stall the connection. */
  final boolean ends() {
    return !endings.isEmpty();
  }

  /**
   * Applies the first ending that takes effect, described as happening {@code when}.
   *
   * @return whether one did
   */
  final boolean end(FaultEngine engine, Connection connection, String when) {
    for (Ending ending : endings) {
      if (engine.end(connection, ending, when)) {
        return true;
      }
    }
    return false;
  }
}
