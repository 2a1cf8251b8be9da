package io.github.sshfaults.sshd.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;

/**
 * Numbers the connections of one fake host in accept order, 1-based, and remembers each session's
 * number. Whoever sees a session first (the journal, the fault engine) assigns it; everyone else
 * reads the same number, so the journal and fault decisions always agree on "connection 3".
 */
public final class ConnectionIndex {

  private static final AttributeKey<AtomicInteger> COUNTER = new AttributeKey<>();
  private static final AttributeKey<Integer> INDEX = new AttributeKey<>();

  private ConnectionIndex() {}

  /**
   * The 1-based accept-order index of {@code session} on its host, assigned on first call. Call it
   * first from {@code SessionListener.sessionCreated}, which MINA fires in accept order.
   */
  public static int of(Session session) {
    return session.computeAttributeIfAbsent(
        INDEX,
        key ->
            session
                .getFactoryManager()
                .computeAttributeIfAbsent(COUNTER, counter -> new AtomicInteger())
                .incrementAndGet());
  }
}
