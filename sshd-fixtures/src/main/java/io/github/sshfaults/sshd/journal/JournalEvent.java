package io.github.sshfaults.sshd.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a fake host saw or did, as its {@link Journal} records it. Immutable.
 *
 * <p>Every event has a {@link #sequence()} number (its position in the host's journal, 1-based,
 * gapless), a {@link #time()}, and the {@link #connection()} it belongs to: connections are
 * numbered per host in the order the host accepted them, starting at 1, so "connection 3" means the
 * third TCP connection the host accepted. {@link #details()} holds the event's own attributes, in
 * the order and under the names that {@link Journal#toJsonLines()} exports them.
 */
public sealed interface JournalEvent
    permits ConnectionAccepted,
        ClientIdentified,
        AlgorithmsNegotiated,
        AuthAttempt,
        ChannelOpened,
        ChannelRequest,
        CommandRun,
        ShellLine,
        ShellEnded,
        Forwarding,
        ForwardingEnded,
        RemoteForwarding,
        ForwardedConnectionEnded,
        SftpOperation,
        FaultFired,
        Disconnect,
        ConnectionClosed {

  /** Position in the host's journal: 1 for the first event, then one more for each event. */
  long sequence();

  /** When the host recorded the event. */
  Instant time();

  /** The 1-based accept-order index of the connection the event belongs to. */
  int connection();

  /** The event's type in JSON exports: {@code "connection-accepted"}, {@code "command"}, ... */
  String type();

  /**
   * The event's own attributes (everything but sequence, time and connection), in a fixed order.
   * Values are strings, numbers, booleans, or null for "absent". Unmodifiable.
   */
  Map<String, Object> details();
}
