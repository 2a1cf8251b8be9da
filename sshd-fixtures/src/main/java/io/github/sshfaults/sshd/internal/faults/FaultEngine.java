package io.github.sshfaults.sshd.internal.faults;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.LivePlan;
import io.github.sshfaults.internal.Durations;
import io.github.sshfaults.internal.NamedThreadFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
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
 * per occasion. Delays never block a MINA SSHD I/O thread: they run on the engine's scheduler (one
 * named thread per host, stopped by {@link #close()}) or, for authentication, through MINA SSHD's
 * asynchronous authentication.
 */
public final class FaultEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultEngine.class);

  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final LivePlan plan;
  private final ScheduledThreadPoolExecutor scheduler;
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
    this.plan = new LivePlan(seed, this::planChanged);
    this.plan.replace(notNull(initial, "initial fault plan"));
    this.scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("sshfaults-faults"));
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
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

  /** Names the scheduler's threads after the host's port: {@code sshfaults-2222-faults-1}. */
  public void nameThreads(int port) {
    scheduler.setThreadFactory(new NamedThreadFactory("sshfaults-" + port + "-faults"));
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
    return plan.describe(fault -> fault.effect() instanceof Effect.Refuse ? refusal() : null)
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
        + SINCE.format(since.at())
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
    boolean refuse = plan.contains(Effect.Refuse.class);
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

  /** Stops the scheduler; pending delays are abandoned (their sessions are closing anyway). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
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
   * A connection was accepted: applies the faults of its first moments, before any byte goes out.
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
    for (Firing firing : plan.fire(Stage.TRANSPORT, connection.dice(), null, null)) {
      shapeTransport(connection, firing);
    }
    boolean garbage = false;
    for (Firing firing : plan.fire(Stage.BANNER, connection.dice(), null, null)) {
      Effect effect = firing.fault().effect();
      if (effect instanceof Effect.Delayed delayed) {
        Duration delay = delayed.delay().sample(firing.random());
        session.wire().delayFirstWrites(delay.toNanos());
        fired(connection, Stage.BANNER, firing, "delayed the banner by " + Durations.format(delay));
      } else if (!garbage && effect instanceof Effect.GarbageText text) {
        garbage = true;
        session.wire().sendThenDrop(text.text().getBytes(StandardCharsets.UTF_8));
        fired(connection, Stage.BANNER, firing, "sent garbage instead of the banner, then closed");
      } else if (!garbage && effect instanceof Effect.RandomGarbage random) {
        garbage = true;
        byte[] bytes = new byte[random.length()];
        firing.random().nextBytes(bytes);
        session.wire().sendThenDrop(bytes);
        fired(
            connection,
            Stage.BANNER,
            firing,
            "sent random bytes instead of the banner, then closed");
      }
    }
    if (garbage) {
      return;
    }
    for (Firing firing : plan.fire(Stage.CONNECT, connection.dice(), null, null)) {
      if (endConnection(connection, Stage.CONNECT, firing, "before the banner")) {
        return;
      }
    }
  }

  private void shapeTransport(Connection connection, Firing firing) {
    Fault fault = firing.fault();
    Effect effect = fault.effect();
    WireSession.Wire wire = connection.wire().wire();
    boolean toClient = fault.direction() == Direction.TO_CLIENT;
    String direction = toClient ? "to the client" : "from the client";
    if (effect instanceof Effect.Delayed delayed) {
      wire.delayEachWrite(delayed.delay(), firing.random());
      fired(connection, Stage.TRANSPORT, firing, "delays every write by " + delayed.delay());
    } else if (effect instanceof Effect.Throttle throttle) {
      if (toClient) {
        wire.throttleWrites(throttle.bytesPerSecond(), throttle.chunkSize());
      } else {
        wire.throttleReads(throttle.bytesPerSecond(), throttle.chunkSize());
      }
      fired(
          connection,
          Stage.TRANSPORT,
          firing,
          "throttles " + direction + " to " + throttle.bytesPerSecond() + " bytes/s");
    } else if (fault.afterBytes() == 0) {
      endConnection(connection, Stage.TRANSPORT, firing, "before any byte");
    } else {
      String what =
          (effect instanceof Effect.Reset ? "reset" : "dropped")
              + " the connection after "
              + fault.afterBytes()
              + " bytes "
              + direction;
      Runnable cut =
          () -> {
            fired(connection, Stage.TRANSPORT, firing, what);
            if (effect instanceof Effect.Drop) {
              wire.drop();
            } else {
              // Only a cut of what the client sends can reset (Fault checks it).
              wire.reset(connection.kexDone, false);
            }
          };
      if (toClient) {
        wire.cutWritesAfter(fault.afterBytes(), cut);
      } else {
        wire.cutReadsAfter(fault.afterBytes(), cut);
      }
    }
  }

  /**
   * Applies a fault that ends or stalls the connection (drop, reset, hang, disconnect), if {@code
   * firing} is one.
   *
   * @return whether it was one, so that later faults of the same occasion are skipped
   */
  boolean endConnection(Connection connection, Stage stage, Firing firing, String when) {
    Effect effect = firing.fault().effect();
    WireSession.Wire wire = connection.wire().wire();
    boolean beforeKex = stage == Stage.CONNECT || stage == Stage.TRANSPORT;
    if (effect instanceof Effect.Drop) {
      fired(connection, stage, firing, "dropped the connection (FIN) " + when);
      wire.drop();
    } else if (effect instanceof Effect.Reset) {
      fired(connection, stage, firing, "reset the connection (RST) " + when);
      wire.reset(connection.kexDone, beforeKex);
    } else if (effect instanceof Effect.Hang) {
      fired(connection, stage, firing, "hangs " + when);
      wire.hang();
    } else if (effect instanceof Effect.Disconnect disconnect) {
      fired(
          connection,
          stage,
          firing,
          "disconnected with reason " + disconnect.reasonCode() + " " + when);
      disconnect(connection, disconnect.reasonCode(), disconnect.message());
    } else {
      return false;
    }
    return true;
  }

  /**
   * Sends {@code SSH_MSG_DISCONNECT} with exactly this reason and message, then a FIN. Built here
   * because MINA SSHD's own {@code disconnect} replaces the message of reason 2.
   *
   * <p>The disconnect is never lost: the FIN is queued behind the packet (on the wire, and in
   * {@link org.apache.sshd.common.io.nio2.Nio2Session}'s write queue, which a shutdown waits for),
   * and what the client sends afterwards is read and ignored until it closes, so no unread byte
   * makes the kernel answer with an RST that would discard the packet at the client. Every client
   * library receives it ({@code DisconnectReasonArrivesTest}); what it then throws is its own
   * affair. sshj's {@code authPassword}, for one, tries its next method on the transport the
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
      Connection connection, SftpAction action, String path, String outcome, long bytes) {
    try {
      listener.sftpOperation(connection.index(), action, path, outcome, bytes);
    } catch (RuntimeException e) {
      LOG.warn("Fault listener failed on an SFTP operation of {}", connection, e);
    }
  }

  void forget(WireSession session) {
    live.remove(session);
  }

  void schedule(Runnable task, long delayNanos) {
    try {
      scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("Host closing; dropping a delayed fault task", e);
    }
  }

  void execute(Runnable task) {
    schedule(task, 0);
  }

  /**
   * A fault took effect: counted for the plan's description, logged, and told to the listener (the
   * journal). The one place every effect is reported, so the counts and the journal agree.
   */
  void fired(Connection connection, Stage stage, Firing firing, String description) {
    firing.applied();
    FaultEvent event =
        new FaultEvent(connection.index(), stage, firing.rule(), firing.fault(), description);
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
