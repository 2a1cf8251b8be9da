package io.github.sshfaults.faults.internal;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.internal.Regex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One condition of a {@link io.github.sshfaults.faults.Trigger}, as {@link LivePlan} checks it. A
 * fault's conditions are checked in three rounds, whatever order they were combined in: {@link
 * #matches} (which connection, user, command, request), then {@link #admitsAttempt} (the count of
 * occasions that passed the first round), then {@link #admitsDraw} (a seeded draw); {@link
 * #limit()} caps the times the fault takes effect. Each condition's {@code toString()} is the
 * factory call that makes it.
 */
public sealed interface Condition {

  /** What an occasion must know for this condition to be checked; null when nothing. */
  default Knowledge needs() {
    return null;
  }

  /** Whether the occasion, on connection {@code connection}, passes. */
  default boolean matches(int connection, Occasion occasion) {
    return true;
  }

  /** Whether the {@code count}-th occasion of the fault that passed {@link #matches} passes. */
  default boolean admitsAttempt(int count) {
    return true;
  }

  /** Whether a draw from the occasion's generator passes. */
  default boolean admitsDraw(RandomGenerator random) {
    return true;
  }

  /** The most times the fault may take effect in all. */
  default int limit() {
    return Integer.MAX_VALUE;
  }

  /** Something an occasion may know, and a condition may need. */
  enum Knowledge {
    /** The user's name: from {@code AUTH} on. */
    USER,
    /** The command line: at {@code EXEC} and {@code OUTPUT}; the line typed at {@code SHELL}. */
    COMMAND,
    /** The SFTP request and its path: at {@code SFTP}. */
    SFTP_REQUEST
  }

  /**
   * The connection index lies between {@code from} and {@code to}, both included.
   *
   * @param from the first index, at least 1
   * @param to the last index, at least {@code from}
   */
  record ConnectionRange(int from, int to) implements Condition {
    /** Validates the range. */
    public ConnectionRange {
      positive(from, "connection index");
      check(to >= from, "last connection index must be at least " + from + ", but was " + to);
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return connection >= from && connection <= to;
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
  record FirstAttempts(int count) implements Condition {
    /** Validates the count. */
    public FirstAttempts {
      positive(count, "number of attempts");
    }

    @Override
    public boolean admitsAttempt(int occasion) {
      return occasion <= count;
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
  record EveryNth(int n) implements Condition {
    /** Validates n. */
    public EveryNth {
      positive(n, "n of everyNth");
    }

    @Override
    public boolean admitsAttempt(int occasion) {
      return occasion % n == 0;
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
  record ForUser(String name) implements Condition {
    /** Validates the name. */
    public ForUser {
      notBlank(name, "user name");
    }

    @Override
    public Knowledge needs() {
      return Knowledge.USER;
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return name.equals(occasion.user());
    }

    @Override
    public String toString() {
      return "forUser(" + quote(name) + ")";
    }
  }

  /** The command line matches, exactly, as a glob or as a regular expression. */
  final class ForCommand implements Condition {

    /** How the expression reads. */
    public enum Syntax {
      /** The command line itself. */
      EXACT,
      /** A command glob ({@link Glob#commandLine(String)}). */
      GLOB,
      /** A regular expression matching the whole line. */
      REGEX
    }

    private final Syntax syntax;
    private final String expression;
    private final Predicate<String> matcher;

    /**
     * A condition on command lines.
     *
     * @throws IllegalArgumentException when the expression is blank, or a regex does not compile
     */
    public ForCommand(Syntax syntax, String expression) {
      this.syntax = notNull(syntax, "command syntax");
      this.expression = expression;
      this.matcher =
          switch (syntax) {
            case EXACT -> notBlank(expression, "command line")::equals;
            case GLOB -> Glob.commandLine(expression)::matches;
            case REGEX -> Regex.commandLine(expression).asMatchPredicate();
          };
    }

    @Override
    public Knowledge needs() {
      return Knowledge.COMMAND;
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return occasion.command() != null && matcher.test(occasion.command());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ForCommand that
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

  /**
   * The occasion is an SFTP request of one of {@code actions}.
   *
   * @param actions at least one
   */
  record ForSftp(Set<SftpAction> actions) implements Condition {
    /** Validates and copies the actions. */
    public ForSftp {
      notNull(actions, "SFTP actions");
      actions.forEach(action -> notNull(action, "SFTP action"));
      check(!actions.isEmpty(), "forSftp(...) needs at least one SFTP action");
      actions = Set.copyOf(EnumSet.copyOf(actions));
    }

    @Override
    public Knowledge needs() {
      return Knowledge.SFTP_REQUEST;
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return occasion.sftpAction() != null && actions.contains(occasion.sftpAction());
    }

    @Override
    public String toString() {
      return "forSftp("
          + actions.stream().sorted().map(SftpAction::name).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * The SFTP request is about exactly {@code path}.
   *
   * @param path absolute and normalized, as the host resolves paths
   */
  record ForPath(String path) implements Condition {
    /** Validates the path: one the host could see. */
    public ForPath {
      notBlank(path, "path");
      String normalized = normalize(path);
      if (!path.startsWith("/") || !normalized.equals(path)) {
        throw new IllegalArgumentException(
            "path "
                + quote(path)
                + " can never match: the host sees absolute, normalized paths, so write "
                + quote(normalized));
      }
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
    public Knowledge needs() {
      return Knowledge.SFTP_REQUEST;
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return path.equals(occasion.path());
    }

    @Override
    public String toString() {
      return "forPath(" + quote(path) + ")";
    }
  }

  /**
   * The SFTP request is about a path that {@code glob} matches.
   *
   * @param glob a {@linkplain Glob#path(String) path glob}
   */
  record ForPathGlob(Glob glob) implements Condition {
    /** Validates the glob. */
    public ForPathGlob {
      notNull(glob, "path glob");
    }

    @Override
    public Knowledge needs() {
      return Knowledge.SFTP_REQUEST;
    }

    @Override
    public boolean matches(int connection, Occasion occasion) {
      return glob.matches(occasion.path());
    }

    @Override
    public String toString() {
      return "forPathGlob(" + quote(glob.glob()) + ")";
    }
  }

  /**
   * A draw in {@code [0, 1)} from the occasion's generator falls below {@code p}.
   *
   * @param p between 0.0 and 1.0
   */
  record WithProbability(double p) implements Condition {
    /** Validates p. */
    public WithProbability {
      Preconditions.probability(p, "probability");
    }

    @Override
    public boolean admitsDraw(RandomGenerator random) {
      return random.nextDouble() < p;
    }

    @Override
    public String toString() {
      return "withProbability(" + p + ")";
    }
  }

  /**
   * The fault has taken effect fewer than {@code count} times.
   *
   * @param count at least 1
   */
  record AtMost(int count) implements Condition {
    /** Validates the count. */
    public AtMost {
      positive(count, "maximum number of firings");
    }

    @Override
    public int limit() {
      return count;
    }

    @Override
    public String toString() {
      return "atMost(" + count + ")";
    }
  }
}
