package io.github.sshfaults.sshd.journal;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.internal.NearMisses;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Verifies what a fake host saw, WireMock-style: each check names what was expected and, when it
 * fails, shows what the host saw instead, closest first (the near misses).
 *
 * <pre>{@code
 * import static io.github.sshfaults.sshd.journal.Verification.verify;
 *
 * verify(host).ranCommand("uptime").times(3);
 * verify(host).authenticated("alice").once();
 * verify(host).uploaded("/upload/result.txt").once();
 * verify(idle).neverConnected();
 * }</pre>
 *
 * <p>Each method returns {@link Occurrences}; nothing is checked until one of its methods ({@code
 * times}, {@code once}, {@code never}, {@code atLeast}, ...) is called. A failed check throws an
 * {@link AssertionError}, as any assertion library's would.
 */
public final class Verification {

  private static final int NEAR_MISSES = 10;

  private final Journal journal;

  private Verification(Journal journal) {
    this.journal = journal;
  }

  /** Starts verifying what {@code host} saw. */
  public static Verification verify(FakeSshHost host) {
    return verify(notNull(host, "host").journal());
  }

  /** Starts verifying the events in {@code journal}. */
  public static Verification verify(Journal journal) {
    return new Verification(notNull(journal, "journal"));
  }

  /**
   * Runs of exactly {@code commandLine}; near misses are the other commands, most similar first.
   */
  public Occurrences<CommandRun> ranCommand(String commandLine) {
    notBlank(commandLine, "command line");
    return occurrences(
        "command " + quote(commandLine),
        CommandRun.class,
        run -> commandLine.equals(run.commandLine()),
        runs -> NearMisses.closest(runs, CommandRun::commandLine, commandLine, NEAR_MISSES));
  }

  /**
   * Runs of command lines that {@code regex} matches as a whole.
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public Occurrences<CommandRun> ranCommandMatching(String regex) {
    notNull(regex, "command regex");
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "command regex " + quote(regex) + " does not compile: " + e.getDescription(), e);
    }
    return occurrences(
        "command matching /" + regex + "/",
        CommandRun.class,
        run -> pattern.matcher(run.commandLine()).matches(),
        runs -> NearMisses.closest(runs, CommandRun::commandLine, regex, NEAR_MISSES));
  }

  /**
   * Accepted authentication attempts of {@code user}; near misses are the other attempts, that
   * user's rejected ones first.
   */
  public Occurrences<AuthAttempt> authenticated(String user) {
    notBlank(user, "user name");
    return occurrences(
        "successful login of " + quote(user),
        AuthAttempt.class,
        attempt -> attempt.accepted() && user.equals(attempt.user()),
        attempts -> sameUserFirst(attempts, user));
  }

  /** Rejected authentication attempts of {@code user}; near misses are the other attempts. */
  public Occurrences<AuthAttempt> rejectedLogin(String user) {
    notBlank(user, "user name");
    return occurrences(
        "rejected login of " + quote(user),
        AuthAttempt.class,
        attempt -> !attempt.accepted() && user.equals(attempt.user()),
        attempts -> sameUserFirst(attempts, user));
  }

  /**
   * SFTP operations of kind {@code action} on exactly {@code path} (absolute, as the host resolved
   * it), whatever their outcome; near misses are the other SFTP operations, most similar first. The
   * reads, and the writes, of one open file count as one operation.
   *
   * <pre>{@code
   * SftpOperation open = verify(host).sftp(SftpAction.OPEN, "/secret/key").once().get(0);
   * assertThat(open.outcome()).isEqualTo("permission denied");
   * }</pre>
   */
  public Occurrences<SftpOperation> sftp(SftpAction action, String path) {
    notNull(action, "SFTP action");
    notBlank(path, "path");
    String operation = action.name().toLowerCase(Locale.ROOT);
    return occurrences(
        "SFTP " + operation + " of " + quote(path),
        SftpOperation.class,
        op -> operation.equals(op.operation()) && path.equals(op.path()),
        ops -> NearMisses.closest(ops, Verification::sftpKey, operation + " " + path, NEAR_MISSES));
  }

  /**
   * Complete downloads of {@code path}: the file was read over SFTP and closed with no error; near
   * misses are the other SFTP operations.
   */
  public Occurrences<SftpOperation> downloaded(String path) {
    return transfers("download", "read", path);
  }

  /**
   * Complete uploads to {@code path}: the file was written over SFTP and closed with no error; near
   * misses are the other SFTP operations.
   */
  public Occurrences<SftpOperation> uploaded(String path) {
    return transfers("upload", "write", path);
  }

  private Occurrences<SftpOperation> transfers(String what, String operation, String path) {
    notBlank(path, "path");
    return occurrences(
        "complete " + what + " of " + quote(path),
        SftpOperation.class,
        op ->
            operation.equals(op.operation()) && path.equals(op.path()) && "ok".equals(op.outcome()),
        ops -> NearMisses.closest(ops, Verification::sftpKey, operation + " " + path, NEAR_MISSES));
  }

  private static String sftpKey(SftpOperation op) {
    return op.operation() + " " + op.path();
  }

  /** Connections the host accepted. */
  public Occurrences<ConnectionAccepted> connected() {
    return occurrences("connection", ConnectionAccepted.class, connection -> true, none -> none);
  }

  /**
   * Checks that no client ever connected.
   *
   * @throws AssertionError listing the connections the host accepted
   */
  public void neverConnected() {
    connected().never();
  }

  /**
   * Events of {@code type} that {@code matching} accepts, described as {@code description} in
   * messages; the near misses are the other events of that type. For anything the other methods do
   * not cover: {@code recorded(FaultFired.class, "fault at AUTH", f -> f.stage() == Stage.AUTH)}.
   */
  public <E extends JournalEvent> Occurrences<E> recorded(
      Class<E> type, String description, Predicate<? super E> matching) {
    notNull(type, "event type");
    notBlank(description, "description");
    notNull(matching, "event predicate");
    return occurrences(description, type, matching, others -> others);
  }

  private static List<AuthAttempt> sameUserFirst(List<AuthAttempt> attempts, String user) {
    List<AuthAttempt> byName =
        NearMisses.closest(attempts, AuthAttempt::user, user, Integer.MAX_VALUE);
    return byName.stream()
        .sorted(Comparator.comparing(attempt -> !user.equals(attempt.user())))
        .limit(NEAR_MISSES)
        .toList();
  }

  private <E extends JournalEvent> Occurrences<E> occurrences(
      String what,
      Class<E> type,
      Predicate<? super E> matching,
      Function<List<E>, List<E>> rankNearMisses) {
    List<E> all = journal.events(type);
    List<E> matches = all.stream().filter(matching).toList();
    List<E> others = all.stream().filter(matching.negate()).toList();
    return new Occurrences<>(
        what,
        journal.toString(),
        matches,
        rankNearMisses.apply(others),
        journal.dropped(),
        journal.capacity());
  }
}
