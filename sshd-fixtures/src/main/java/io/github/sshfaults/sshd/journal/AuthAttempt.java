package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The host decided one authentication request. A public-key login that first asks whether a key
 * would do is recorded once, when the host decides the signed request (or turns the key away). The
 * {@code none} method clients send to learn the allowed methods is not recorded.
 *
 * @param user the user name the client asked for
 * @param method the method of the request
 * @param accepted whether the host let the client in with it
 * @param reason why, for instance {@code wrong password} or {@code no such user}
 */
public record AuthAttempt(
    long sequence,
    Instant time,
    int connection,
    String user,
    AuthMethod method,
    boolean accepted,
    String reason)
    implements JournalEvent {

  @Override
  public String type() {
    return "auth";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "user", user, "method", method.name(), "accepted", accepted, "reason", reason);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
