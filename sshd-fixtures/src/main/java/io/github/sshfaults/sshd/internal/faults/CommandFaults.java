package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.internal.Durations;
import io.github.sshfaults.sshd.CommandResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.session.ServerSession;

/**
 * The faults of one command: decided when the exec request arrives, applied while its output is
 * sent. Runs on the host's command executor, never on a MINA SSHD I/O thread, so waiting here (a
 * delay, a throttle) stalls this command and nothing else.
 *
 * <p>At {@link io.github.sshfaults.faults.Stage#EXEC} a command gets one exit code, one delay, one
 * throttle and one ending (a hang: the output goes out, the exit code never; the others end the
 * connection instead of running the command), each the first that takes effect; at {@link
 * io.github.sshfaults.faults.Stage#OUTPUT}, one cut of its stdout.
 */
public final class CommandFaults {

  private static final CommandFaults NONE = new CommandFaults(null, null, null);

  private final FaultEngine engine;
  private final Connection connection;
  private final String commandLine;
  private final ExecDecision exec = new ExecDecision();

  private CommandFaults(FaultEngine engine, Connection connection, String commandLine) {
    this.engine = engine;
    this.connection = connection;
    this.commandLine = commandLine;
  }

  /**
   * The faults for {@code commandLine} on {@code session}: none when the plan has nothing for it.
   */
  public static CommandFaults decide(
      FaultEngine engine, ServerSession session, String commandLine) {
    Connection connection = Connection.of(session);
    if (connection == null
        || (!engine.plan().has(OccasionKind.EXEC) && !engine.plan().has(OccasionKind.OUTPUT))) {
      return NONE;
    }
    CommandFaults faults = new CommandFaults(engine, connection, commandLine);
    engine
        .plan()
        .dispatch(
            OccasionKind.EXEC,
            connection.dice(),
            Occasion.of(connection.user(), commandLine),
            faults.exec);
    faults.scheduleTimedEnding();
    return faults;
  }

  /**
   * Schedules the first ending that waits ({@code Fault.after}), counted from now, the command's
   * start: the command runs meanwhile. The endings that wait are not applied when it sends.
   */
  private void scheduleTimedEnding() {
    for (Ending ending : exec.endings()) {
      if (!ending.firing().after().isZero()) {
        engine.endLater(connection, ending, "while \"" + commandLine + "\" ran");
        return;
      }
    }
  }

  /** The result to send: the stub's, unless a fault makes the command exit otherwise. */
  public CommandResult result(CommandResult stubbed) {
    return exec.exit.apply() ? exec.exitResult : stubbed;
  }

  /**
   * Sends stdout and stderr of {@code result} as the faults say.
   *
   * @return whether the command may now send its exit code
   * @throws InterruptedException when the command is destroyed while waiting
   */
  public boolean send(byte[] stdout, byte[] stderr, OutputStream out, OutputStream err)
      throws IOException, InterruptedException {
    if (this == NONE) {
      write(out, stdout, 0, stdout.length, 0, 0);
      write(err, stderr, 0, stderr.length, 0, 0);
      return true;
    }
    if (exec.delay.apply()) {
      TimeUnit.NANOSECONDS.sleep(exec.late.toNanos());
    }
    boolean hangs = false;
    for (Ending ending : exec.endings()) {
      if (!ending.firing().after().isZero()) {
        continue;
      }
      if (ending.how() == Ending.How.HANG) {
        if (engine.fired(
            connection,
            ending.firing(),
            "\"" + commandLine + "\" sends its output and never exits")) {
          hangs = true;
          break;
        }
      } else if (engine.end(connection, ending, "instead of running \"" + commandLine + "\"")) {
        return false;
      }
    }
    exec.throttle.apply();
    OutputCut cut = cutOf(stdout.length);
    int written = cut == null ? 0 : cut.apply(stdout, out);
    if (written < 0) {
      return false;
    }
    write(out, stdout, written, stdout.length - written, exec.bytesPerSecond, exec.chunkSize);
    write(err, stderr, 0, stderr.length, 0, 0);
    return !hangs;
  }

