package io.github.sshfaults.clients.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The connections a client adapter has open, so that closing the adapter from any thread closes
 * them all, including one a blocked task is using. Thread-safe.
 *
 * @param <S> the library's connection type
 */
public final class OpenConnections<S> {

  private final Set<S> open = ConcurrentHashMap.newKeySet();
  private final Consumer<S> closer;
  private final String owner;
  private volatile boolean closed;

  /**
   * @param owner names the adapter in messages
   * @param closer closes one connection; must not throw
   */
  public OpenConnections(String owner, Consumer<S> closer) {
    this.owner = owner;
    this.closer = closer;
  }

  /**
   * Fails fast when the adapter is closed.
   *
   * @throws IllegalStateException naming the adapter
   */
  public void checkOpen() {
    if (closed) {
      throw new IllegalStateException(owner + " is closed");
    }
  }

  /**
   * Tracks {@code connection}; closes it at once if the adapter was closed meanwhile.
   *
   * @throws IllegalStateException when the adapter is closed
   */
  public S add(S connection) {
    open.add(connection);
    if (closed) {
      release(connection);
      checkOpen();
    }
    return connection;
  }

  /** Closes {@code connection} and stops tracking it. */
  public void release(S connection) {
    if (open.remove(connection)) {
      closer.accept(connection);
    }
  }

  /** Closes every tracked connection; later {@link #add} calls fail. */
  public void closeAll() {
    closed = true;
    for (S connection : open) {
      release(connection);
    }
  }

  /** Whether {@link #closeAll()} was called. */
  public boolean isClosed() {
    return closed;
  }
}
