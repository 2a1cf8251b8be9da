package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An exec request ended. Recorded when the host sends the exit code, or when the channel closes
 * without one (the client went away, or a fault cut the command short).
 *
 * @param user the user the connection authenticated as
 * @param commandLine the command line exactly as the client sent it
 * @param exitCode the exit code sent to the client; empty when none was sent
 * @param stdoutBytes how many bytes the command wrote on its standard output
 * @param stderrBytes how many bytes the command wrote on its standard error
 * @param duration from the start of the command to its exit (or to the channel's end)
 */
public record CommandRun(
    long sequence,
    Instant time,
    int connection,
    String user,
    String commandLine,
    OptionalInt exitCode,
    long stdoutBytes,
    long stderrBytes,
    Duration duration)
    implements JournalEvent {

  @Override
  public String type() {
    return "command";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "user", user,
        "commandLine", commandLine,
        "exitCode", exitCode.isPresent() ? exitCode.getAsInt() : null,
        "stdoutBytes", stdoutBytes,
        "stderrBytes", stderrBytes,
        "durationMillis", duration.toMillis());
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
