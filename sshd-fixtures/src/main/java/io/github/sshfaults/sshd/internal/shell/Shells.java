package io.github.sshfaults.sshd.internal.shell;

import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The shells of one fake host, for every user or for one. The shell given last that applies to a
 * user wins, as the stub added last does. Thread-safe.
 */
public final class Shells {

  /**
   * One shell given to the host.
   *
   * @param user the user it is for; null for every user
   * @param script what it plays
   */
  public record Entry(String user, ShellScript script) {}

  private final Deque<Entry> newestFirst = new ConcurrentLinkedDeque<>();

  /** Gives {@code script} to {@code user}, or to every user when null, before the others. */
  public void add(String user, ShellScript script) {
    newestFirst.addFirst(new Entry(user, script));
  }

  /** The shell of {@code user}: the newest given to that user or to every user. */
  public Optional<ShellScript> find(String user) {
    for (Entry entry : newestFirst) {
      if (entry.user() == null || entry.user().equals(user)) {
        return Optional.of(entry.script());
      }
    }
    return Optional.empty();
  }

  /** The shells now, newest first, to return to with {@link #restore(List)}. */
  public List<Entry> snapshot() {
    return List.copyOf(newestFirst);
  }

  /** Replaces every shell by those of {@code snapshot}. */
  public void restore(List<Entry> snapshot) {
    newestFirst.clear();
    newestFirst.addAll(snapshot);
  }
}
