package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.internal.Regex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * When a fault fires: a conjunction of conditions, all of which must hold on an occasion (see
 * {@link Stage} for what an occasion is at each stage). Immutable; {@link #and(Trigger)} combines.
 *
 * <pre>{@code
 * Trigger.onConnection(3);                                    // only the third connection
 * Trigger.forUser("deploy").and(Trigger.firstAttempts(2));    // deploy's first two tries
 * Trigger.forCommandGlob("systemctl *").and(Trigger.withProbability(0.1));
 * Trigger.forSftp(SftpAction.READ).and(Trigger.forPathGlob("/data/**.csv"));
 * }</pre>
 *
 * <p>Conditions are checked in this order, whatever order they were combined in: the connection
 * index, user, command, SFTP request and path; then the attempt count ({@link #firstAttempts(int)},
 * {@link #everyNth(int)}), which counts only occasions that passed the first group; then {@link
 * #withProbability(double)}; then {@link #atMost(int)}, which counts firings. Counts are per fault
 * in a host's plan and start again when the plan is replaced or cleared.
 */
@CheckReturnValue
public final class Trigger {

  private static final Trigger ALWAYS = new Trigger(List.of());

  private final List<Condition> conditions;

  private Trigger(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /** Fires on every occasion. */
  public static Trigger always() {
    return ALWAYS;
  }

  /** Fires only on the connection with this index: 1 for the first connection the host accepted. */
  public static Trigger onConnection(int index) {
    return of(new ConnectionRange(positive(index, "connection index"), index));
  }

  /** Fires on the first {@code count} connections the host accepts (indices 1 to {@code count}). */
  public static Trigger firstConnections(int count) {
    return of(new ConnectionRange(1, positive(count, "number of connections")));
  }

  /** Fires on connection {@code index} and every later one. */
  public static Trigger fromConnection(int index) {
    return of(new ConnectionRange(positive(index, "connection index"), Integer.MAX_VALUE));
  }

  /** Fires on the first {@code count} occasions, then never: "fail twice, then succeed". */
  public static Trigger firstAttempts(int count) {
    return of(new FirstAttempts(positive(count, "number of attempts")));
  }

  /** Fires on every {@code n}-th occasion: the n-th, the 2n-th, and so on. */
  public static Trigger everyNth(int n) {
    return of(new EveryNth(positive(n, "n of everyNth")));
  }

  /** Fires only when the client authenticates, or has authenticated, as {@code user}. */
  public static Trigger forUser(String user) {
    return of(new User(notBlank(user, "user name")));
  }

  /** Fires only for exactly this command line. */
  public static Trigger forCommand(String commandLine) {
    return of(new Command(Command.Syntax.EXACT, notBlank(commandLine, "command line")));
  }

  /**
   * Fires only for command lines matching a glob as a whole: {@code *} matches any characters,
   * {@code ?} one character, everything else itself (braces, brackets and slashes are shell syntax
   * in a command line, not glob syntax). {@code "systemctl *"} matches {@code "systemctl restart
   * nginx"}. Command stubs ({@code FakeSshHost.commandGlob}) and verification ({@code
   * Verification.ranCommandGlob}) read globs the same way.
   */
  public static Trigger forCommandGlob(String glob) {
    return of(new Command(Command.Syntax.GLOB, notBlank(glob, "command glob")));
  }

  /**
   * Fires only for command lines that {@code regex} matches as a whole.
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public static Trigger forCommandMatching(String regex) {
    return of(new Command(Command.Syntax.REGEX, notNull(regex, "command regex")));
  }

  /**
   * Fires only for SFTP requests of these kinds (at {@link Stage#SFTP}).
   *
   * @throws IllegalArgumentException when no action is given
   */
  public static Trigger forSftp(SftpAction... actions) {
    notNull(actions, "SFTP actions");
    Preconditions.check(actions.length > 0, "forSftp(...) needs at least one SFTP action");
    Arrays.stream(actions).forEach(action -> notNull(action, "SFTP action"));
    return of(new SftpRequest(EnumSet.copyOf(Arrays.asList(actions))));
  }

  /**
   * Fires only for SFTP requests about exactly {@code path} (at {@link Stage#SFTP}). Paths are
   * absolute and normalized, as the host resolves them ({@code /data/report.csv}, also for a client
   * that sent {@code data/report.csv}); a request on an open file is about that file's path.
   *
   * @throws IllegalArgumentException when the path is not absolute and normalized, and so could
   *     never match, naming the path the host would see
   */
  public static Trigger forPath(String path) {
    return of(new ExactPath(notBlank(path, "path")));
  }

  /**
   * Fires only for SFTP requests about a path matching {@code glob} (at {@link Stage#SFTP}), paths
   * being as {@link #forPath(String)} says. In the glob, {@code *} matches any characters but
   * {@code /}, {@code **} any characters, {@code ?} one character but {@code /}, {@code [abc]} and
   * {@code [a-z]} one of a set, {@code {csv,txt}} one of the alternatives; everything else matches
   * itself. {@code "/data/*.csv"} matches {@code /data/report.csv} but not {@code
   * /data/old/report.csv}; {@code "/data/**"} matches both.
   *
   * @throws IllegalArgumentException naming the glob when it is malformed, or when it does not
   *     start with {@code /} or {@code *} and so could never match an absolute path
   */
  public static Trigger forPathGlob(String glob) {
    return of(new PathGlob(notBlank(glob, "path glob")));
  }

  /**
   * Fires with probability {@code p} on each occasion. The draw comes from the connection's own
   * generator, derived from the host's seed and the connection index only, so the same seed gives
   * the same decisions whatever the thread timing.
   *
   * @param p between 0.0 and 1.0
   */
  public static Trigger withProbability(double p) {
    return of(new Probability(p));
  }

  /** Fires at most {@code count} times in all, then never. */
  public static Trigger atMost(int count) {
    return of(new AtMost(positive(count, "maximum number of firings")));
  }

  /** A trigger that fires when both this one and {@code other} would. */
  public Trigger and(Trigger other) {
    notNull(other, "trigger");
    List<Condition> all = new ArrayList<>(conditions);
    all.addAll(other.conditions);
    return new Trigger(all);
  }

  /** The conditions, in the order they were combined; empty for {@link #always()}. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** Whether this trigger has no conditions and fires on every occasion. */
  public boolean isAlways() {
    return conditions.isEmpty();
  }

  private static Trigger of(Condition condition) {
    return new Trigger(List.of(condition));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Trigger that && conditions.equals(that.conditions);
  }

  @Override
  public int hashCode() {
    return conditions.hashCode();
  }

  /**
   * {@code always} or the conditions joined by {@code and}: {@code onConnection(3) and atMost(1)}.
   */
  @Override
  public String toString() {
    return conditions.isEmpty()
        ? "always"
        : conditions.stream().map(Object::toString).collect(Collectors.joining(" and "));
  }

  /** One condition of a trigger. */
  public sealed interface Condition {}

  /**
   * The connection index lies between {@code from} and {@code to}, both included.
   *
   * @param from the first index, at least 1
   * @param to the last index, at least {@code from}
   */
  public record ConnectionRange(int from, int to) implements Condition {
    /** Validates the range. */
    public ConnectionRange {
      positive(from, "first connection index");
      if (to < from) {
        throw new IllegalArgumentException(
            "last connection index must be at least " + from + ", but was " + to);
      }
    }

    /** Whether {@code index} lies in the range. */
    public boolean contains(int index) {
      return index >= from && index <= to;
    }

    @Override
    public String toString() {
      if (from == to) {
        return "onConnection(" + from + ")";
      }
      return from == 1 ? "firstConnections(" + to + ")" : "fromConnection(" + from + ")";
    }
  }

  /**
   * The occasion is among the first {@code count}.
   *
   * @param count at least 1
   */
  public record FirstAttempts(int count) implements Condition {
    /** Validates the count. */
    public FirstAttempts {
      positive(count, "number of attempts");
    }

    @Override
    public String toString() {
      return "firstAttempts(" + count + ")";
    }
  }

  /**
   * The occasion's number is a multiple of {@code n}.
   *
   * @param n at least 1
   */
  public record EveryNth(int n) implements Condition {
    /** Validates n. */
    public EveryNth {
      positive(n, "n of everyNth");
    }

    @Override
    public String toString() {
      return "everyNth(" + n + ")";
    }
  }

  /**
   * The client is, or is authenticating as, {@code name}.
   *
   * @param name the user name, not blank
   */
  public record User(String name) implements Condition {
    /** Validates the name. */
    public User {
      notBlank(name, "user name");
    }

    @Override
    public String toString() {
      return "forUser(" + quote(name) + ")";
    }
  }

  /**
   * A random draw in {@code [0, 1)} falls below {@code p}.
   *
   * @param p between 0.0 and 1.0
   */
  public record Probability(double p) implements Condition {
    /** Validates p. */
    public Probability {
      Preconditions.probability(p, "probability");
    }

    @Override
    public String toString() {
      return "withProbability(" + p + ")";
    }
  }

  /**
   * The fault has fired fewer than {@code count} times so far.
   *
   * @param count at least 1
   */
  public record AtMost(int count) implements Condition {
    /** Validates the count. */
    public AtMost {
      positive(count, "maximum number of firings");
    }

    @Override
    public String toString() {
      return "atMost(" + count + ")";
    }
  }

  /**
   * The occasion is an SFTP request of one of {@code actions}.
   *
   * @param actions at least one
   */
  public record SftpRequest(Set<SftpAction> actions) implements Condition {
    /** Validates and copies the actions. */
    public SftpRequest {
      notNull(actions, "SFTP actions");
      Preconditions.check(!actions.isEmpty(), "forSftp(...) needs at least one SFTP action");
      actions = Set.copyOf(EnumSet.copyOf(actions));
    }

    /** Whether {@code action} is one of the actions. */
    public boolean matches(SftpAction action) {
      return actions.contains(action);
    }

    @Override
    public String toString() {
      return "forSftp("
          + actions.stream().sorted().map(SftpAction::name).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** The SFTP request is about exactly a path; see {@link Trigger#forPath(String)}. */
  public static final class ExactPath implements Condition {

    private final String path;

    ExactPath(String path) {
      String normalized = normalize(path);
      if (!path.startsWith("/") || !normalized.equals(path)) {
        throw new IllegalArgumentException(
            "path "
                + quote(path)
                + " can never match: the host sees absolute, normalized paths, so write "
                + quote(normalized));
      }
      this.path = path;
    }

    /** Whether {@code candidate} (absolute, normalized) is the path. */
    public boolean matches(String candidate) {
      return path.equals(candidate);
    }

    // What the host makes of a path a client sends, relative paths starting at "/".
    private static String normalize(String path) {
      Deque<String> segments = new ArrayDeque<>();
      for (String segment : path.split("/")) {
        if (segment.equals("..")) {
          segments.pollLast();
        } else if (!segment.isEmpty() && !segment.equals(".")) {
          segments.addLast(segment);
        }
      }
      return "/" + String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ExactPath that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }

    @Override
    public String toString() {
      return "forPath(" + quote(path) + ")";
    }
  }

  /** The SFTP request is about a path matching a glob; see {@link Trigger#forPathGlob(String)}. */
  public static final class PathGlob implements Condition {

    private final Glob glob;

    PathGlob(String glob) {
      this.glob = Glob.path(glob);
    }

    /** Whether {@code path} (absolute, normalized) matches. */
    public boolean matches(String path) {
      return glob.matches(path);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PathGlob that && glob.equals(that.glob);
    }

    @Override
    public int hashCode() {
      return glob.hashCode();
    }

    @Override
    public String toString() {
      return "forPathGlob(" + quote(glob.glob()) + ")";
    }
  }

  /** The command line matches, exactly, as a glob or as a regular expression. */
  public static final class Command implements Condition {

    enum Syntax {
      EXACT,
      GLOB,
      REGEX
    }

    private final Syntax syntax;
    private final String expression;
    private final Predicate<String> matcher;

    Command(Syntax syntax, String expression) {
      this.syntax = syntax;
      this.expression = expression;
      this.matcher =
          switch (syntax) {
            case EXACT -> expression::equals;
            case GLOB -> Glob.commandLine(expression)::matches;
            case REGEX -> Regex.commandLine(expression).asMatchPredicate();
          };
    }

    /** Whether {@code commandLine} matches. */
    public boolean matches(String commandLine) {
      return commandLine != null && matcher.test(commandLine);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Command that
          && syntax == that.syntax
          && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
      return 31 * syntax.hashCode() + expression.hashCode();
    }

    @Override
    public String toString() {
      return switch (syntax) {
        case EXACT -> "forCommand(" + quote(expression) + ")";
        case GLOB -> "forCommandGlob(" + quote(expression) + ")";
        case REGEX -> "forCommandMatching(" + quote(expression) + ")";
      };
    }
  }
}
