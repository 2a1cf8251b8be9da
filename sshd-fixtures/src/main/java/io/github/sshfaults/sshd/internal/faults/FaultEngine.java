package io.github.sshfaults.sshd.internal.faults;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.ConnectEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.LivePlan;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.internal.Durations;
import io.github.sshfaults.sshd.internal.HostTasks;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault engine of one fake host: its live plan, its connection counter, its scheduler, and the
 * hooks it installs into each MINA SSHD server the host runs (a restart builds a new server with
 * the same engine, so indices and counts carry on).
 *
 * <p>Every hook starts with a check of the plan, so a host without faults pays one volatile read
 * per occasion. Delays never block a MINA SSHD I/O thread: they run on the JVM's shared fault timer
 * (its tasks for this host cancelled by {@link #close()}); a late answer to an authentication
 * request, of any method, is sent by the host's {@code ssh-userauth} service when the timer
 * completes it ({@code UserAuthService}).
 */
public final class FaultEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultEngine.class);

  /** Made when a refusal is first described, not by every host that starts. */
  private static final class Since {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  }

  private final LivePlan plan;
  private final HostTasks tasks = HostTasks.forFaults();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<WireSession> live = ConcurrentHashMap.newKeySet();
  private final SessionHooks sessionHooks = new SessionHooks(this);
  private volatile boolean partitioned;
  private volatile boolean refusing;
  private volatile FaultListener listener = FaultListener.NONE;
  private volatile Runnable refusalChanged = () -> {};
  private volatile Refusal refusingSince;

  /** An engine seeded with {@code seed}, with {@code initial} as its plan. */
  public FaultEngine(long seed, FaultPlan initial) {
    this(seed, initial, FaultPlan.empty());
  }

  /**
   * An engine seeded with {@code seed}, with {@code initial} as its plan over {@code base}, the
   * faults that make the host's timing (see {@link LivePlan#LivePlan(long, Runnable, FaultPlan)}).
   */
  public FaultEngine(long seed, FaultPlan initial, FaultPlan base) {
    this.plan = new LivePlan(seed, this::planChanged, base);
    this.plan.replace(notNull(initial, "initial fault plan"));
  }

  /** Puts the engine's hooks into {@code server}, which must not be started yet. */
  public void install(SshServer server) {
    // Still NIO2: the wire sessions are NIO2 sessions.
    server.setIoServiceFactoryFactory(new WireServiceFactoryFactory(this));
    server.addSessionListener(sessionHooks);
    server.setKeyPairProvider(new FaultyHostKeys(server.getKeyPairProvider()));
    server.setUserAuthFactories(FaultyUserAuthFactory.wrap(server, this));
    server.setChannelFactories(FaultyChannelFactory.wrap(server.getChannelFactories(), this));
  }

  /**
   * {@code factory}, its channel openings passing through the plan as those of the channel types
   * {@link #install(SshServer)} found: for a channel type added after it.
   */
  public ChannelFactory withFaults(ChannelFactory factory) {
    return FaultyChannelFactory.wrap(List.of(factory), this).get(0);
  }

  /** The live plan, as the host's users see it. */
  public HostFaults faults() {
    return plan;
  }

  LivePlan plan() {
    return plan;
  }

  /** The seed every random decision derives from. */
  public long seed() {
    return plan.seed();
  }

  /**
   * The seed, the plan with what each fault did (a refusal: since when the port is closed), and
   * whether the host is partitioned.
   */
  public String describe() {
    return plan.describe(this::refusal)
        + (partitioned ? "\n  (partitioned: no traffic flows)" : "");
  }

  /**
   * What a refusing plan does, which the host never sees: {@code port closed since 12:00:01.123Z,
   * for 2.5s; refused attempts never reach the host, so none are counted}.
   */
  private String refusal() {
    Refusal since = refusingSince;
    if (since == null) {
      return "the port is about to close";
    }
    Duration closed = Duration.ofMillis((System.nanoTime() - since.nanos()) / 1_000_000);
    return "port closed since "
        + Since.FORMAT.format(since.at())
        + ", for "
        + Durations.format(closed)
        + "; refused attempts never reach the host, so none are counted";
  }

  /**
   * Tells {@code listener} about every fault applied from now on; {@link FaultListener#NONE} stops.
   */
  public void setListener(FaultListener listener) {
    this.listener = notNull(listener, "fault listener");
  }

  /** Runs {@code action} whenever {@link #refusing()} changes. */
  public void onRefusalChange(Runnable action) {
    this.refusalChanged = notNull(action, "refusal listener");
  }

  /** Whether the plan says nothing may listen on the port ({@link Fault#refuse()}). */
  public boolean refusing() {
    return refusing;
  }

  private synchronized void planChanged() {
    boolean refuse = plan.refuses();
    if (refuse != refusing) {
      refusing = refuse;
      refusalChanged.run();
      refusingSince = refuse ? new Refusal(Instant.now(), System.nanoTime()) : null;
    }
  }

  /**
   * When the port closed for a refusal: the wall-clock time to show, a monotonic one to measure.
   */
  private record Refusal(Instant at, long nanos) {}

  // ------------------------------------------------------------ network-level controls

  /** Stalls every open connection in both directions and holds new ones before their first byte. */
  public void partition() {
    partitioned = true;
    live.forEach(session -> session.wire().hold());
  }

  /** Lets traffic flow again after {@link #partition()}, in order, where it stopped. */
  public void heal() {
    partitioned = false;
    live.forEach(session -> session.wire().release());
  }

  /** Whether the host is partitioned. */
  public boolean isPartitioned() {
    return partitioned;
  }

  /** Closes every open connection with a FIN and no SSH goodbye, as a crashing server would. */
  public void dropAllSessions() {
    live.forEach(session -> session.wire().drop());
  }

  /** The number of open connections that have authenticated. */
  long authenticatedConnections() {
    return live.stream()
        .filter(session -> session.connection().authenticated && !session.isClosing())
        .count();
  }

  /** Cancels the engine's timed tasks; pending delays are abandoned (their sessions are closing). */
  @Override
  public void close() {
    tasks.shutdownNow();
    try {
      if (!tasks.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("A fault task of {} ignored interruption and is still running", this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------ for the hooks

  Connection accept() {
    return new Connection(this, accepted.incrementAndGet());
  }

  /**
   * A connection was accepted: applies the faults of its first moments, before any byte goes out:
   * the shaping of its stream, its banner, then what happens before the banner. A fault that ends
   * the connection leaves no later occasion.
   */
  void accepted(WireSession session) {
    live.add(session);
    try {
      listener.connectionAccepted(session.connection().index(), session.getRemoteAddress());
    } catch (RuntimeException e) {
      LOG.warn("Fault listener failed on connection {}", session.connection().index(), e);
    }
    if (partitioned) {
      session.wire().hold();
    }
    if (plan.isEmpty()) {
      return;
    }
    Connection connection = session.connection();
    if (TransportShaping.shape(this, connection)) {
      return;
    }
    BannerDecision banner = new BannerDecision(this, connection);
    plan.dispatch(OccasionKind.BANNER, connection.dice(), Occasion.none(), banner);
    if (banner.apply()) {
      return;
    }
    ConnectDecision connect = new ConnectDecision();
    plan.dispatch(OccasionKind.CONNECT, connection.dice(), Occasion.none(), connect);
    connect.end(this, connection, "before the banner");
  }

  /** The endings of {@link Stage#CONNECT}: all a connection can meet before its first byte. */
  private static final class ConnectDecision extends EndingDecision
      implements ConnectEffect.Injector {}

  /**
   * Applies {@code ending}, unless its fault may no longer take effect: reports it as happening
   * {@code when}, then ends or stalls the connection.
   *
   * @return whether it took effect
   */
  boolean end(Connection connection, Ending ending, String when) {
    if (!fired(connection, ending.firing(), describeEnding(ending, when), ending.closes())) {
      return false;
    }
    applyEnding(connection, ending);
    return true;
  }

  /**
   * Applies {@code ending} {@code after} from now, unless the connection has ended by then:
   * reports it as happening {@code when}. For a fault that waits ({@code Fault.after}).
   */
  void endLater(Connection connection, Ending ending, String when) {
    Duration after = ending.firing().after();
    schedule(
        () -> {
          WireSession wire = connection.wire();
          if (wire != null && !wire.isClosing()) {
            end(connection, ending, when + ", " + Durations.format(after) + " later");
          }
        },
        after.toNanos());
  }

  /**
   * Applies {@code ending}, whose fault has taken effect already ({@link Firing#takeEffect()}): for
   * an ending that waited for a delay after it was counted.
   */
  void endTaken(Connection connection, Ending ending, String when) {
    report(connection, ending.firing(), describeEnding(ending, when), ending.closes());
    applyEnding(connection, ending);
  }

  static String describeEnding(Ending ending, String when) {
    if (ending.description() != null) {
      return ending.description();
    }
    return switch (ending.how()) {
      case DROP -> "dropped the connection (FIN) " + when;
      case RESET -> "reset the connection (RST) " + when;
      case HANG -> "hangs " + when;
      case DISCONNECT -> "disconnected with reason " + ending.reasonCode() + " " + when;
    };
  }

  private void applyEnding(Connection connection, Ending ending) {
    Wire wire = connection.wire().wire();
    switch (ending.how()) {
      case DROP -> wire.drop();
      case RESET -> {
        // Before the banner the host sends nothing more; after an exact count of bytes to the
        // client neither, not even a probe; a cut of what the client sends may still probe.
        Firing firing = ending.firing();
        boolean beforeBanner =
            firing.stage() == Stage.CONNECT
                || (firing.stage() == Stage.TRANSPORT && firing.afterBytes() == 0);
        if (firing.stage() == Stage.TRANSPORT
            && firing.afterBytes() > 0
            && firing.direction() == Direction.TO_CLIENT) {
          wire.resetAtClientsNextBytes();
        } else {
          wire.reset(connection.kexDone, beforeBanner);
        }
      }
      case HANG -> wire.hang();
      case DISCONNECT -> disconnect(connection, ending.reasonCode(), ending.message());
    }
  }

  /**
   * Sends {@code SSH_MSG_DISCONNECT} with exactly this reason and message, then a FIN. Built here
   * because MINA SSHD's own {@code disconnect} replaces the message of reason 2.
   *
   * <p>The FIN is queued behind the packet (on the wire, and in {@link
   * org.apache.sshd.common.io.nio2.Nio2Session}'s write queue, which a shutdown waits for), and what
   * the client sends until the FIN is out is read and ignored, so the packet is not lost to an RST
   * of ours. Then the socket closes, as OpenSSH's sshd exits after its disconnect: what the client
   * sends later gets an RST from the kernel. Every client library receives the packet ({@code
   * DisconnectReasonArrivesTest}); what it then throws is its own affair. sshj's {@code authPassword}, for one, tries its next method on the transport the
   * disconnect has killed and reports "Socket closed" or a timeout instead of the reason, by the
   * timing of its own threads (docs/guide/troubleshooting.md).
   */
  void disconnect(Connection connection, int reason, String message) {
    ServerSession session = connection.session();
    try {
      Buffer packet = session.createBuffer(SshConstants.SSH_MSG_DISCONNECT, message.length() + 16);
      packet.putInt(reason);
      packet.putString(message);
      packet.putString("");
      session.writePacket(packet);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot send a disconnect on {}", connection, e);
    }
    connection.wire().wire().drop();
  }

  void sftpOperation(
      Connection connection,
      SftpAction action,
      String path,
      String target,
      SftpStatus status,
      String outcome,
      long bytes) {
    try {
      listener.sftpOperation(connection.index(), action, path, target, status, outcome, bytes);
    } catch (RuntimeException e) {
      LOG.warn("Fault listener failed on an SFTP operation of {}", connection, e);
    }
  }

  void forget(WireSession session) {
    live.remove(session);
  }

  void schedule(Runnable task, long delayNanos) {
    try {
      tasks.schedule(task, delayNanos);
    } catch (RejectedExecutionException e) {
      LOG.debug("Host closing; dropping a delayed fault task", e);
    }
  }

  void execute(Runnable task) {
    schedule(task, 0);
  }

  /**
   * A fault takes effect, unless it may no longer ({@link Firing#takeEffect()}): counted for the
   * plan's description, logged, and told to the listener (the journal). The one place every effect
   * is counted and reported, so the counts and the journal agree. Call it before applying the
   * effect, and apply it only when it answers true.
   *
   * @param endsConnection whether the effect closes the connection, so that the journal says a
   *     fault closed it
   * @return whether the fault took effect
   */
  boolean fired(Connection connection, Firing firing, String description, boolean endsConnection) {
    if (!firing.takeEffect()) {
      LOG.debug("Fault {} passed over on {}: it reached its limit", firing, connection);
      return false;
    }
    report(connection, firing, description, endsConnection);
    return true;
  }

  /** {@link #fired(Connection, Firing, String, boolean)} for an effect that keeps it open. */
  boolean fired(Connection connection, Firing firing, String description) {
    return fired(connection, firing, description, false);
  }

  private void report(
      Connection connection, Firing firing, String description, boolean endsConnection) {
    if (LivePlan.fromBase(firing)) {
      // The host's timing is how it behaves, not a fault of the test: kept out of the journal.
      LOG.debug("Timing on {}: {}", connection, description);
      return;
    }
    FaultEvent event =
        new FaultEvent(
            connection.index(),
            firing.stage(),
            firing.rule(),
            firing.fault(),
            description,
            endsConnection);
    LOG.debug("Fault fired (seed {}): {}", plan.seed(), event);
    try {
      listener.faultFired(event);
    } catch (RuntimeException e) {
      LOG.warn("Fault listener failed on {}", event, e);
    }
  }

  @Override
  public String toString() {
    return "FaultEngine[" + plan.describe() + "]";
  }
}
