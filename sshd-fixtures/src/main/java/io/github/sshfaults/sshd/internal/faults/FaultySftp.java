package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.sshd.internal.FilesQuota;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache MINA SSHD's SFTP subsystem with the fault engine in front of it: each request is an
 * occasion for the faults at {@link Stage#SFTP}, and each open file counts its bytes for faults
 * with {@link Fault#afterBytes(long)}. Every operation is reported to the engine's listener (the
 * journal): one event per request, except that the reads and writes of one open file make one event
 * with their byte count, reported when the file is closed or its transfer fails.
 *
 * <p>MINA SSHD handles the requests of one SFTP channel one after the other on the channel's own
 * thread, never on an I/O thread, so a delay here waits on that thread and holds this channel only.
 */
final class FaultySftp extends SftpSubsystem {

  private static final Logger LOG = LoggerFactory.getLogger(FaultySftp.class);
  private static final String POSIX_RENAME = "posix-rename@openssh.com";
  private static final String HARDLINK = "hardlink@openssh.com";

  private final FaultEngine engine;
  private final long quota;
  private final Connection connection;
  // Touched only by the channel's request thread (and by closeAllHandles on the same thread).
  private final Map<String, Transfer> transfers = new HashMap<>();
  private volatile boolean silent;
  private int lastStatus;
  // Why the host answered lastStatus, when the status alone does not say: the files' quota.
  private String lastReason;
  private Transfer endAfterReply;
  // The request being answered: recorded just before its answer goes out, so that the journal
  // has it by the time the client sees the answer.
  private Request answering;
  // The request being handled, as read at its entry; null for one no fault can match.
  private Request current;

  FaultySftp(
      ChannelSession channel,
      SftpSubsystemConfigurator configurator,
      FaultEngine engine,
      long quota) {
    super(channel, configurator);
    this.engine = engine;
    this.quota = quota;
    this.connection = Connection.of(channel.getSession());
  }

  // ------------------------------------------------------------------ requests

  @Override
  protected void process(Buffer buffer) throws IOException {
    if (silent) {
      return; // hung or cut: requests go unanswered
    }
    Request request = peek(buffer);
    current = request;
    if (request == null) {
      super.process(buffer);
      return;
    }
    lastStatus = SftpConstants.SSH_FX_OK;
    lastReason = null;
    if (connection != null
        && engine.plan().has(OccasionKind.SFTP)
        && !faultsAnswer(request, buffer)) {
      return;
    }
    answering = request;
    super.process(buffer);
    Request unanswered = answering;
    answering = null;
    if (unanswered != null) {
      record(unanswered); // silenced by a cut: no answer went out
    }
    Transfer ending = endAfterReply;
    if (ending != null) {
      endAfterReply = null;
      if (!applyCut(ending)) {
        forgetCut(ending); // the fault may no longer take effect: the transfer goes on
      }
    }
  }

  /**
   * Applies the per-request faults that fire on {@code request}: one delay, then one answer instead
   * of the host's (a status, silence, or the end of the connection), each the first that takes
   * effect.
   *
   * @return whether the host should go on and answer the request
   */
  private boolean faultsAnswer(Request request, Buffer buffer) throws IOException {
    SftpRequestDecision decision =
        new SftpRequestDecision(engine, connection, describe(request.action(), request.path()));
    engine
        .plan()
        .dispatch(
            OccasionKind.SFTP,
            connection.dice(),
            Occasion.sftp(connection.user(), request.action(), request.path()),
            decision);
    if (decision.delay.apply()) {
      try {
        TimeUnit.NANOSECONDS.sleep(decision.late.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        silent = true; // the channel is being destroyed
        return false;
      }
    }
    if (!decision.answer.apply()) {
      return true;
    }
    if (decision.status != null) {
      answering = request;
      sendStatus(prepareReply(buffer), request.id(), decision.status.code(), decision.message, "");
    } else {
      silent = true;
      record(request.with(decision.silence));
    }
    return false;
  }

  /** The request in {@code buffer}, read without consuming it; null when no fault can match it. */
  private Request peek(Buffer buffer) {
    int start = buffer.rpos();
    try {
      buffer.getInt(); // length
      int type = buffer.getUByte();
      int id = buffer.getInt();
      Request request =
          switch (type) {
            case SftpConstants.SSH_FXP_OPEN -> byPath(SftpAction.OPEN, buffer);
            case SftpConstants.SSH_FXP_CLOSE -> byHandle(SftpAction.CLOSE, buffer);
            case SftpConstants.SSH_FXP_READ -> byHandle(SftpAction.READ, buffer);
            case SftpConstants.SSH_FXP_WRITE -> byHandle(SftpAction.WRITE, buffer);
            case SftpConstants.SSH_FXP_STAT, SftpConstants.SSH_FXP_LSTAT ->
                byPath(SftpAction.STAT, buffer);
            case SftpConstants.SSH_FXP_FSTAT -> byHandle(SftpAction.STAT, buffer);
            case SftpConstants.SSH_FXP_SETSTAT -> byPath(SftpAction.SETSTAT, buffer);
            case SftpConstants.SSH_FXP_FSETSTAT -> byHandle(SftpAction.SETSTAT, buffer);
            case SftpConstants.SSH_FXP_OPENDIR -> byPath(SftpAction.LIST, buffer);
            case SftpConstants.SSH_FXP_READDIR -> byHandle(SftpAction.LIST, buffer);
            case SftpConstants.SSH_FXP_MKDIR -> byPath(SftpAction.MKDIR, buffer);
            case SftpConstants.SSH_FXP_RMDIR -> byPath(SftpAction.RMDIR, buffer);
            case SftpConstants.SSH_FXP_REMOVE -> byPath(SftpAction.REMOVE, buffer);
            case SftpConstants.SSH_FXP_RENAME -> rename(buffer);
            case SftpConstants.SSH_FXP_REALPATH -> byPath(SftpAction.REALPATH, buffer);
            case SftpConstants.SSH_FXP_READLINK -> byPath(SftpAction.READLINK, buffer);
            case SftpConstants.SSH_FXP_SYMLINK -> link(buffer, true);
            case SftpConstants.SSH_FXP_LINK -> link(buffer, null);
            case SftpConstants.SSH_FXP_EXTENDED ->
                switch (buffer.getString()) {
                  case POSIX_RENAME -> rename(buffer);
                  case HARDLINK -> link(buffer, false);
                  default -> null;
                };
            default -> null;
          };
      return request == null ? null : request.withId(id);
    } catch (RuntimeException e) {
      return null; // malformed: MINA SSHD answers it
    } finally {
      buffer.rpos(start);
    }
  }

  private Request byPath(SftpAction action, Buffer buffer) {
    return new Request(action, path(buffer.getString()), null, null, 0, null);
  }

  private Request byHandle(SftpAction action, Buffer buffer) {
    String handle = buffer.getString(StandardCharsets.ISO_8859_1);
    Handle open = handles.get(handle);
    return new Request(action, open == null ? null : path(open.getFile()), null, handle, 0, null);
  }

  /** A rename, about the old path, with the new one as its target. */
  private Request rename(Buffer buffer) {
    String from = buffer.getString();
    String to = buffer.getString();
    return new Request(SftpAction.RENAME, path(from), path(to), null, 0, null);
  }

  /**
   * A link, about the link's path, with the path it leads to as its target. The target comes first
   * in every form, as MINA SSHD (like OpenSSH) reads it: {@code SSH_FXP_SYMLINK} (target, link),
   * {@code SSH_FXP_LINK} (target, link, symbolic) and {@code hardlink@openssh.com} (existing file,
   * new link).
   *
   * @param symbolic whether the link is symbolic; null when the request says so itself
   */
  private Request link(Buffer buffer, Boolean symbolic) {
    String target = buffer.getString();
    String link = buffer.getString();
    boolean symlink = symbolic != null ? symbolic : buffer.getBoolean();
    return new Request(
        symlink ? SftpAction.SYMLINK : SftpAction.HARDLINK,
        path(link),
        symlink ? symlinkTarget(link, target) : path(target),
        null,
        0,
        null);
  }

  /**
   * Where a symbolic link at {@code link} to {@code target} leads: the file system keeps {@code
   * target} as written and resolves a relative one against the link's directory, so the journal
   * records it so resolved, absolute and normalized.
   */
  private String symlinkTarget(String link, String target) {
    try {
      Path at = normalize(resolveFile(link));
      Path dir = at.getParent() == null ? at : at.getParent();
      return path(getFileSystemAccessor().resolveLocalFilePath(this, dir, target));
    } catch (IOException | RuntimeException e) {
      return target; // MINA SSHD rejects it too
    }
  }

  /**
   * The path a client's {@code raw} path names, as MINA SSHD resolves it: against the session's
   * starting directory, {@code /}, with {@code .} and {@code ..} resolved ({@code ..} at the root
   * stays there) and repeated separators collapsed. {@code ~} is a name like any other, as in
   * OpenSSH's sftp-server. Triggers, byte counts and the journal all see this path.
   */
  private String path(String raw) {
    try {
      return path(resolveFile(raw));
    } catch (IOException | RuntimeException e) {
      return raw; // MINA SSHD rejects it too
    }
  }

  /** The absolute, normalized form of a path MINA SSHD resolved, such as an open file's. */
  private String path(Path resolved) {
    return normalize(resolved).toString();
  }

  /** How fault descriptions name a request or transfer: {@code read /data/report.csv}. */
  private static String describe(SftpAction action, String path) {
    String name = action.name().toLowerCase(Locale.ROOT);
    return path == null ? name : name + " " + path;
  }

  // ------------------------------------------------------------------ transfers

  @Override
  protected int doRead(
      int id,
      String handle,
      long offset,
      int length,
      byte[] data,
      int doff,
      AtomicReference<Boolean> eof)
      throws IOException {
    Transfer transfer = transfer(handle, SftpAction.READ);
    if (transfer == null) {
      return super.doRead(id, handle, offset, length, data, doff, eof);
    }
    if (transfer.due) {
      throwCut(transfer);
    }
    // The file's size is looked up only when a cut is in play, not on every read of every host.
    LongSupplier reach = () -> transfer.bytes + Math.min(length, remaining(handle, offset));
    SftpTransferDecision.Cut cut = decideCut(transfer, reach);
    boolean crossing = cut != null && reach.getAsLong() > cut.afterBytes();
    int allowed = length;
    if (crossing) {
      long left = cut.afterBytes() - transfer.bytes;
      if (left <= 0) {
        transfer.due = true;
        throwCut(transfer);
        crossing = false;
      } else {
        allowed = (int) Math.min(length, left);
      }
    }
    int read = super.doRead(id, handle, offset, allowed, data, doff, eof);
    transfer.bytes += Math.max(read, 0);
    if (crossing) {
      // The first bytes go out with this answer; the cut comes right after it.
      transfer.due = true;
      if (cut.status() == null) {
        endAfterReply = transfer;
      }
    }
    return read;
  }

  @Override
  protected void doWrite(
      int id, String handle, long offset, int length, byte[] data, int doff, int remaining)
      throws IOException {
    Transfer transfer = transfer(handle, SftpAction.WRITE);
    if (transfer == null) {
      super.doWrite(id, handle, offset, length, data, doff, remaining);
      return;
    }
    if (transfer.due) {
      throwCut(transfer);
    }
    int written = 0;
    SftpTransferDecision.Cut cut = decideCut(transfer, () -> transfer.bytes + length);
    if (cut != null && transfer.bytes + length > cut.afterBytes()) {
      int left = (int) (cut.afterBytes() - transfer.bytes);
      if (left > 0) {
        super.doWrite(id, handle, offset, left, data, doff, remaining);
        transfer.bytes += left;
        written = left;
      }
      transfer.due = true;
      throwCut(transfer);
    }
    int rest = length - written;
    super.doWrite(id, handle, offset + written, rest, data, doff + written, remaining - written);
    transfer.bytes += rest;
  }

  /** The transfer through {@code handle}, created at its first read or write; null if none. */
  private Transfer transfer(String handle, SftpAction action) {
    Transfer transfer = transfers.get(handle);
    if (transfer == null) {
      Handle open = handles.get(handle);
      if (open == null) {
        return null; // MINA SSHD answers: invalid handle
      }
      // The path read at the request's entry: the same for the fault's trigger and the journal.
      Request request = current;
      transfer =
          new Transfer(
              action,
              request != null && handle.equals(request.handle())
                  ? request.path()
                  : path(open.getFile()));
      transfers.put(handle, transfer);
    }
    return transfer;
  }

  private long remaining(String handle, long offset) {
    Handle open = handles.get(handle);
    try {
      return open == null ? 0 : Math.max(0, Files.size(open.getFile()) - offset);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The cut of {@code transfer}: decided the first time the transfer is about to reach past a
   * fault's byte count, each fault considered once per transfer.
   */
  private SftpTransferDecision.Cut decideCut(Transfer transfer, LongSupplier reachIfAnswered) {
    if (transfer.cut != null) {
      return transfer.cut;
    }
    if (connection == null || !engine.plan().has(OccasionKind.SFTP_TRANSFER)) {
      return null;
    }
    long reach = reachIfAnswered.getAsLong();
    SftpTransferDecision decision = new SftpTransferDecision();
    engine
        .plan()
        .dispatch(
            OccasionKind.SFTP_TRANSFER,
            connection.dice(),
            Occasion.sftp(connection.user(), transfer.action, transfer.path),
            fault -> fault.afterBytes() < reach && transfer.considered.add(fault),
            decision);
    transfer.cut = decision.first;
    return transfer.cut;
  }

  /**
   * Applies the cut of {@code transfer} and throws what aborts the request; returns when the cut's
   * fault may no longer take effect, and the transfer goes on.
   */
  private void throwCut(Transfer transfer) throws IOException {
    SftpTransferDecision.Cut cut = transfer.cut;
    if (cut.status() != null) {
      if (!transfer.cutFired) {
        if (!engine.fired(
            connection,
            cut.firing(),
            "answered "
                + describe(transfer.action, transfer.path)
                + " with "
                + cut.status()
                + " after "
                + transfer.bytes
                + " bytes")) {
          forgetCut(transfer);
          return;
        }
        transfer.cutFired = true;
      }
      throw new FaultStatus(cut.status(), cut.message());
    }
    if (!applyCut(transfer)) {
      forgetCut(transfer);
      return;
    }
    throw new Silenced();
  }

  /** Ends the connection, or stops answering, as the cut of {@code transfer} says; if it may. */
  private boolean applyCut(Transfer transfer) {
    String when =
        "after " + transfer.bytes + " bytes of " + describe(transfer.action, transfer.path);
    Ending ending = transfer.cut.ending();
    boolean applied =
        ending.how() == Ending.How.HANG
            ? engine.fired(connection, ending.firing(), "stops answering SFTP " + when)
            : engine.end(connection, ending, when);
    if (applied) {
      silent = true;
      transfer.outcome = "cut " + when;
      transfer.status = null;
    }
    return applied;
  }

  /** The cut of {@code transfer} can no longer take effect: the transfer goes on as if none. */
  private static void forgetCut(Transfer transfer) {
    transfer.cut = null;
    transfer.due = false;
  }

  // ------------------------------------------------------------------ answers

  @Override
  protected void sendStatus(Buffer buffer, int id, Throwable e, int cmd, Object... args)
      throws IOException {
    if (e instanceof FaultStatus status) {
      sendStatus(buffer, id, status.status.code(), status.getMessage(), "");
    } else if (FilesQuota.isExceeded(e)) {
      // The in-memory file system is full: a disk quota, not a generic failure.
      // Set first: the journal records the request as its answer goes out.
      lastReason = FilesQuota.exceeded(quota);
      sendStatus(buffer, id, SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, lastReason, "");
    } else if (!(e instanceof Silenced)) {
      super.sendStatus(buffer, id, e, cmd, args);
    }
  }

  @Override
  protected void sendStatus(Buffer buffer, int id, int substatus, String msg, String lang)
      throws IOException {
    lastStatus = substatus;
    super.sendStatus(buffer, id, substatus, msg, lang);
  }

  @Override
  protected void send(Buffer buffer) throws IOException {
    if (silent) {
      return;
    }
    Request answered = answering;
    if (answered != null) {
      answering = null;
      record(answered);
    }
    super.send(buffer);
  }

  // ------------------------------------------------------------------ journal

  private void record(Request request) {
    String outcome =
        request.outcome() != null
            ? request.outcome()
            : outcome(lastStatus) + (lastReason == null ? "" : ": " + lastReason);
    SftpStatus status = request.outcome() != null ? null : status(lastStatus);
    switch (request.action()) {
      case READ, WRITE -> {
        Transfer transfer = request.handle() == null ? null : transfers.get(request.handle());
        if (transfer == null) {
          report(request.action(), request.path(), null, status, outcome, 0);
        } else if (request.outcome() != null) {
          transfer.outcome = request.outcome();
          transfer.status = null;
        } else if (lastStatus != SftpConstants.SSH_FX_OK
            && lastStatus != SftpConstants.SSH_FX_EOF) {
          transfer.outcome = outcome;
          transfer.status = status;
        }
        return;
      }
      case CLOSE -> {
        Transfer transfer = request.handle() == null ? null : transfers.remove(request.handle());
        if (transfer != null) {
          report(transfer);
        }
      }
      case LIST -> {
        if (request.handle() != null && (outcome.equals("ok") || outcome.equals("end of file"))) {
          return; // the entries of a listing already reported at its opendir
        }
      }
      default -> {}
    }
    report(request.action(), request.path(), request.target(), status, outcome, 0);
  }

  private void report(Transfer transfer) {
    report(
        transfer.action, transfer.path, null, transfer.status, transfer.outcome, transfer.bytes);
  }

  private void report(
      SftpAction action,
      String path,
      String target,
      SftpStatus status,
      String outcome,
      long bytes) {
    if (connection != null) {
      engine.sftpOperation(connection, action, path, target, status, outcome, bytes);
    }
  }

  private static String outcome(int status) {
    if (status == SftpConstants.SSH_FX_OK) {
      return "ok";
    }
    SftpStatus known = status(status);
    return known != null ? known.message().toLowerCase(Locale.ROOT) : "status " + status;
  }

  /** The status the host answered with, or null for none or one outside SFTP's codes. */
  private static SftpStatus status(int code) {
    for (SftpStatus status : SftpStatus.values()) {
      if (status.code() == code) {
        return status;
      }
    }
    return null;
  }

  @Override
  protected void closeAllHandles() {
    // Files left open when the channel ends: their transfers did not finish.
    for (Transfer transfer : transfers.values()) {
      if (transfer.outcome.equals("ok")) {
        transfer.outcome = silent ? "no answer" : "unfinished";
      }
      report(transfer);
    }
    transfers.clear();
    super.closeAllHandles();
  }

  @Override
  public void destroy(ChannelSession channel) {
    LOG.debug("SFTP channel of {} ends", connection);
    super.destroy(channel);
  }

  /** One request, as faults and the journal see it. */
  private record Request(
      SftpAction action, String path, String target, String handle, int id, String outcome) {
    Request withId(int id) {
      return new Request(action, path, target, handle, id, outcome);
    }

    Request with(String outcome) {
      return new Request(action, path, target, handle, id, outcome);
    }
  }

  /** The reads or writes through one open file. */
  private static final class Transfer {
    final SftpAction action;
    final String path;
    final Set<FaultSpec> considered = new HashSet<>();
    long bytes;
    SftpStatus status;
    SftpTransferDecision.Cut cut;
    boolean due;
    boolean cutFired;
    String outcome = "ok";

    Transfer(SftpAction action, String path) {
      this.action = action;
      this.path = path;
    }
  }

  /** Aborts a request with a status a fault chose. */
  private static final class FaultStatus extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SftpStatus status;

    FaultStatus(SftpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Aborts a request that must get no answer: the host hangs or the connection is ending. */
  private static final class Silenced extends IOException {
    private static final long serialVersionUID = 1L;

    Silenced() {
      super("silenced by a fault");
    }
  }
}
