package io.github.sshfaults.sshd.journal;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.sshd.journal.internal.EventText;
import java.time.Instant;
import java.util.Map;

/**
 * The host's SFTP subsystem handled one operation: one request, or the reads (or the writes) of one
 * open file, which make one {@link SftpAction#READ} (or {@link SftpAction#WRITE}) operation
 * recorded when the file is closed, or when its SFTP channel ends with the file still open.
 *
 * @param action what the client asked for: {@link SftpAction#OPEN}, {@link SftpAction#READ}, ...
 * @param path the absolute, normalized path the operation was about, as the host resolved it (the
 *     same for every request on an open file, however the client spelled its name); null for a
 *     request on a handle the host does not know; for a link the link's path, for a rename the old
 *     path
 * @param target the second path of an operation that has two: where a {@link SftpAction#SYMLINK}
 *     leads (a relative target resolved against the link's directory, as the file system follows
 *     it), the existing file a {@link SftpAction#HARDLINK} names, the new path of a {@link
 *     SftpAction#RENAME}; absolute and normalized as {@code path} is; null for other operations
 * @param status the {@code SSH_FXP_STATUS} error the host answered with, such as {@link
 *     SftpStatus#NO_SUCH_FILE}; null when the operation went well, or got no status at all (no
 *     answer, the connection ended, a code outside SFTP's)
 * @param outcome in words: {@code ok}; the status sent instead, such as {@code no such file} or
 *     {@code permission denied}; {@code no answer} when a fault made the host hang; {@code
 *     connection ended} when a fault ended the connection instead of answering; {@code cut after
 *     ...} for a transfer a fault cut; {@code unfinished} for a file still open when its channel
 *     ended
 * @param bytes how many bytes were read or written; 0 for other operations
 */
public record SftpOperation(
    long sequence,
    Instant time,
    int connection,
    SftpAction action,
    String path,
    String target,
    SftpStatus status,
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
        "action",
        action.name(),
        "path",
        path,
        "target",
        target,
        "status",
        status == null ? null : status.name(),
        "outcome",
        outcome,
        "bytes",
        bytes);
  }

  @Override
  public String toString() {
    return EventText.line(this);
  }
}
