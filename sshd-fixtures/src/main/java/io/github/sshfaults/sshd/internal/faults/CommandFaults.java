package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.internal.Durations;
import io.github.sshfaults.sshd.CommandResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.session.ServerSession;

/**
 * The faults of one command: decided when the exec request arrives, applied while its output is
 * sent. Runs on the host's command executor, never on a MINA SSHD I/O thread, so waiting here (a
 * delay, a throttle) stalls this command and nothing else.
 */
public final class CommandFaults {

  private static final CommandFaults NONE = new CommandFaults(null, null, null, List.of());

  private final FaultEngine engine;
  private final Connection connection;
  private final String commandLine;
  private final List<Firing> atExec;

  private CommandFaults(
      FaultEngine engine, Connection connection, String commandLine, List<Firing> atExec) {
    this.engine = engine;
    this.connection = connection;
    this.commandLine = commandLine;
    this.atExec = atExec;
  }

  /**
   * The faults for {@code commandLine} on {@code session}: none when the plan has nothing for it.
   */
  public static CommandFaults decide(
      FaultEngine engine, ServerSession session, String commandLine) {
    Connection connection = Connection.of(session);
    if (connection == null
        || (!engine.plan().has(Stage.EXEC) && !engine.plan().has(Stage.OUTPUT))) {
      return NONE;
    }
    List<Firing> atExec =
        engine.plan().fire(Stage.EXEC, connection.dice(), connection.user(), commandLine);
    return new CommandFaults(engine, connection, commandLine, atExec);
  }

  /** The result to send: the stub's, unless a fault makes the command exit otherwise. */
  public CommandResult result(CommandResult stubbed) {
    for (Firing firing : atExec) {
      if (firing.fault().effect() instanceof Effect.ExitWith exit) {
        engine.fired(
            connection,
            Stage.EXEC,
            firing,
            "made \"" + commandLine + "\" exit with " + exit.exitCode());
        return CommandResult.exit(exit.exitCode()).withStderr(exit.stderr());
      }
    }
    return stubbed;
  }

  /**
   * Sends stdout and stderr of {@code result} as the faults say.
   *
   * @return whether the command may now send its exit status
   * @throws InterruptedException when the command is destroyed while waiting
   */
  public boolean send(byte[] stdout, byte[] stderr, OutputStream out, OutputStream err)
      throws IOException, InterruptedException {
    if (this == NONE) {
      write(out, stdout, stdout.length, null);
      write(err, stderr, stderr.length, null);
      return true;
    }
    Effect.Throttle throttle = null;
    boolean hangs = false;
    for (Firing firing : atExec) {
      Effect effect = firing.fault().effect();
      if (effect instanceof Effect.Delayed delayed) {
        Duration delay = delayed.delay().sample(firing.random());
        engine.fired(
            connection,
            Stage.EXEC,
            firing,
            "delayed the output of \"" + commandLine + "\" by " + Durations.format(delay));
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
      } else if (effect instanceof Effect.Throttle t && throttle == null) {
        throttle = t;
        engine.fired(
            connection,
            Stage.EXEC,
            firing,
            "throttles the output of \""
                + commandLine
                + "\" to "
                + t.bytesPerSecond()
                + " bytes/s");
      } else if (effect instanceof Effect.Hang && !hangs) {
        hangs = true;
        engine.fired(
            connection,
            Stage.EXEC,
            firing,
            "\"" + commandLine + "\" sends its output and never exits");
      } else if (!(effect instanceof Effect.ExitWith)
          && !hangs
          && engine.endConnection(
              connection, Stage.EXEC, firing, "instead of running \"" + commandLine + "\"")) {
        return false;
      }
    }
    Firing cut = cutOf(stdout.length);
    long length = cut == null ? stdout.length : cut.fault().afterBytes();
    write(out, stdout, (int) length, throttle);
    if (cut != null) {
      String when = "after " + length + " bytes of the output of \"" + commandLine + "\"";
      if (cut.fault().effect() instanceof Effect.Hang) {
        engine.fired(connection, Stage.OUTPUT, cut, "stops " + when + " and never exits");
      } else {
        engine.endConnection(connection, Stage.OUTPUT, cut, when);
      }
      return false;
    }
    write(err, stderr, stderr.length, null);
    return !hangs;
  }

  private Firing cutOf(int stdoutLength) {
    if (!engine.plan().has(Stage.OUTPUT)) {
      return null;
    }
    List<Firing> firings =
        engine
            .plan()
            .fire(
                Stage.OUTPUT,
                connection.dice(),
                connection.user(),
                commandLine,
                fault -> fault.afterBytes() <= stdoutLength);
    return firings.isEmpty() ? null : firings.get(0);
  }

  private static void write(OutputStream stream, byte[] bytes, int length, Effect.Throttle throttle)
      throws IOException, InterruptedException {
    if (throttle == null) {
      stream.write(bytes, 0, length);
      stream.flush();
      return;
    }
    long next = System.nanoTime();
    for (int offset = 0; offset < length; ) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int chunk = Math.min(throttle.chunkSize(), length - offset);
      stream.write(bytes, offset, chunk);
      stream.flush();
      offset += chunk;
      next += chunk * 1_000_000_000L / throttle.bytesPerSecond();
    }
  }
}
