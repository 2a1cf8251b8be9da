package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.internal.ConnectionDice;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.ServerSession;

/**
 * What the engine knows and has decided about one connection. Created when the connection is
 * accepted, before MINA SSHD builds its session, so that the index and the connection-level
 * decisions exist before the first byte goes out.
 */
public final class Connection {

  private final FaultEngine engine;
  private final int index;
  private ConnectionDice dice;
  private volatile WireSession wire;
  private volatile ServerSession session;

  volatile boolean swapHostKey;
  volatile AlgorithmKind noCommonAlgorithm;

  /**
   * The endings decided at KEX that wait until both sides have sent their proposals (a drop, a
   * disconnect), first first; null when none waits.
   */
  volatile List<Ending> endOfKex;

  volatile boolean kexDone;
  volatile boolean authenticated;
  final AtomicInteger authFailures = new AtomicInteger();

  Connection(FaultEngine engine, int index) {
    this.engine = engine;
    this.index = index;
  }

  /** The connection of a session accepted by a fake host, or null for any other session. */
  public static Connection of(Session session) {
    return session == null ? null : of(session.getIoSession());
  }

  /** The connection of an I/O session accepted by a fake host, or null for any other. */
  static Connection of(IoSession ioSession) {
    return ioSession instanceof WireSession wireSession ? wireSession.connection() : null;
  }

  /** The index in accept order: 1 for the first connection the host accepted. */
  public int index() {
    return index;
  }

  FaultEngine engine() {
    return engine;
  }

  synchronized ConnectionDice dice() {
    if (dice == null) {
      dice = engine.plan().dice(index);
    }
    return dice;
  }

  WireSession wire() {
    return wire;
  }

  void attach(WireSession wire) {
    this.wire = wire;
  }

  ServerSession session() {
    return session;
  }

  void attach(ServerSession session) {
    this.session = session;
  }

  /** The authenticated user, or the one authenticating, or null before authentication. */
  String user() {
    ServerSession s = session;
    return s == null ? null : s.getUsername();
  }

  @Override
  public String toString() {
    return "connection " + index;
  }
}
