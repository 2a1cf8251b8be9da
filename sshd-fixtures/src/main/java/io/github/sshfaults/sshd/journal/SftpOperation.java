package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The host's SFTP subsystem handled one operation: one request, or the reads (or the writes) of one
 * open file, which make one {@code read} (or {@code write}) operation recorded when the file is
 * closed, or when its SFTP channel ends with the file still open.
 *
 * @param operation the {@link io.github.sshfaults.faults.SftpAction} in lower case: {@code open},
 *     {@code read}, {@code write}, {@code close}, {@code stat}, {@code list}, {@code remove}, ...
 * @param path the absolute path the operation was about, as the host resolved it; null for a
 *     request on a handle the host does not know
 * @param outcome {@code ok}; the SFTP status sent instead, such as {@code no such file} or {@code
 *     permission denied}; {@code no answer} when a fault made the host hang; {@code connection
 *     ended} when a fault ended the connection instead of answering; {@code cut after ...} for a
 *     transfer a fault cut; {@code unfinished} for a file still open when its channel ended
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
