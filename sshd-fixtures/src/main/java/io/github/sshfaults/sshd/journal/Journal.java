package io.github.sshfaults.sshd.journal;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * What one fake host saw and did, in order: connections accepted and closed, client identification,
 * negotiated algorithms, authentication attempts, channels, commands, SFTP operations, faults fired
 * and disconnect messages. Obtained from {@link io.github.sshfaults.sshd.FakeSshHost#journal()}.
 *
 * <pre>{@code
 * host.journal().awaitConnections(3);
 * assertThat(host.journal().authAttempts("alice")).extracting(AuthAttempt::accepted)
 *     .containsExactly(false, true);
 * verify(host, times(3)).ranCommand("uptime");           // see SshFaultsAssertions
 * Files.writeString(report, host.journal().toJsonLines()); // for a bug report
 * }</pre>
 *
 * <p>The journal keeps at most {@link #capacity()} events; past that it drops the oldest, so the
 * lists it returns may miss early events, while {@link #count(Class)} still counts every event
 * recorded since the host started (or since {@link #clear()}), and {@link #dropped()} says how many
 * were dropped. Events the host records before a client can observe the outcome (an authentication
 * result, a command's exit code) are in the journal by the time the client sees that outcome; a
 * connection's end is recorded when the host notices it, which may be a little after the client
 * closed: use {@link #awaitClosedConnections(int)} for those. The waits poll the journal with
 * {@link io.github.sshfaults.assertions.SshAwait}, as a test waits for anything else, and time out
 * the same way.
 *
 * <p>All methods are thread-safe; lists are unmodifiable snapshots.
 */
public interface Journal {

  /** How many events a journal keeps unless its host is configured otherwise. */
  int DEFAULT_CAPACITY = 10_000;

  /** Every event the journal holds, oldest first. */
  List<JournalEvent> events();

  /** The events of one type, oldest first: {@code events(CommandRun.class)}. */
  <E extends JournalEvent> List<E> events(Class<E> type);

  /** The events of one connection (by its 1-based accept-order index), oldest first. */
  List<JournalEvent> eventsOf(int connection);

  /** The last {@code n} events (fewer if the journal holds fewer), oldest first. */
  List<JournalEvent> tail(int n);

  /** The connections the host accepted, in accept order. */
  List<ConnectionAccepted> connections();

  /** The connections that ended, in the order they ended. */
  List<ConnectionClosed> closedConnections();

  /** Every authentication attempt the host decided, in order. */
  List<AuthAttempt> authAttempts();

  /** The authentication attempts for {@code user}, in order. */
  List<AuthAttempt> authAttempts(String user);

  /** Every command that ran, in the order they ended. */
  List<CommandRun> commands();

  /** The runs of exactly {@code commandLine}, in the order they ended. */
  List<CommandRun> commands(String commandLine);

  /** The SFTP operations the host handled, in order. */
  List<SftpOperation> sftpOperations();

  /** The faults that fired, in order. */
  List<FaultFired> faultsFired();

  /**
   * How many events of {@code type} were recorded since the host started or the journal was last
   * cleared, including events dropped beyond the capacity.
   */
  long count(Class<? extends JournalEvent> type);

  /** How many events were dropped because the journal was full. */
  long dropped();

  /** The most events the journal keeps. */
  int capacity();

  /**
   * Forgets every event and count; sequence numbers start again at 1. Connections accepted before
   * stay numbered as they were; their later disconnect and close are not recorded (they are the
   * aftermath of what was cleared), anything else they do is.
   */
  void clear();

  /**
   * Waits until the host has accepted at least {@code n} connections, at most {@link
   * io.github.sshfaults.assertions.SshAwait#DEFAULT_TIMEOUT}.
   *
   * @return the connections accepted so far
   * @throws org.awaitility.core.ConditionTimeoutException naming what was awaited, how many were
   *     seen and the last events of the journal, when the time runs out
   */
  List<ConnectionAccepted> awaitConnections(int n);

  /** Waits until the host has accepted at least {@code n} connections, at most {@code atMost}. */
  List<ConnectionAccepted> awaitConnections(int n, Duration atMost);

  /**
   * Waits until at least {@code n} connections have ended, at most {@link
   * io.github.sshfaults.assertions.SshAwait#DEFAULT_TIMEOUT}.
   *
   * @return the connections ended so far
   */
  List<ConnectionClosed> awaitClosedConnections(int n);

  /** Waits until at least {@code n} connections have ended, at most {@code atMost}. */
  List<ConnectionClosed> awaitClosedConnections(int n, Duration atMost);

  /**
   * Waits until at least {@code n} commands have ended, at most {@link
   * io.github.sshfaults.assertions.SshAwait#DEFAULT_TIMEOUT}.
   *
   * @return the commands ended so far
   */
  List<CommandRun> awaitCommands(int n);

  /** Waits until at least {@code n} commands have ended, at most {@code atMost}. */
  List<CommandRun> awaitCommands(int n, Duration atMost);

  /**
   * Waits until at least {@code n} events of {@code type} were recorded, at most {@code atMost}.
   *
   * @return the events of that type the journal holds
   */
  <E extends JournalEvent> List<E> await(Class<E> type, int n, Duration atMost);

  /**
   * The journal as JSON Lines: a first line describing the journal ({@code "type":"journal"}, the
   * host, capacity, dropped count), then one object per event with {@code sequence}, {@code time},
   * {@code connection}, {@code type} and the event's {@link JournalEvent#details() details}.
   */
  String toJsonLines();

  /** Writes {@link #toJsonLines()} to {@code out}. */
  void writeJsonLines(Writer out) throws IOException;

  /**
   * A human-readable summary of the last {@code n} events, one per line, headed by the host and the
   * counts: what failure diagnostics print.
   */
  String describeTail(int n);
}
