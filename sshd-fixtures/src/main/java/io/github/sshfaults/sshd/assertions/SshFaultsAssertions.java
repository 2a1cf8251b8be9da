package io.github.sshfaults.sshd.assertions;

import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.assertions.SshAssertions;
import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.journal.Journal;

/**
 * The one entry point for a test's assertions with fake hosts: what a host saw ({@code verify}),
 * what it holds ({@code assertThat(host)}), how a run of the concurrent runner went ({@code
 * assertThat(report)}), and all of AssertJ's assertions, from one static import.
 *
 * <pre>{@code
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.*;
 *
 * assertThat(report).succeededOn(good).failedOn(locked, FailureKind.AUTH);
 * verify(good, times(1)).ranCommand("uptime");
 * verify(locked, never()).authenticated("deploy");
 * assertThat(good).hasFile("/upload/result.txt", "done");
 * assertThat(List.of(1, 2)).hasSize(2);                   // plain AssertJ, same import
 * }</pre>
 *
 * <p>It extends {@link SshAssertions} (the runner's assertions, for projects without fake hosts),
 * which extends AssertJ's {@link org.assertj.core.api.Assertions}, so {@code import static ...*}
 * and imports by name ({@code ...SshFaultsAssertions.assertThat}) both bring every overload. To
 * wait for what a host does in the background, a host's journal has its own waits ({@code
 * host.journal().awaitCommands(2)}), built on {@link io.github.sshfaults.assertions.SshAwait},
 * which waits for anything else.
 *
 * <p>{@code verify}, {@code times}, {@code never}, {@code atLeast} and {@code atMost} are also
 * Mockito's names: in a class that uses both, import one side's by name and qualify the other's
 * ({@code verify(host, SshFaultsAssertions.times(2))}).
 */
public class SshFaultsAssertions extends SshAssertions {

  private static final ExpectedCount AT_LEAST_ONCE = ExpectedCount.atLeast(1, "atLeast(1)");

  /** Not instantiated; protected only so that projects can extend the entry point in turn. */
  protected SshFaultsAssertions() {}

  /**
   * Assertions on what a fake host holds now: its files.
   *
   * <pre>{@code
   * assertThat(host).hasFile("/upload/result.txt", "done").doesNotHaveFile("/upload/.partial");
   * }</pre>
   */
  public static FakeSshHostAssert assertThat(FakeSshHost actual) {
    return new FakeSshHostAssert(actual);
  }

  /**
   * Starts verifying what {@code host} saw: the check that follows expects at least one matching
   * event.
   *
   * <pre>{@code
   * verify(host).ranCommand("uptime");
   * }</pre>
   */
  @CheckReturnValue
  public static Verification verify(FakeSshHost host) {
    return verify(host, AT_LEAST_ONCE);
  }

  /**
   * Starts verifying what {@code host} saw: the check that follows expects {@code count}.
   *
   * <pre>{@code
   * verify(host, times(2)).ranCommand("systemctl restart nginx");
   * }</pre>
   */
  @CheckReturnValue
  public static Verification verify(FakeSshHost host, ExpectedCount count) {
    return verify(notNull(host, "host").journal(), count);
  }

  /** Starts verifying the events in {@code journal}, expecting at least one matching event. */
  @CheckReturnValue
  public static Verification verify(Journal journal) {
    return verify(journal, AT_LEAST_ONCE);
  }

  /** Starts verifying the events in {@code journal}, expecting {@code count}. */
  @CheckReturnValue
  public static Verification verify(Journal journal, ExpectedCount count) {
    return new Verification(journal, count);
  }

  /**
   * Exactly {@code n} matching events.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  @CheckReturnValue
  public static ExpectedCount times(int n) {
    notNegative(n, "expected number of events");
    return ExpectedCount.exactly(n, "times(" + n + ")");
  }

  /** Exactly one matching event. */
  @CheckReturnValue
  public static ExpectedCount once() {
    return ExpectedCount.exactly(1, "once()");
  }

  /** No matching event. */
  @CheckReturnValue
  public static ExpectedCount never() {
    return ExpectedCount.exactly(0, "never()");
  }

  /**
   * At least {@code n} matching events.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  @CheckReturnValue
  public static ExpectedCount atLeast(int n) {
    notNegative(n, "expected number of events");
    return ExpectedCount.atLeast(n, "atLeast(" + n + ")");
  }

  /**
   * At most {@code n} matching events.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  @CheckReturnValue
  public static ExpectedCount atMost(int n) {
    notNegative(n, "expected number of events");
    return ExpectedCount.atMost(n, "atMost(" + n + ")");
  }
}
