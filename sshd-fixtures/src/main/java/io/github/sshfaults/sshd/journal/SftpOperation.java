package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The host's SFTP subsystem handled one operation.
 *
 * @param operation {@code open}, {@code read}, {@code write}, {@code remove}, ...
 * @param path the path the operation was about
 * @param outcome {@code ok}, or the SFTP status sent instead, such as {@code no such file}
 * @param bytes how many bytes were read or written; 0 for other operations
 */
public record SftpOperation(
    long sequence,
    Instant time,
    int connection,
    String operation,
    String path,
    String outcome,
    long bytes)
    implements JournalEvent {

  @Override
  public String type() {
    return "sftp";
  }

  @Override
  public Map<String, Object> details() {
    return EventText.details(
        "operation", operation, "path", path, "outcome", outcome, "bytes", bytes);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
