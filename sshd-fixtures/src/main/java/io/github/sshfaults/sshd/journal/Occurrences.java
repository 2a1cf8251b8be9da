package io.github.sshfaults.sshd.journal;

import static io.github.sshfaults.internal.Preconditions.notNegative;

import java.util.List;

/**
 * The events that matched one {@link Verification} check, and the expectation about their number.
 * Nothing is checked until one of the methods below is called; each returns the matching events for
 * further assertions.
 *
 * <pre>{@code
 * CommandRun run = verify(host).ranCommand("deploy").once().get(0);
 * assertThat(run.exitCode()).hasValue(0);
 * }</pre>
 *
 * @param <E> the type of event counted
 */
public final class Occurrences<E extends JournalEvent> {

  private final String what;
  private final String journalName;
  private final List<E> matches;
  private final List<E> nearMisses;
  private final long dropped;
  private final int capacity;

  Occurrences(
      String what,
      String journalName,
      List<E> matches,
      List<E> nearMisses,
      long dropped,
      int capacity) {
    this.what = what;
    this.journalName = journalName;
    this.matches = matches;
    this.nearMisses = nearMisses;
    this.dropped = dropped;
    this.capacity = capacity;
  }

  /** Checks that exactly {@code n} events matched. */
  public List<E> times(int n) {
    notNegative(n, "expected number of events");
    return check(matches.size() == n, true, "exactly " + n + (n == 1 ? " time" : " times"));
  }

  /** Checks that exactly one event matched. */
  public List<E> once() {
    return times(1);
  }

  /** Checks that no event matched. */
  public void never() {
    times(0);
  }

  /** Checks that at least {@code n} events matched. */
  public List<E> atLeast(int n) {
    notNegative(n, "expected number of events");
    return check(matches.size() >= n, false, "at least " + n + (n == 1 ? " time" : " times"));
  }

  /** Checks that at least one event matched. */
  public List<E> atLeastOnce() {
    return atLeast(1);
  }

  /** Checks that at most {@code n} events matched. */
  public List<E> atMost(int n) {
    notNegative(n, "expected number of events");
    return check(matches.size() <= n, true, "at most " + n + (n == 1 ? " time" : " times"));
  }

  /**
   * @param holds whether the expectation holds on the events the journal kept
   * @param droppedCouldBreakIt whether events dropped beyond the journal's capacity could have
   *     broken it even though it holds on the kept ones (an upper bound can; a lower bound cannot)
   */
  private List<E> check(boolean holds, boolean droppedCouldBreakIt, String quantity) {
    boolean certain = dropped == 0 || (holds && !droppedCouldBreakIt);
    if (holds && certain) {
      return matches;
    }
    StringBuilder message =
        new StringBuilder("Expected ")
            .append(what)
            .append(' ')
            .append(quantity)
            .append(" in the ")
            .append(journalName)
            .append(", but found ")
            .append(matches.size());
    if (!certain || dropped > 0) {
      message
          .append(" among the events it kept; it dropped the ")
          .append(dropped)
          .append(" oldest events beyond its capacity of ")
          .append(capacity)
          .append(
              certain
                  ? ""
                  : ", so it cannot tell; raise FakeSshHost.builder().journalCapacity(...)");
    }
    message.append(matches.isEmpty() ? "." : ":");
    matches.forEach(event -> message.append("\n  ").append(event));
    message.append("\nNear misses, closest first:");
    if (nearMisses.isEmpty()) {
      message.append(" none (no other events of this kind)");
    }
    nearMisses.forEach(event -> message.append("\n  ").append(event));
    throw new AssertionError(message.toString());
  }
}
