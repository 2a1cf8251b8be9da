package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.sshd.CommandHandler;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The command stubs of one fake host. The stub added last wins when several match, so a test can
 * override a broad stub with a narrower one (as WireMock does). Thread-safe.
 */
public final class CommandStubs {

  /** One stub: which command lines it answers, and how. */
  public record Stub(String description, Predicate<String> matcher, CommandHandler handler) {}

  private final Deque<Stub> newestFirst = new ConcurrentLinkedDeque<>();

  /** A stub answering exactly {@code commandLine}. */
  public static Stub exact(String commandLine, CommandHandler handler) {
    return new Stub('"' + commandLine + '"', commandLine::equals, handler);
  }

  /** A stub answering every command line that {@code glob} matches as a whole. */
  public static Stub glob(Glob glob, CommandHandler handler) {
    return new Stub("glob " + '"' + glob.glob() + '"', glob::matches, handler);
  }

  /** A stub answering every command line that {@code pattern} matches as a whole. */
  public static Stub regex(Pattern pattern, CommandHandler handler) {
    return new Stub(
        "/" + pattern.pattern() + "/", line -> pattern.matcher(line).matches(), handler);
  }

  /** Adds {@code stub}; it takes precedence over every stub added before. */
  public void add(Stub stub) {
    newestFirst.addFirst(stub);
  }

  /** The newest stub matching {@code commandLine}, if any. */
  public Optional<Stub> find(String commandLine) {
    for (Stub stub : newestFirst) {
      if (stub.matcher().test(commandLine)) {
        return Optional.of(stub);
      }
    }
    return Optional.empty();
  }

  /** The stubs now, newest first, to return to with {@link #restore(List)}. */
  public List<Stub> snapshot() {
    return List.copyOf(newestFirst);
  }

  /** Replaces every stub by those of {@code snapshot}. */
  public void restore(List<Stub> snapshot) {
    newestFirst.clear();
    newestFirst.addAll(snapshot);
  }

  /** Removes every stub. */
  public void clear() {
    newestFirst.clear();
  }
}
