package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.internal.Regex;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.RemoteForwarding;
import io.github.sshfaults.sshd.journal.Journal;
import io.github.sshfaults.sshd.journal.JournalEvent;
import io.github.sshfaults.sshd.journal.SftpOperation;
import io.github.sshfaults.sshd.journal.ShellLine;
import io.github.sshfaults.sshd.journal.internal.NearMisses;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Verifies what a fake host saw, Mockito-style for the counts and WireMock-style for the failures:
 * each check names what was expected and, when it fails, shows what the host saw instead, closest
 * first (the near misses). Started by {@link SshFaultsAssertions#verify(FakeSshHost)} and its
 * overloads, the only way to get one.
 *
 * <pre>{@code
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.never;
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.times;
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;
 *
 * verify(host).ranCommand("uptime");                 // at least once
 * verify(host, times(3)).ranCommand("uptime");       // exactly three times
 * verify(host, never()).ranCommand("rm -rf /");
 * verify(idle, never()).connected();
 * CommandRun run = verify(host, once()).ranCommand("deploy").get(0);
 * }</pre>
 *
 * <p>{@code verify(host)} expects at least one matching event; {@code verify(host, count)} expects
 * {@code count}: {@link SshFaultsAssertions#times(int)}, {@link SshFaultsAssertions#once()}, {@link
 * SshFaultsAssertions#never()}, {@link SshFaultsAssertions#atLeast(int)}, {@link
 * SshFaultsAssertions#atMost(int)}. Each check (the methods below) runs at once and returns the
 * matching events, oldest first, for further assertions; a failed check throws an {@link
 * AssertionError}, as any assertion library's would. Checks count the events the journal holds:
 * when it dropped events beyond its capacity that could change the answer, the check fails and
 * says it cannot tell.
 *
 * <p>These names clash with Mockito's static imports ({@code times}, {@code never}, ...): in a
 * class that uses both, qualify ours ({@code verify(host, SshFaultsAssertions.times(3))}) or import
 * ours by name and Mockito's not.
 */
public final class Verification {

  private static final int NEAR_MISSES = 10;

  private final Journal journal;
  private final ExpectedCount expected;

  /** Verifies the events in {@code journal} against {@code expected}. */
  Verification(Journal journal, ExpectedCount expected) {
    this.journal = notNull(journal, "journal");
    this.expected = notNull(expected, "expected count");
  }

  /**
   * Checks the runs of exactly {@code commandLine}; near misses are the other commands, most
   * similar first.
   *
   * @return the matching runs, in the order they ended
   * @throws AssertionError when their number is not the expected one
   */
  public List<CommandRun> ranCommand(String commandLine) {
    notBlank(commandLine, "command line");
    return occurrences(
        "command " + quote(commandLine),
        CommandRun.class,
        run -> commandLine.equals(run.commandLine()),
        runs -> NearMisses.closest(runs, CommandRun::commandLine, commandLine, NEAR_MISSES));
  }

  /**
   * Checks the runs of command lines that {@code glob} matches as a whole: {@code *} matches any
   * characters, {@code ?} one character, everything else itself, as in {@link
   * io.github.sshfaults.faults.Trigger#forCommandGlob(String) fault triggers} and {@link
   * io.github.sshfaults.sshd.FakeSshHost#commandGlob(String) stubs}.
   *
   * @return the matching runs, in the order they ended
   * @throws IllegalArgumentException when the glob is null or blank
   * @throws AssertionError when their number is not the expected one
   */
  public List<CommandRun> ranCommandGlob(String glob) {
    Glob compiled = Glob.commandLine(glob);
    return occurrences(
        "command matching glob " + quote(glob),
        CommandRun.class,
        run -> compiled.matches(run.commandLine()),
        runs -> NearMisses.closest(runs, CommandRun::commandLine, glob, NEAR_MISSES));
  }

  /**
   * Checks the runs of command lines that {@code regex} matches as a whole.
   *
   * @return the matching runs, in the order they ended
   * @throws IllegalArgumentException naming the expression when it does not compile
   * @throws AssertionError when their number is not the expected one
   */
  public List<CommandRun> ranCommandMatching(String regex) {
    Pattern pattern = Regex.commandLine(regex);
    return occurrences(
        "command matching /" + regex + "/",
        CommandRun.class,
        run -> pattern.matcher(run.commandLine()).matches(),
        runs -> NearMisses.closest(runs, CommandRun::commandLine, regex, NEAR_MISSES));
  }

  /**
   * Checks the lines typed in {@linkplain io.github.sshfaults.sshd.Shell shells}, exactly {@code
   * line} (without its line ending); near misses are the other lines typed, most similar first.
   *
   * <pre>{@code
   * verify(router).typed("enable");
   * verify(router, never()).typed("reload");
   * }</pre>
   *
   * @return the matching lines, in the order they were typed
   * @throws AssertionError when their number is not the expected one
   */
  public List<ShellLine> typed(String line) {
    notNull(line, "shell line");
    return occurrences(
        "shell line " + quote(line),
        ShellLine.class,
        typed -> line.equals(typed.line()),
        lines -> NearMisses.closest(lines, ShellLine::line, line, NEAR_MISSES));
  }

  /**
   * Checks the lines typed in shells that {@code glob} matches as a whole, globs reading as in
   * {@link #ranCommandGlob(String)}.
   *
   * @return the matching lines, in the order they were typed
   * @throws IllegalArgumentException when the glob is null or blank
   * @throws AssertionError when their number is not the expected one
   */
  public List<ShellLine> typedGlob(String glob) {
    Glob compiled = Glob.commandLine(glob);
    return occurrences(
        "shell line matching glob " + quote(glob),
        ShellLine.class,
        typed -> compiled.matches(typed.line()),
        lines -> NearMisses.closest(lines, ShellLine::line, glob, NEAR_MISSES));
  }

  /**
   * Checks the lines typed in shells that {@code regex} matches as a whole.
   *
   * @return the matching lines, in the order they were typed
   * @throws IllegalArgumentException naming the expression when it does not compile
   * @throws AssertionError when their number is not the expected one
   */
  public List<ShellLine> typedMatching(String regex) {
    Pattern pattern = Regex.commandLine(regex);
    return occurrences(
        "shell line matching /" + regex + "/",
        ShellLine.class,
        typed -> pattern.matcher(typed.line()).matches(),
        lines -> NearMisses.closest(lines, ShellLine::line, regex, NEAR_MISSES));
  }

  /**
   * Checks the pseudo-terminals clients asked for ({@code pty-req} requests); near misses are the
   * other channel requests. Each request's {@link ChannelRequest#terminal()} says which terminal.
   *
   * <pre>{@code
   * Terminal terminal = verify(router, once()).requestedPty().get(0).terminal();
   * assertThat(terminal.type()).isEqualTo("vt100");
   * }</pre>
   *
   * @return the matching requests, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<ChannelRequest> requestedPty() {
    return occurrences(
        "pseudo-terminal request (pty-req)",
        ChannelRequest.class,
        request -> "pty-req".equals(request.request()),
        others -> others.stream().limit(NEAR_MISSES).toList());
  }

  /**
   * Checks the tunnels the host opened to {@code destination} ({@code direct-tcpip} channels, see
   * {@link FakeSshHost#allowForwarding(String, TunnelDestination, TunnelDestination...)}); near
   * misses are the other forwarding requests, refused ones included.
   *
   * <pre>{@code
   * verify(bastion, once()).forwardedTo(TunnelDestination.host(inner));
   * }</pre>
   *
   * @return the matching forwardings, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<Forwarding> forwardedTo(TunnelDestination destination) {
    notNull(destination, "tunnel destination");
    String name = destination.toString();
    return occurrences(
        "tunnel opened to " + name,
        Forwarding.class,
        forwarding -> forwarding.opened() && name.equals(forwarding.destination()),
        others -> others.stream().limit(NEAR_MISSES).toList());
  }

  /**
   * Checks the forwarding requests the host refused, whatever they asked for: not allowed ({@code
   * SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}), a destination that did not accept ({@code
   * SSH_OPEN_CONNECT_FAILED}), or a fault; each {@link Forwarding#reason()} says why. Near misses
   * are the tunnels that opened.
   *
   * @return the refused requests, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<Forwarding> refusedForwarding() {
    return occurrences(
        "refused forwarding request",
        Forwarding.class,
        forwarding -> !forwarding.opened(),
        others -> others.stream().limit(NEAR_MISSES).toList());
  }

  /**
   * Checks the ports the host bound for remote forwarding ({@code tcpip-forward}, see {@link
   * FakeSshHost#allowRemoteForwarding(String)}); near misses are the refused requests. Each
   * forwarding's {@link RemoteForwarding#bound()} is where the test connects to reach the client.
   *
   * <pre>{@code
   * int port = verify(host, once()).remoteForwardings().get(0).bound().getPort();
   * }</pre>
   *
   * @return the accepted requests, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<RemoteForwarding> remoteForwardings() {
    return occurrences(
        "bound remote forwarding (tcpip-forward)",
        RemoteForwarding.class,
        RemoteForwarding::accepted,
        others -> others.stream().limit(NEAR_MISSES).toList());
  }

  /**
   * Checks the remote forwarding requests ({@code tcpip-forward}) the host refused: a user not
   * allowed, or a port that could not be bound; each {@link RemoteForwarding#reason()} says why.
   * Near misses are the accepted requests.
   *
   * @return the refused requests, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<RemoteForwarding> refusedRemoteForwarding() {
    return occurrences(
        "refused remote forwarding request (tcpip-forward)",
        RemoteForwarding.class,
        forwarding -> !forwarding.accepted(),
        others -> others.stream().limit(NEAR_MISSES).toList());
  }

  /**
   * Checks the accepted authentication attempts of {@code user}; near misses are the other
   * attempts, that user's rejected ones first.
   *
   * @return the matching attempts, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<AuthAttempt> authenticated(String user) {
    notBlank(user, "user name");
    return occurrences(
        "successful login of " + quote(user),
        AuthAttempt.class,
        attempt -> attempt.accepted() && user.equals(attempt.user()),
        attempts -> sameUserFirst(attempts, user));
  }

  /**
   * Checks the rejected authentication attempts of {@code user}; near misses are the other
   * attempts.
   *
   * @return the matching attempts, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<AuthAttempt> rejectedLogin(String user) {
    notBlank(user, "user name");
    return occurrences(
        "rejected login of " + quote(user),
        AuthAttempt.class,
        attempt -> !attempt.accepted() && user.equals(attempt.user()),
        attempts -> sameUserFirst(attempts, user));
  }

  /**
   * Checks the SFTP operations of kind {@code action} on exactly {@code path} (absolute, as the
   * host resolved it), whatever their outcome; near misses are the other SFTP operations, most
   * similar first. The reads, and the writes, of one open file count as one operation.
   *
   * <pre>{@code
   * SftpOperation open = verify(host, once()).sftp(SftpAction.OPEN, "/secret/key").get(0);
   * assertThat(open.outcome()).isEqualTo("permission denied");
   * }</pre>
   *
   * @return the matching operations, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<SftpOperation> sftp(SftpAction action, String path) {
    notNull(action, "SFTP action");
    notBlank(path, "path");
    String operation = action.name().toLowerCase(Locale.ROOT);
    return occurrences(
        "SFTP " + operation + " of " + quote(path),
        SftpOperation.class,
        op -> op.action() == action && path.equals(op.path()),
        ops -> NearMisses.closest(ops, Verification::sftpKey, operation + " " + path, NEAR_MISSES));
  }

  /**
   * Checks the complete downloads of {@code path}: the file was read over SFTP and closed with no
   * error; near misses are the other SFTP operations.
   *
   * @return the matching downloads, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<SftpOperation> downloaded(String path) {
    return transfers("download", SftpAction.READ, path);
  }

  /**
   * Checks the complete uploads to {@code path}: the file was written over SFTP and closed with no
   * error; near misses are the other SFTP operations.
   *
   * @return the matching uploads, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<SftpOperation> uploaded(String path) {
    return transfers("upload", SftpAction.WRITE, path);
  }

  private List<SftpOperation> transfers(String what, SftpAction action, String path) {
    notBlank(path, "path");
    String operation = action.name().toLowerCase(Locale.ROOT);
    return occurrences(
        "complete " + what + " of " + quote(path),
        SftpOperation.class,
        op -> op.action() == action && path.equals(op.path()) && "ok".equals(op.outcome()),
        ops -> NearMisses.closest(ops, Verification::sftpKey, operation + " " + path, NEAR_MISSES));
  }

  /**
   * Checks the symbolic links created at {@code link} leading to {@code target}, whatever their
   * outcome: both paths absolute, as the host resolved them (a relative target against the link's
   * directory); near misses are the other SFTP operations, most similar first.
   *
   * <pre>{@code
   * verify(host, once()).symlinked("/srv/current", "/srv/releases/42");
   * }</pre>
   *
   * @return the matching operations, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<SftpOperation> symlinked(String link, String target) {
    return linked("symbolic link", SftpAction.SYMLINK, link, target);
  }

  /**
   * Checks the hard links created at {@code link} to the existing file {@code target}, whatever
   * their outcome: both paths absolute, as the host resolved them; near misses are the other SFTP
   * operations, most similar first.
   *
   * @return the matching operations, in order
   * @throws AssertionError when their number is not the expected one
   */
  public List<SftpOperation> hardlinked(String link, String target) {
    return linked("hard link", SftpAction.HARDLINK, link, target);
  }

  private List<SftpOperation> linked(String what, SftpAction action, String link, String target) {
    notBlank(link, "link path");
    notBlank(target, "link target");
    return occurrences(
        what + " " + quote(link) + " -> " + quote(target),
        SftpOperation.class,
        op -> op.action() == action && link.equals(op.path()) && target.equals(op.target()),
        ops ->
            NearMisses.closest(
                ops,
                Verification::sftpKey,
                action.name().toLowerCase(Locale.ROOT) + " " + link + " -> " + target,
                NEAR_MISSES));
  }

  private static String sftpKey(SftpOperation op) {
    String key = op.action().name().toLowerCase(Locale.ROOT) + " " + op.path();
    return op.target() == null ? key : key + " -> " + op.target();
  }

  /**
   * Checks the connections the host accepted: {@code verify(idle, never()).connected()} says that
   * no client ever connected.
   *
   * @return the connections, in accept order
   * @throws AssertionError when their number is not the expected one, listing them
   */
  public List<ConnectionAccepted> connected() {
    return occurrences("connection", ConnectionAccepted.class, connection -> true, none -> none);
  }

  /**
   * Checks the events of {@code type} that {@code matching} accepts, described as {@code
   * description} in messages; the near misses are the other events of that type. For anything the
   * other methods do not cover: {@code recorded(FaultFired.class, "fault at AUTH", f -> f.stage()
   * == Stage.AUTH)}.
   *
   * @return the matching events, in order
   * @throws AssertionError when their number is not the expected one
   */
  public <E extends JournalEvent> List<E> recorded(
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

  /**
   * Counts the events of {@code type} that match and checks their number against the expected
   * count.
   *
   * @return the matching events
   * @throws AssertionError naming what was expected and showing what matched and the near misses
   */
  private <E extends JournalEvent> List<E> occurrences(
      String what,
      Class<E> type,
      Predicate<? super E> matching,
      Function<List<E>, List<E>> rankNearMisses) {
    List<E> all = journal.events(type);
    // Read after the events: a drop in between can only make the answer less certain, not wrong.
    long dropped = journal.dropped();
    List<E> matches = all.stream().filter(matching).toList();
    int found = matches.size();
    boolean holds = expected.isMetBy(found);
    // Dropped events can only add matches: they cannot save an upper bound already exceeded, nor
    // break a lower bound the kept events meet.
    boolean certain =
        dropped == 0 || (holds && !expected.hasUpperBound()) || expected.isExceededBy(found);
    if (holds && certain) {
      return matches;
    }
    StringBuilder message =
        new StringBuilder("Expected ")
            .append(what)
            .append(' ')
            .append(expected.describe())
            .append(" in the ")
            .append(journal)
            .append(", but found ")
            .append(found);
    if (dropped > 0) {
      message
          .append(" among the events it kept; it dropped the ")
          .append(dropped)
          .append(" oldest events beyond its capacity of ")
          .append(journal.capacity())
          .append(
              certain
                  ? ""
                  : ", so it cannot tell; raise FakeSshHost.builder().journalCapacity(...)");
    }
    message.append(matches.isEmpty() ? "." : ":");
    matches.forEach(event -> message.append("\n  ").append(event));
    message.append("\nNear misses, closest first:");
    List<E> nearMisses = rankNearMisses.apply(all.stream().filter(matching.negate()).toList());
    if (nearMisses.isEmpty()) {
      message.append(" none (no other events of this kind)");
    }
    nearMisses.forEach(event -> message.append("\n  ").append(event));
    throw new AssertionError(message.toString());
  }
}
