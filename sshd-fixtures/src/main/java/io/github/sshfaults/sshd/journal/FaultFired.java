package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * A fault the test configured acted on a connection.
 *
 * @param stage where in the connection it acted, such as {@code AUTH} or {@code OUTPUT}
 * @param rule the fault's place in the host's plan: 1 for the fault added first
 * @param fault the fault itself, as the plan holds it
 * @param description what it did on the wire, such as {@code dropped the connection (FIN) before
 *     the banner}
 */
public record FaultFired(
    long sequence,
    Instant time,
    int connection,
    Stage stage,
    int rule,
    Fault fault,
    String description)
    implements JournalEvent {

  @Override
  public String type() {
    return "fault";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "stage", stage, "rule", rule, "fault", fault.toString(), "description", description);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
