package io.github.sshfaults.sshd.internal.shell;

import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.sshd.CommandHandler;
import io.github.sshfaults.sshd.CommandInvocation;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.SharedThreads;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.internal.faults.ShellFaults;
import io.github.sshfaults.sshd.journal.ShellEnded;
import io.github.sshfaults.sshd.journal.ShellLine;
import io.github.sshfaults.sshd.journal.Terminal;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shell playing a {@link ShellScript}: greeting, prompt, then each line typed answered from the
 * script's stubs (or the host's command stubs), until a line ends the session or the client closes
 * its side. With a terminal it echoes what is typed and writes CRLF line endings, as a shell on a
 * pseudo-terminal does.
 *
 * <p>MINA SSHD calls {@link #start} on an I/O thread; the shell plays on the host's command
 * threads, where it may wait for the client's next key as long as the client wants.
 */
final class ScriptedShell implements Command {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptedShell.class);

  /** The exit code of a shell that could not start for want of threads. */
  private static final int BUSY = 126;

  private static final int CTRL_C = 0x03;
  private static final int CTRL_D = 0x04;
  private static final int BACKSPACE = 0x08;
  private static final int DELETE = 0x7f;

  private final ShellScript root;
  private final CommandStubs hostStubs;
  private final ExecutorService executor;
  private final RecordingJournal journal;
  private final FaultEngine faultEngine;
  private ShellFaults faults;
  private final Deque<ShellScript> modes = new ArrayDeque<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private InputStream in;
  private OutputStream rawOut;
  private OutputStream err;
  private ExitCallback exitCallback;
  private volatile ServerSession session;
  private volatile long channelId;
  private volatile long startNanos;
  private volatile Future<?> running;
  private Terminal terminal;
  private Map<String, String> environment;
  private TerminalOutput out;
  private Keys keys;
  private volatile int lines;
  private boolean cancelled;
  private boolean pagingOff;
  private int pageLeft;

  ScriptedShell(
      ShellScript root,
      CommandStubs hostStubs,
      ExecutorService executor,
      RecordingJournal journal,
      FaultEngine faultEngine) {
    this.root = root;
    this.faultEngine = faultEngine;
    this.hostStubs = hostStubs;
    this.executor = executor;
    this.journal = journal;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.rawOut = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    session = channel.getServerSession();
    channelId = channel.getChannelId();
    startNanos = System.nanoTime();
    terminal = PtyRequests.terminal(channel);
    environment = Map.copyOf(env.getEnv());
    out = new TerminalOutput(rawOut, terminal != null);
    keys = new Keys(in);
    faults = ShellFaults.of(faultEngine, session);
    try {
      running = executor.submit(this::run);
    } catch (RejectedExecutionException e) {
      if (executor.isShutdown()) {
        throw new IOException("Fake host is shutting down; cannot start a shell", e);
      }
      refuseForWantOfThreads();
    }
  }

  /** Every command thread of the JVM is busy: the shell fails at once, saying why. */
  private void refuseForWantOfThreads() {
    String message =
        "sshfaults: "
            + SharedThreads.MAX_COMMANDS
            + " command handlers and shells already run on the fake hosts of this JVM, the most"
            + " there may be at once; the shell was not started\n";
    LOG.warn("{}", message.strip());
    SharedThreads.timer()
        .execute(
            () -> {
              try {
                err.write(message.getBytes(StandardCharsets.UTF_8));
                err.flush();
              } catch (IOException e) {
                LOG.debug("Client went away before hearing that its shell was refused", e);
              } finally {
                end(BUSY, "no thread to run it");
              }
            });
  }

  private void run() {
    try {
      play();
    } catch (InterruptedIOException | InterruptedException e) {
      // Destroyed while waiting for the client or a fault's delay: the channel is gone.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("Client went away from its shell", e);
    }
  }

  private void play() throws IOException, InterruptedException {
    modes.push(root);
    out.write(root.motd());
    if (root.password() != null && !passwordAccepted(root)) {
      out.flush();
      end(1, keys.ended() ? "end of input" : "wrong password");
      return;
    }
    String answered = null;
    while (true) {
      ShellScript mode = modes.peek();
      String prompt = mode.prompt();
      switch (faults.beforePrompt(answered, faultOutput())) {
        case STOP -> {
          out.flush();
          return;
        }
        case EXIT -> {
          sendError(faults.exitStderr());
          end(faults.exitCode(), "a fault ended it");
          return;
        }
        case WRITE -> {}
      }
      out.write(prompt);
      String line = readLine(echo(), false);
      if (line == null) {
        out.flush();
        end(0, "end of input");
        return;
      }
      if (cancelled) {
        cancelled = false;
        answered = ""; // the prompt after a cancelled line follows no line a fault could match
        continue;
      }
      lines++;
      answered = line;
      Answer answer = resolve(line);
      if (answer.kind() == Answer.Kind.MODE) {
        enter(prompt, line, answer.mode());
        continue;
      }
      typed(prompt, line, answer.outcome());
      switch (answer.kind()) {
        case EXIT -> {
          out.flush();
          end(0, "typed " + Preconditions.quote(line));
          return;
        }
        case RETURN -> modes.pop();
        case PAGING_OFF -> pagingOff = true;
        case EMPTY, MODE -> {}
        case STUB, HOST_COMMAND -> {
          if (!send(line, call(answer.handler(), line))) {
            return;
          }
        }
        case UNKNOWN -> {
          if (!send(line, unknown(line))) {
            return;
          }
        }
      }
    }
  }

  /**
   * Enters {@code mode}, typed as {@code line} at {@code prompt}: at once, or once its password is
   * typed; a wrong one gets the refusal, and the shell stays where it was.
   */
  private void enter(String prompt, String line, ShellScript mode) throws IOException {
    if (mode.password() == null) {
      typed(prompt, line, "mode");
      modes.push(mode);
      out.write(mode.motd());
      return;
    }
    typed(prompt, line, "password asked");
    if (passwordAccepted(mode)) {
      modes.push(mode);
      out.write(mode.motd());
    }
  }

  /**
   * Asks the password of {@code mode} at its password prompt, never echoing what is typed (but
   * its line ending, as a terminal does), and answers a wrong one with the refusal.
   */
  private boolean passwordAccepted(ShellScript mode) throws IOException {
    out.write(mode.passwordPrompt());
    String typed = readLine(echo(), true);
    if (typed == null) {
      return false;
    }
    lines++;
    boolean accepted = !cancelled && typed.equals(mode.password());
    cancelled = false;
    typed(mode.passwordPrompt(), ShellLine.HIDDEN, accepted ? "password accepted" : "wrong password");
    if (!accepted) {
      out.write(mode.refusal());
    }
    return accepted;
  }

  /** What a line gets, and in what words the journal says so. */
  private record Answer(Kind kind, CommandHandler handler, ShellScript mode) {

    enum Kind {
      EMPTY("empty"),
      EXIT("exit"),
      RETURN("return"),
      PAGING_OFF("paging off"),
      MODE("mode"),
      STUB("stub"),
      HOST_COMMAND("host command"),
      UNKNOWN("unknown");

      private final String outcome;

      Kind(String outcome) {
        this.outcome = outcome;
      }
    }

    static Answer of(Kind kind) {
      return new Answer(kind, null, null);
    }

    static Answer stub(Kind kind, CommandHandler handler) {
      return new Answer(kind, handler, null);
    }

    String outcome() {
      return kind.outcome;
    }
  }

  /**
   * What {@code line} gets: the mode's own words first (the lines that leave it, end the session,
   * turn paging off or enter another mode), then the stubs of the modes from the innermost out,
   * then the host's command stubs.
   */
  private Answer resolve(String line) {
    if (line.isBlank()) {
      return Answer.of(Answer.Kind.EMPTY);
    }
    ShellScript current = modes.peek();
    if (modes.size() > 1 && returnLines(current).contains(line)) {
      return Answer.of(Answer.Kind.RETURN);
    }
    if (exitLines().contains(line)) {
      return Answer.of(Answer.Kind.EXIT);
    }
    if (setting(ShellScript::pagingOffLines, List.<String>of()).contains(line)) {
      return Answer.of(Answer.Kind.PAGING_OFF);
    }
    for (ShellScript.Mode mode : current.modes()) {
      if (mode.line().equals(line)) {
        return new Answer(Answer.Kind.MODE, null, mode.script());
      }
    }
    for (ShellScript mode : modes) {
      Optional<CommandStubs.Stub> stub = find(mode.stubs(), line);
      if (stub.isPresent()) {
        return Answer.stub(Answer.Kind.STUB, stub.get().handler());
      }
    }
    if (hostCommands()) {
      Optional<CommandStubs.Stub> stub = hostStubs.find(line);
      if (stub.isPresent()) {
        return Answer.stub(Answer.Kind.HOST_COMMAND, stub.get().handler());
      }
    }
    return Answer.of(Answer.Kind.UNKNOWN);
  }

  private static List<String> returnLines(ShellScript mode) {
    return mode.returnLines() != null ? mode.returnLines() : ShellScript.DEFAULT_RETURN_LINES;
  }

  private static Optional<CommandStubs.Stub> find(List<CommandStubs.Stub> stubs, String line) {
    return stubs.stream().filter(stub -> stub.matcher().test(line)).findFirst();
  }

  private CommandResult call(CommandHandler handler, String line) {
    try {
      CommandResult result = handler.handle(new LineInvocation(line, user(), environment));
      return result != null
          ? result
          : crashed(line, new NullPointerException("the handler returned null"));
    } catch (Exception | AssertionError e) {
      return crashed(line, e);
    }
  }

  private static CommandResult crashed(String line, Throwable failure) {
    LOG.debug("Shell stub for {} threw", line, failure);
    return CommandResult.exit(1)
        .withStderr("sshfaults: the stub for '" + line + "' threw " + failure + "\n");
  }

  private CommandResult unknown(String line) {
    String program = line.strip().split("\\s+", 2)[0];
    String text = setting(ShellScript::unknown, ShellScript.DEFAULT_UNKNOWN);
    return CommandResult.exit(127)
        .withStderr(text.replace("{program}", program).replace("{line}", line));
  }

  /**
   * Sends a line's answer: its stdout, then its stderr, both on the terminal when there is one (as
   * a shell's terminal shows both), else each on its own stream; the terminal's share paged when
   * the mode pages, and cut when a fault says so.
   *
   * @return false when a fault cut it: the shell sends nothing more
   */
  private boolean send(String line, CommandResult result) throws IOException {
    byte[] stdout = result.stdout();
    byte[] stderr = result.stderr();
    byte[] shown = stdout;
    if (terminal != null) {
      shown = new byte[stdout.length + stderr.length];
      System.arraycopy(stdout, 0, shown, 0, stdout.length);
      System.arraycopy(stderr, 0, shown, stdout.length, stderr.length);
    }
    byte[] text = shown;
    pageLeft = pageLength();
    boolean[] stopped = {false};
    boolean whole =
        faults.sendAnswer(
            line,
            text.length,
            (from, to) -> {
              if (!stopped[0]) {
                stopped[0] = !paged(text, from, to);
              }
              if (to < text.length) {
                out.flush(); // a cut follows: what came before it reaches the client first
              }
              return !stopped[0];
            });
    if (!whole) {
      out.flush();
      return false;
    }
    if (terminal == null && stderr.length > 0) {
      out.flush();
      err.write(stderr);
      err.flush();
    }
    return true;
  }

  /** Writes text a fault ends the shell with: on the terminal, or on the standard error. */
  private void sendError(String text) throws IOException {
    if (terminal != null) {
      out.write(text);
      out.flush();
    } else {
      out.flush();
      err.write(text.getBytes(StandardCharsets.UTF_8));
      err.flush();
    }
  }

  /** The shell's output as faults write to it. */
  private ShellFaults.Writer faultOutput() {
    return new ShellFaults.Writer() {
      @Override
      public void write(byte[] bytes) throws IOException {
        out.write(bytes);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }

  private int pageLength() {
    return pagingOff ? 0 : setting(ShellScript::pageLines, 0);
  }

  /**
   * Writes bytes {@code from} to {@code to} of {@code text}, a page at a time as network devices
   * do, going on from the page state of the answer ({@link #pageLeft}): after each page the paging
   * prompt, then a key decides: space shows the next page, Enter one more line, any other key (q,
   * Ctrl-C) drops the rest. The prompt is erased before the output goes on.
   *
   * @return false when a key dropped the rest
   */
  private boolean paged(byte[] text, int from, int to) throws IOException {
    int page = pageLength();
    if (page <= 0) {
      out.write(text, from, to - from);
      return true;
    }
    String more = setting(ShellScript::more, ShellScript.DEFAULT_MORE);
    int start = from;
    for (int i = from; i < to; i++) {
      if (text[i] != '\n' || --pageLeft > 0 || i == text.length - 1) {
        continue;
      }
      out.write(text, start, i + 1 - start);
      start = i + 1;
      out.write(more);
      out.flush();
      int key = keys.next();
      erase(more);
      if (key == ' ') {
        pageLeft = page;
      } else if (key == '\r' || key == '\n') {
        pageLeft = 1;
      } else {
        return false;
      }
    }
    out.write(text, start, to - start);
    return true;
  }

  /** Erases {@code shown} from the end of the terminal line, as devices erase their paging prompt. */
  private void erase(String shown) throws IOException {
    int width = shown.codePointCount(0, shown.length());
    out.write("\b".repeat(width) + " ".repeat(width) + "\b".repeat(width));
  }

  /**
   * Reads a line, echoing it when {@code echo} says so (never a {@code secret} one, except its
   * line ending).
   *
   * @return the line without its ending (for a line cancelled with Ctrl-C, an empty one, with
   *     {@link #cancelled} set); null once the client has closed its side, or typed Ctrl-D at the
   *     start of a line on a terminal
   */
  private String readLine(boolean echo, boolean secret) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (!keys.ready()) {
        out.flush();
      }
      int b = keys.next();
      if (b < 0) {
        return line.size() > 0 ? utf8(line) : null;
      }
      if (b == '\r' || b == '\n') {
        if (echo) {
          out.write("\n");
        }
        return utf8(line);
      }
      if (terminal != null && b == CTRL_C) {
        out.write("^C\n");
        cancelled = true;
        return "";
      }
      if (terminal != null && b == CTRL_D && line.size() == 0) {
        return null;
      }
      if (b == DELETE || b == BACKSPACE) {
        if (eraseLastCharacter(line) && echo && !secret) {
          out.write("\b \b");
        }
        continue;
      }
      line.write(b);
      if (echo && !secret) {
        out.write(new byte[] {(byte) b});
      }
    }
  }

  /** Removes the last UTF-8 character of {@code line}; whether there was one. */
  private static boolean eraseLastCharacter(ByteArrayOutputStream line) {
    byte[] bytes = line.toByteArray();
    if (bytes.length == 0) {
      return false;
    }
    int end = bytes.length - 1;
    while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
      end--;
    }
    line.reset();
    line.write(bytes, 0, end);
    return true;
  }

  private static String utf8(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- settings of the modes

  /** The setting of the innermost mode that has one, else {@code fallback}. */
  private <T> T setting(Function<ShellScript, T> of, T fallback) {
    for (ShellScript mode : modes) {
      T value = of.apply(mode);
      if (value != null) {
        return value;
      }
    }
    return fallback;
  }

  private boolean echo() {
    Boolean echo = setting(ShellScript::echo, null);
    if (echo != null) {
      return echo;
    }
    return terminal != null && terminal.modes().getOrDefault("ECHO", 1) != 0;
  }

  private List<String> exitLines() {
    return setting(ShellScript::exitLines, ShellScript.DEFAULT_EXIT_LINES);
  }

  private boolean hostCommands() {
    return setting(ShellScript::hostCommands, true);
  }

  // ---------------------------------------------------------------- journal and end

  private String user() {
    return session.getUsername();
  }

  private void typed(String prompt, String line, String outcome) {
    String user = user();
    long channel = channelId;
    journal.record(
        session, (s, t, c) -> new ShellLine(s, t, c, channel, user, prompt, line, outcome));
  }

  /** Records the end, then sends the exit code: the journal holds it when the client sees it. */
  private void end(int exitCode, String reason) {
    recordEnd(OptionalInt.of(exitCode), reason);
    exitCallback.onExit(exitCode);
  }

  private void recordEnd(OptionalInt exitCode, String reason) {
    ServerSession started = session;
    if (started == null || !ended.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    String user = started.getUsername();
    long channel = channelId;
    int typed = lines;
    long bytes = out.count();
    journal.record(
        started,
        (s, t, c) ->
            new ShellEnded(s, t, c, channel, user, exitCode, reason, typed, bytes, duration));
  }

  @Override
  public void destroy(ChannelSession channel) {
    recordEnd(OptionalInt.empty(), "channel closed");
    Future<?> task = running;
    if (task != null) {
      task.cancel(true);
    }
  }

  /** A line typed in a shell, as a stub's handler sees it: a command line with no stdin. */
  private record LineInvocation(String commandLine, String user, Map<String, String> environment)
      implements CommandInvocation {

    @Override
    public InputStream stdin() {
      return InputStream.nullInputStream();
    }

    @Override
    public String stdinAsString() {
      return "";
    }
  }
}
