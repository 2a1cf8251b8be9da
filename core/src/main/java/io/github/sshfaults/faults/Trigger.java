package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.faults.internal.Condition;
import io.github.sshfaults.faults.internal.Condition.AtMost;
import io.github.sshfaults.faults.internal.Condition.ConnectionRange;
import io.github.sshfaults.faults.internal.Condition.EveryNth;
import io.github.sshfaults.faults.internal.Condition.FirstAttempts;
import io.github.sshfaults.faults.internal.Condition.ForCommand;
import io.github.sshfaults.faults.internal.Condition.ForPath;
import io.github.sshfaults.faults.internal.Condition.ForPathGlob;
import io.github.sshfaults.faults.internal.Condition.ForSftp;
import io.github.sshfaults.faults.internal.Condition.ForUser;
import io.github.sshfaults.faults.internal.Condition.WithProbability;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.ModelAccess;
import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.internal.Glob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
 * {@link #everyNth(int)}), which counts only the occasions that passed the first group and on which
 * the fault's effect can act (a password request is no occasion for {@code
 * rejectAuth(AuthMethod.PUBLIC_KEY)}); then {@link #withProbability(double)}; then {@link
 * #atMost(int)}, which counts the times the fault took effect. Counts are per fault in a host's
 * plan and start again when the plan is replaced or cleared.
 */
@CheckReturnValue
public final class Trigger {

  static {
    // The engine reads a trigger's conditions through this reader only; see ModelAccess.
    ModelAccess.readTriggersWith(trigger -> trigger.conditions);
  }

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
    return of(new FirstAttempts(count));
  }

  /** Fires on every {@code n}-th occasion: the n-th, the 2n-th, and so on. */
  public static Trigger everyNth(int n) {
    return of(new EveryNth(n));
  }

  /** Fires only when the client authenticates, or has authenticated, as {@code user}. */
  public static Trigger forUser(String user) {
    return of(new ForUser(user));
  }

  /** Fires only for exactly this command line. */
  public static Trigger forCommand(String commandLine) {
    return of(new ForCommand(ForCommand.Syntax.EXACT, commandLine));
  }

  /**
   * Fires only for command lines matching a glob as a whole: {@code *} matches any characters,
   * {@code ?} one character, everything else itself (braces, brackets and slashes are shell syntax
   * in a command line, not glob syntax). {@code "systemctl *"} matches {@code "systemctl restart
   * nginx"}. Command stubs ({@code FakeSshHost.commandGlob}) and verification ({@code
   * Verification.ranCommandGlob}) read globs the same way.
   */
  public static Trigger forCommandGlob(String glob) {
    return of(new ForCommand(ForCommand.Syntax.GLOB, glob));
  }

  /**
   * Fires only for command lines that {@code regex} matches as a whole.
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public static Trigger forCommandMatching(String regex) {
    return of(new ForCommand(ForCommand.Syntax.REGEX, regex));
  }

  /**
   * Fires only for SFTP requests of these kinds (at {@link Stage#SFTP}).
   *
   * @throws IllegalArgumentException when no action is given
   */
  public static Trigger forSftp(SftpAction... actions) {
    notNull(actions, "SFTP actions");
    Arrays.stream(actions).forEach(action -> notNull(action, "SFTP action"));
    return of(new ForSftp(Set.copyOf(Arrays.asList(actions))));
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
    return of(new ForPath(path));
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
    return of(new ForPathGlob(Glob.path(glob)));
  }

  /**
   * Fires with probability {@code p} on each occasion. The draw comes from a generator derived from
   * the host's seed, the connection index, the fault and the occasion only, so the same seed gives
   * the same decisions whatever the thread timing.
   *
   * @param p between 0.0 and 1.0
   */
  public static Trigger withProbability(double p) {
    return of(new WithProbability(p));
  }

  /** Fires at most {@code count} times in all: the times the fault took effect, then never. */
  public static Trigger atMost(int count) {
    return of(new AtMost(count));
  }

  /** A trigger that fires when both this one and {@code other} would. */
  public Trigger and(Trigger other) {
    notNull(other, "trigger");
    List<Condition> all = new ArrayList<>(conditions);
    all.addAll(other.conditions);
    return new Trigger(all);
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
    return FaultSpec.describe(conditions);
  }
}