  private OutputCut cutOf(int stdoutLength) {
    if (!engine.plan().has(OccasionKind.OUTPUT)) {
      return null;
    }
    OutputCut cut = new OutputCut();
    engine
        .plan()
        .dispatch(
            OccasionKind.OUTPUT,
            connection.dice(),
            Occasion.of(connection.user(), commandLine),
            fault -> fault.afterBytes() <= stdoutLength,
            cut);
    return cut.endings().isEmpty() ? null : cut;
  }

  /** What the faults at EXEC ask for. */
  private final class ExecDecision extends EndingDecision implements ExecEffect.Injector {

    final OneOf exit = new OneOf();
    final OneOf delay = new OneOf();
    final OneOf throttle = new OneOf();
    CommandResult exitResult;
    Duration late;
    long bytesPerSecond;
    int chunkSize;

    @Override
    public void exitWith(int exitCode, String stderr, Firing firing) {
      exit.add(
          () -> {
            if (!engine.fired(
                connection, firing, "made \"" + commandLine + "\" exit with " + exitCode)) {
              return false;
            }
            exitResult = CommandResult.exit(exitCode).withStderr(stderr);
            return true;
          });
    }

    @Override
    public void delayOutput(Delay delay, Firing firing) {
      this.delay.add(
          () -> {
            Duration sample = firing.sample(delay);
            if (!engine.fired(
                connection,
                firing,
                "delayed the output of \"" + commandLine + "\" by " + Durations.format(sample))) {
              return false;
            }
            late = sample;
            return true;
          });
    }

    @Override
    public void throttle(long bytesPerSecond, int chunkSize, Firing firing) {
      throttle.add(
          () -> {
            if (!engine.fired(
                connection,
                firing,
                "throttles the output of \""
                    + commandLine
                    + "\" to "
                    + bytesPerSecond
                    + " bytes/s")) {
              return false;
            }
            this.bytesPerSecond = bytesPerSecond;
            this.chunkSize = chunkSize;
            return true;
          });
    }
  }

  /** What the faults at OUTPUT ask for: a cut after a number of bytes of stdout. */
  private final class OutputCut extends EndingDecision implements OutputEffect.Injector {

    /**
     * Writes stdout up to the first cut that takes effect, and applies it.
     *
     * @return -1 when a cut took effect: the command sends nothing more; else how many bytes of
     *     stdout went out, for the caller to send the rest
     */
    int apply(byte[] stdout, OutputStream out) throws IOException, InterruptedException {
      int written = 0;
      for (Ending ending : endings()) {
        int after = (int) ending.firing().afterBytes();
        if (after > written) {
          write(out, stdout, written, after - written, exec.bytesPerSecond, exec.chunkSize);
          written = after;
        }
        String when = "after " + after + " bytes of the output of \"" + commandLine + "\"";
        boolean applied =
            ending.how() == Ending.How.HANG
                ? engine.fired(connection, ending.firing(), "stops " + when + " and never exits")
                : engine.end(connection, ending, when);
        if (applied) {
          return -1;
        }
      }
      // No cut may take effect any more: the output goes on.
      return written;
    }
  }

  private static void write(
      OutputStream stream, byte[] bytes, int offset, int length, long bytesPerSecond, int chunkSize)
      throws IOException, InterruptedException {
    if (bytesPerSecond == 0) {
      stream.write(bytes, offset, length);
      stream.flush();
      return;
    }
    long next = System.nanoTime();
    for (int done = 0; done < length; ) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int chunk = Math.min(chunkSize, length - done);
      stream.write(bytes, offset + done, chunk);
      stream.flush();
      done += chunk;
      next += chunk * 1_000_000_000L / bytesPerSecond;
    }
  }
}
