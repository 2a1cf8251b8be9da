package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The client asked for something on an open channel, and the host accepted or refused it: a
 * pseudo-terminal ({@code pty-req}), a new terminal size ({@code window-change}), a shell ({@code
 * shell}) or a subsystem ({@code subsystem sftp}). A refused one says why, as a host without a
 * {@linkplain io.github.sshfaults.sshd.FakeSshHost#shell(io.github.sshfaults.sshd.Shell) shell}
 * for the user refuses a shell, or a host without {@code org.apache.sshd:sshd-sftp} on its class
 * path refuses SFTP. Exec requests are recorded as {@link CommandRun}s instead.
 *
 * @param channelId the host's id of the channel within its connection
 * @param request the request and what it names: {@code pty-req}, {@code window-change}, {@code
 *     shell}, {@code subsystem sftp}
 * @param terminal the terminal asked for, for {@code pty-req} and {@code window-change}; null for
 *     the others
 * @param accepted whether the host granted it
 * @param reason why the host refused it; null when it accepted
 */
public record ChannelRequest(
    long sequence,
    Instant time,
    int connection,
    long channelId,
    String request,
    Terminal terminal,
    boolean accepted,
    String reason)
    implements JournalEvent {

  @Override
  public String type() {
    return "channel-request";
  }

  /**
   * {@code channelId}, {@code request}, then for a terminal its {@code terminal} type, {@code
   * columns}, {@code rows} and {@code modes} ({@link Terminal#modesSummary()}), then {@code
   * accepted} and {@code reason}.
   */
  @Override
  public Map<String, Object> details() {
    if (terminal == null) {
      return EventText.details(
          "channelId", channelId, "request", request, "accepted", accepted, "reason", reason);
    }
    return EventText.details(
        "channelId", channelId,
        "request", request,
        "terminal", terminal.type(),
        "columns", terminal.columns(),
        "rows", terminal.rows(),
        "modes", terminal.modesSummary(),
        "accepted", accepted,
        "reason", reason);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
