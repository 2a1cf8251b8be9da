package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The client typed a line in a {@linkplain io.github.sshfaults.sshd.Shell scripted shell}: recorded
 * when the shell has read the line's end (CR, LF or CRLF), before it answers, so the journal holds
 * the line by the time the client sees the answer.
 *
 * @param channelId the host's id of the shell's channel within its connection
 * @param user the user the connection authenticated as
 * @param prompt the prompt the line was typed at, such as {@code router# } or {@code Password: }
 * @param line the line without its line ending, as the shell read it (a backspace erased the
 *     character before it); {@value #HIDDEN} for a password, which a shell never shows
 * @param outcome what the shell made of it: {@code stub}, {@code host command}, {@code unknown},
 *     {@code empty}, {@code mode} (it entered another mode), {@code password asked}, {@code
 *     password accepted}, {@code wrong password}, {@code return} (back to the mode before), {@code
 *     paging off}, {@code exit}
 */
public record ShellLine(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String user,
    String prompt,
    String line,
    String outcome)
    implements JournalEvent {

  /** What the journal shows instead of a password typed at a password prompt. */
  public static final String HIDDEN = "********";

  @Override
  public String type() {
    return "shell-line";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "channelId", channelId,
        "user", user,
        "prompt", prompt,
        "line", line,
        "outcome", outcome);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
