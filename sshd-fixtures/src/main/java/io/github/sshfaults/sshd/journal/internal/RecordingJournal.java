package io.github.sshfaults.sshd.journal.internal;

import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;

import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.internal.ConnectionIndex;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import io.github.sshfaults.sshd.journal.ConnectionClosed;
import io.github.sshfaults.sshd.journal.Disconnect;
import io.github.sshfaults.sshd.journal.FaultFired;
import io.github.sshfaults.sshd.journal.Journal;
import io.github.sshfaults.sshd.journal.JournalEvent;
import io.github.sshfaults.sshd.journal.SftpOperation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.sshd.common.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of one fake host: a bounded, ordered, thread-safe event store, and the recording API
 * the rest of sshfaults calls. Events get their sequence number and time under one lock, so
 * sequence order is recording order.
 *
 * <p>MINA SSHD's events reach it through {@link JournalHooks}, the fault engine's (faults fired,
 * SFTP operations) through a {@link FaultRecorder}.
 */
public final class RecordingJournal implements Journal {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingJournal.class);

  /** How many of the last events a failed wait shows. */
  private static final int AWAIT_TAIL = 20;

  /** Creates an event once its sequence number, time and connection are known. */
  @FunctionalInterface
  public interface Pending<E extends JournalEvent> {
    /** The event with these common fields. */
    E at(long sequence, Instant time, int connection);
  }

  private final int capacity;
  private final Object lock = new Object();
  private final ArrayDeque<JournalEvent> events = new ArrayDeque<>();
  private final Map<Class<?>, Long> counts = new HashMap<>();
  private long nextSequence = 1;
  private long dropped;
  private int newestConnection;
  private int newestConnectionBeforeClear;
  private volatile String owner = "a fake host";
  private volatile Consumer<JournalEvent> listener;
  private volatile boolean hostClosing;
  private final Map<Integer, String> closingByFault = new ConcurrentHashMap<>();

  /** An empty journal keeping at most {@code capacity} events. */
  public RecordingJournal(int capacity) {
    this.capacity = positive(capacity, "journal capacity");
  }

  /** Names the host in messages, once its address is known. */
  public void describeAs(String owner) {
    this.owner = notNull(owner, "journal owner");
  }

  /** Records the event {@code pending} creates for {@code session}'s connection. */
  public <E extends JournalEvent> E record(Session session, Pending<E> pending) {
    return record(ConnectionIndex.of(session), pending);
  }

  /** Records the event {@code pending} creates for connection {@code connection}. */
  public <E extends JournalEvent> E record(int connection, Pending<E> pending) {
    synchronized (lock) {
      E event = pending.at(nextSequence, Instant.now(), connection);
      if (isAftermathOfClearedConnection(event)) {
        return event;
      }
      nextSequence++;
      newestConnection = Math.max(newestConnection, connection);
      events.addLast(event);
      counts.merge(event.getClass(), 1L, Long::sum);
      if (events.size() > capacity) {
        events.removeFirst();
        dropped++;
      }
      tell(event);
      return event;
    }
  }

  /**
   * Lets {@code listener} hear every event recorded from now on, in recording order, on the thread
   * that records it (often an I/O thread): it must hand the event on and return at once. Replaces
   * the previous listener; null removes it.
   */
  public void listen(Consumer<JournalEvent> listener) {
    this.listener = listener;
  }

  private void tell(JournalEvent event) {
    Consumer<JournalEvent> current = listener;
    if (current == null) {
      return;
    }
    try {
      current.accept(event);
    } catch (RuntimeException e) {
      // A listener's failure must not fail the connection whose event it was.
      LOG.warn("Journal listener of {} failed on {}", owner, event, e);
    }
  }

  // A client of the previous test goes away after the reset that starts the next one: the next
  // test's journal must not begin with that noise.
  private boolean isAftermathOfClearedConnection(JournalEvent event) {
    return (event instanceof ConnectionClosed || event instanceof Disconnect)
        && event.connection() <= newestConnectionBeforeClear;
  }

  /**
   * Records that a fault acted on connection {@code connection}.
   *
   * @param stage where it acted
   * @param rule the fault's place in the plan, from 1
   * @param fault the fault
   * @param description what it did on the wire
   */
  public FaultFired faultFired(
      int connection, Stage stage, int rule, Fault fault, String description) {
    return record(
        connection, (s, t, c) -> new FaultFired(s, t, c, stage, rule, fault, description));
  }

  /** Records one SFTP operation on connection {@code connection}. */
  public SftpOperation sftpOperation(
      int connection,
      SftpAction action,
      String path,
      String target,
      SftpStatus status,
      String outcome,
      long bytes) {
    notNegative(bytes, "SFTP byte count");
    return record(
        connection,
        (s, t, c) -> new SftpOperation(s, t, c, action, path, target, status, outcome, bytes));
  }

  /**
   * Records a request on channel {@code channelId} of connection {@code connection}.
   *
   * @param request what was asked: {@code subsystem sftp}
   * @param reason why it was refused; null when it was accepted
   */
  public ChannelRequest channelRequest(
      int connection, long channelId, String request, String reason) {
    return record(
        connection,
        (s, t, c) ->
            new ChannelRequest(s, t, c, channelId, request, null, reason == null, reason));
  }

  /**
   * Marks connection {@code connection} as being ended by a fault, before the fault disconnects or
   * closes it, so that its disconnect and close are attributed to the fault with {@code how} as the
   * detail. By connection, not session: a fault may end a connection before MINA SSHD has a session
   * for it.
   */
  public void closingByFault(int connection, String how) {
    closingByFault.put(connection, notNull(how, "how the fault closes the connection"));
  }

  /** The detail a fault gave for ending {@code session}'s connection, if a fault ends it. */
  Optional<String> faultClosing(Session session) {
    return Optional.ofNullable(closingByFault.get(ConnectionIndex.of(session)));
  }

  /** Marks the host as stopping: connections that end from now on were ended by the server. */
  public void hostClosing() {
    hostClosing = true;
  }

  boolean isHostClosing() {
    return hostClosing;
  }

  @Override
  public List<JournalEvent> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  @Override
  public <E extends JournalEvent> List<E> events(Class<E> type) {
    notNull(type, "event type");
    List<E> matching = new ArrayList<>();
    for (JournalEvent event : events()) {
      if (type.isInstance(event)) {
        matching.add(type.cast(event));
      }
    }
    return List.copyOf(matching);
  }

  @Override
  public List<JournalEvent> eventsOf(int connection) {
    return events().stream().filter(e -> e.connection() == connection).toList();
  }

  @Override
  public List<JournalEvent> tail(int n) {
    notNegative(n, "number of events");
    List<JournalEvent> all = events();
    return all.subList(Math.max(0, all.size() - n), all.size());
  }

  @Override
  public List<ConnectionAccepted> connections() {
    return events(ConnectionAccepted.class);
  }

  @Override
  public List<ConnectionClosed> closedConnections() {
    return events(ConnectionClosed.class);
  }

  @Override
  public List<AuthAttempt> authAttempts() {
    return events(AuthAttempt.class);
  }

  @Override
  public List<AuthAttempt> authAttempts(String user) {
    notNull(user, "user name");
    return authAttempts().stream().filter(a -> user.equals(a.user())).toList();
  }

  @Override
  public List<CommandRun> commands() {
    return events(CommandRun.class);
  }

  @Override
  public List<CommandRun> commands(String commandLine) {
    notNull(commandLine, "command line");
    return commands().stream().filter(c -> commandLine.equals(c.commandLine())).toList();
  }

  @Override
  public List<SftpOperation> sftpOperations() {
    return events(SftpOperation.class);
  }

  @Override
  public List<FaultFired> faultsFired() {
    return events(FaultFired.class);
  }

  @Override
  public long count(Class<? extends JournalEvent> type) {
    notNull(type, "event type");
    synchronized (lock) {
      long total = 0;
      for (Map.Entry<Class<?>, Long> entry : counts.entrySet()) {
        if (type.isAssignableFrom(entry.getKey())) {
          total += entry.getValue();
        }
      }
      return total;
    }
  }

  @Override
  public long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void clear() {
    synchronized (lock) {
      closingByFault.clear();
      events.clear();
      counts.clear();
      dropped = 0;
      nextSequence = 1;
      newestConnectionBeforeClear = newestConnection;
    }
  }

  @Override
  public List<ConnectionAccepted> awaitConnections(int n) {
    return await(ConnectionAccepted.class, n, SshAwait.await());
  }

  @Override
  public List<ConnectionAccepted> awaitConnections(int n, Duration atMost) {
    return await(ConnectionAccepted.class, n, atMost);
  }

  @Override
  public List<ConnectionClosed> awaitClosedConnections(int n) {
    return await(ConnectionClosed.class, n, SshAwait.await());
  }

  @Override
  public List<ConnectionClosed> awaitClosedConnections(int n, Duration atMost) {
    return await(ConnectionClosed.class, n, atMost);
  }

  @Override
  public List<CommandRun> awaitCommands(int n) {
    return await(CommandRun.class, n, SshAwait.await());
  }

  @Override
  public List<CommandRun> awaitCommands(int n, Duration atMost) {
    return await(CommandRun.class, n, atMost);
  }

  @Override
  public <E extends JournalEvent> List<E> await(Class<E> type, int n, Duration atMost) {
    return await(type, n, SshAwait.atMost(atMost));
  }

  /**
   * Waits with {@code waiting}, which polls in the caller's thread (a wait starts no thread of its
   * own), until at least {@code n} events of {@code type} were recorded.
   */
  private <E extends JournalEvent> List<E> await(Class<E> type, int n, SshAwait waiting) {
    notNull(type, "event type");
    positive(n, "number of " + type.getSimpleName() + " events to await");
    waiting.until(
        "at least " + n + " " + type.getSimpleName() + " events on " + owner,
        () -> new Seen(count(type)),
        seen -> seen.count >= n);
    return events(type);
  }

  /**
   * What a wait saw last: a count, which a failed wait shows with the journal's last events. They
   * are described only then, not at each poll, where copying the journal would cost for nothing.
   */
  private final class Seen {
    private final long count;

    Seen(long count) {
      this.count = count;
    }

    @Override
    public String toString() {
      return count + "; " + describeTail(AWAIT_TAIL);
    }
  }

  @Override
  public String toJsonLines() {
    StringWriter out = new StringWriter();
    try {
      writeJsonLines(out);
    } catch (IOException e) {
      throw new UncheckedIOException("A StringWriter cannot fail", e);
    }
    return out.toString();
  }

  @Override
  public void writeJsonLines(Writer out) throws IOException {
    List<JournalEvent> snapshot;
    Map<String, Object> header = new LinkedHashMap<>();
    synchronized (lock) {
      snapshot = List.copyOf(events);
      header.put("type", "journal");
      header.put("host", owner);
      header.put("capacity", capacity);
      header.put("events", nextSequence - 1);
      header.put("dropped", dropped);
    }
    out.write(JsonLines.object(header));
    out.write('\n');
    for (JournalEvent event : snapshot) {
      out.write(JsonLines.event(event));
      out.write('\n');
    }
    out.flush();
  }

  @Override
  public String describeTail(int n) {
    notNegative(n, "number of events");
    List<JournalEvent> tail;
    long recorded;
    long droppedNow;
    synchronized (lock) {
      tail = tail(n);
      recorded = nextSequence - 1;
      droppedNow = dropped;
    }
    StringBuilder text =
        new StringBuilder("journal of ")
            .append(owner)
            .append(": ")
            .append(recorded)
            .append(" events (")
            .append(count(ConnectionAccepted.class))
            .append(" connections, ")
            .append(count(ConnectionClosed.class))
            .append(" closed, ")
            .append(count(AuthAttempt.class))
            .append(" auth attempts, ")
            .append(count(CommandRun.class))
            .append(" commands, ")
            .append(count(FaultFired.class))
            .append(" faults fired")
            .append(sftpCount(count(SftpOperation.class)))
            .append(droppedNow > 0 ? ", " + droppedNow + " oldest dropped" : "")
            .append(')');
    if (tail.isEmpty()) {
      return text.append(", nothing recorded").toString();
    }
    text.append(tail.size() < recorded ? ", last " + tail.size() + ":" : ":");
    for (JournalEvent event : tail) {
      text.append("\n  ").append(EventText.line(event));
    }
    return text.toString();
  }

  private static String sftpCount(long operations) {
    return operations == 0 ? "" : ", " + operations + " SFTP operations";
  }

  @Override
  public String toString() {
    return "journal of " + owner;
  }
}
