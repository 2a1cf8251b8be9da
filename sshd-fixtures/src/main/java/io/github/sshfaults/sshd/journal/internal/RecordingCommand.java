package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.sshd.journal.CommandRun;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * Records a command's run around whatever command answers it: the bytes it writes, and its exit
 * status, recorded before the status goes to the client so the journal already holds the run when
 * the client sees it end. A command that never exits (its channel closed first) is recorded without
 * one when MINA destroys it.
 */
final class RecordingCommand implements Command {

  private final Command delegate;
  private final String commandLine;
  private final RecordingJournal journal;
  private final AtomicBoolean recorded = new AtomicBoolean();
  private CountingStream stdout;
  private CountingStream stderr;
  private volatile ServerSession session;
  private volatile long startNanos;

  RecordingCommand(Command delegate, String commandLine, RecordingJournal journal) {
    this.delegate = delegate;
    this.commandLine = commandLine;
    this.journal = journal;
  }

  @Override
  public void setInputStream(InputStream in) {
    delegate.setInputStream(in);
  }

  @Override
  public void setOutputStream(OutputStream out) {
    stdout = new CountingStream(out);
    delegate.setOutputStream(stdout);
  }

  @Override
  public void setErrorStream(OutputStream err) {
    stderr = new CountingStream(err);
    delegate.setErrorStream(stderr);
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    delegate.setExitCallback(
        (exitValue, exitMessage, closeImmediately) -> {
          record(OptionalInt.of(exitValue));
          callback.onExit(exitValue, exitMessage, closeImmediately);
        });
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    session = channel.getServerSession();
    startNanos = System.nanoTime();
    delegate.start(channel, env);
  }

  @Override
  public void destroy(ChannelSession channel) throws Exception {
    record(OptionalInt.empty());
    delegate.destroy(channel);
  }

  private void record(OptionalInt exitCode) {
    ServerSession started = session;
    if (started == null || !recorded.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    long out = stdout == null ? 0 : stdout.count;
    long err = stderr == null ? 0 : stderr.count;
    String user = started.getUsername();
    journal.record(
        started,
        (s, t, c) -> new CommandRun(s, t, c, user, commandLine, exitCode, out, err, duration));
  }

  /** Counts the bytes that reached the channel. */
  private static final class CountingStream extends FilterOutputStream {

    private volatile long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}
