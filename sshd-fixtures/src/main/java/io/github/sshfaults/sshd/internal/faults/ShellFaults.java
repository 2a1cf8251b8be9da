package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.faults.internal.ShellEffect;
import io.github.sshfaults.internal.Durations;
import io.github.sshfaults.internal.Preconditions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.session.ServerSession;

/**
 * The faults of one scripted shell: decided before each prompt ({@link
 * io.github.sshfaults.faults.Stage#SHELL}) and while the answer to a line goes out (the same stage,
 * with a byte count). Runs on the shell's own thread, never on a MINA SSHD I/O thread, so a delay
 * stalls this shell and nothing else.
 *
 * <p>Before a prompt the shell gets one delay, one noise, and one ending: a hang (no prompt, the
 * shell reads nothing more, the connection still works), an exit code (the shell ends), or the end
 * of the connection; each the first that takes effect, in that order.
 */
public final class ShellFaults {

  private static final ShellFaults NONE = new ShellFaults(null, null);

  private final FaultEngine engine;
  private final Connection connection;

  private ShellFaults(FaultEngine engine, Connection connection) {
    this.engine = engine;
    this.connection = connection;
  }

  /** The faults of the shell on {@code session}: none when the plan has none at the shell stage. */
  public static ShellFaults of(FaultEngine engine, ServerSession session) {
    Connection connection = Connection.of(session);
    return connection == null ? NONE : new ShellFaults(engine, connection);
  }

  /** How a prompt goes, once its faults have acted. */
  public enum Prompt {
    /** The shell writes its prompt. */
    WRITE,
    /** The shell never writes it and stops: a hang, or the connection ended. */
    STOP,
    /** The shell ends with {@link #exitCode()} after writing {@link #exitStderr()}. */
    EXIT
  }

  /** The shell's output, for what a fault adds to it, in order with the rest. */
  public interface Writer {
    /** Writes {@code bytes}. */
    void write(byte[] bytes) throws IOException;

    /** Sends what was written, before a fault waits or ends the connection. */
    void flush() throws IOException;
  }

  /** Writes part of an answer; false when the client stopped it (a pager's {@code q}). */
  @FunctionalInterface
  public interface Segments {
    boolean write(int from, int to) throws IOException;
  }

  private int exitCode;
  private String exitStderr;

  /** The exit code of a {@link Prompt#EXIT}. */
  public int exitCode() {
    return exitCode;
  }

  /** What a {@link Prompt#EXIT} writes before it ends. */
  public String exitStderr() {
    return exitStderr;
  }

  /**
   * Applies the faults before a prompt: the first one ({@code line} null) or the one after {@code
   * line}, writing noise with {@code noise}.
   *
   * @throws InterruptedException when the shell is stopped while a delay waits
   */
  public Prompt beforePrompt(String line, Writer noise) throws IOException, InterruptedException {
    if (this == NONE || !engine.plan().has(OccasionKind.SHELL)) {
      return Prompt.WRITE;
    }
    PromptDecision decision = new PromptDecision(line);
    engine
        .plan()
        .dispatch(
            OccasionKind.SHELL, connection.dice(), Occasion.of(connection.user(), line), decision);
    if (decision.delay.isEmpty()
        && decision.noise.isEmpty()
        && decision.exit.isEmpty()
        && !decision.ends()) {
      return Prompt.WRITE;
    }
    noise.flush();
    if (decision.delay.apply()) {
      TimeUnit.NANOSECONDS.sleep(decision.late.toNanos());
    }
    if (decision.noise.apply()) {
      noise.write(decision.noiseBytes);
      noise.flush();
    }
    for (Ending ending : decision.endings()) {
      if (ending.how() == Ending.How.HANG) {
        if (engine.fired(connection, ending.firing(), "never writes " + prompt(line))) {
          return Prompt.STOP;
        }
      } else if (engine.end(connection, ending, "instead of " + prompt(line))) {
        return Prompt.STOP;
      }
    }
    return decision.exit.apply() ? Prompt.EXIT : Prompt.WRITE;
  }

  /**
   * Sends the {@code length} bytes of the answer to {@code line} with {@code segments}, cut as the
   * faults say.
   *
   * @return false when a cut took effect: the shell sends nothing more
   */
  public boolean sendAnswer(String line, int length, Segments segments) throws IOException {
    if (this == NONE || !engine.plan().has(OccasionKind.SHELL_OUTPUT)) {
      segments.write(0, length);
      return true;
    }
    AnswerCut cut = new AnswerCut();
    engine
        .plan()
        .dispatch(
            OccasionKind.SHELL_OUTPUT,
            connection.dice(),
            Occasion.of(connection.user(), line),
            fault -> fault.afterBytes() <= length,
            cut);
    int written = 0;
    for (Ending ending : cut.endings()) {
      int after = (int) ending.firing().afterBytes();
      if (after > written) {
        if (!segments.write(written, after)) {
          return true;
        }
        written = after;
      }
      String when = "after " + after + " bytes of the answer to " + Preconditions.quote(line);
      boolean applied =
          ending.how() == Ending.How.HANG
              ? engine.fired(connection, ending.firing(), "stops the shell " + when)
              : engine.end(connection, ending, when);
      if (applied) {
        return false;
      }
    }
    segments.write(written, length);
    return true;
  }

  private static String prompt(String line) {
    return line == null ? "the first prompt" : "the prompt after " + Preconditions.quote(line);
  }

  /** What the faults before a prompt ask for. */
  private final class PromptDecision extends EndingDecision implements ShellEffect.Injector {

    final OneOf delay = new OneOf();
    final OneOf noise = new OneOf();
    final OneOf exit = new OneOf();
    private final String line;
    Duration late;
    byte[] noiseBytes;

    PromptDecision(String line) {
      this.line = line;
    }

    @Override
    public void delayPrompt(Delay delay, Firing firing) {
      this.delay.add(
          () -> {
            Duration sample = firing.sample(delay);
            if (!engine.fired(
                connection,
                firing,
                "delayed " + prompt(line) + " by " + Durations.format(sample))) {
              return false;
            }
            late = sample;
            return true;
          });
    }

    @Override
    public void noise(byte[] bytes, Firing firing) {
      noise.add(
          () -> {
            if (!engine.fired(
                connection,
                firing,
                "wrote " + bytes.length + " bytes of noise before " + prompt(line))) {
              return false;
            }
            noiseBytes = bytes;
            return true;
          });
    }

    @Override
    public void exitWith(int code, String stderr, Firing firing) {
      exit.add(
          () -> {
            if (!engine.fired(
                connection, firing, "ended the shell with " + code + " instead of " + prompt(line))) {
              return false;
            }
            exitCode = code;
            exitStderr = stderr;
            return true;
          });
    }
  }

  /** What the faults on an answer ask for: a cut after a number of its bytes. */
  private static final class AnswerCut extends EndingDecision implements OutputEffect.Injector {}
}
