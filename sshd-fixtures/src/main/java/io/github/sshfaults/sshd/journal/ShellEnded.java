package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@linkplain io.github.sshfaults.sshd.Shell scripted shell} ended: recorded before its exit
 * status goes to the client, or when its channel closed without one (the client went away, or a
 * fault cut the shell short).
 *
 * @param channelId the host's id of the shell's channel within its connection
 * @param user the user the connection authenticated as
 * @param exitCode the exit status sent to the client; empty when none was sent
 * @param reason why it ended: {@code typed "exit"}, {@code end of input} (the client closed its
 *     side), {@code wrong password}, {@code channel closed}, {@code host closing}
 * @param lines how many lines the client typed in it
 * @param outputBytes how many bytes the shell wrote: greeting, prompts, echo and answers
 * @param duration from the start of the shell to its end
 */
public record ShellEnded(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String user,
    OptionalInt exitCode,
    String reason,
    int lines,
    long outputBytes,
    Duration duration)
    implements JournalEvent {

  @Override
  public String type() {
    return "shell-ended";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "channelId", channelId,
        "user", user,
        "exitCode", exitCode.isPresent() ? exitCode.getAsInt() : null,
        "reason", reason,
        "lines", lines,
        "outputBytes", outputBytes,
        "durationMillis", duration.toMillis());
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
