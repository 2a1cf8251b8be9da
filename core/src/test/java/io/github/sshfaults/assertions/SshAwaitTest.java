package io.github.sshfaults.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** Bounded, described waits. */
class SshAwaitTest {

  private final SshAwait shortly =
      SshAwait.atMost(Duration.ofMillis(200)).withPollInterval(Duration.ofMillis(5));

  @Test
  void returnsAsSoonAsTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();

    SshAwait.await().until("the third poll", () -> polls.incrementAndGet() >= 3);

    assertThat(polls).hasValue(3);
  }

  @Test
  void returnsTheAcceptedValue() {
    AtomicInteger counter = new AtomicInteger();

    int value = SshAwait.await().until("a value above 2", counter::incrementAndGet, v -> v > 2);

    assertThat(value).isEqualTo(3);
  }

  @Test
  void namesTheConditionAndTheLastValueOnTimeout() {
    assertThatThrownBy(() -> shortly.untilAtLeast("connections seen by web-1", () -> 2, 3))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessage("Waited 200 ms for at least 3 connections seen by web-1; last value: 2");
    assertThatThrownBy(() -> shortly.until("the job finished", () -> false))
        .hasMessage("Waited 200 ms for the job finished; last value: false");
  }

  @Test
  void returnsTheValueOfADoneFuture() {
    CompletableFuture<String> job = CompletableFuture.supplyAsync(() -> "done");

    assertThat(SshAwait.await().untilDone("the job", job)).isEqualTo("done");
  }

  @Test
  void failsWithTheCauseOfAFailedFuture() {
    IOException cause = new IOException("disk full");

    assertThatThrownBy(() -> shortly.untilDone("the backup", CompletableFuture.failedFuture(cause)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the backup failed: java.io.IOException: disk full")
        .hasCause(cause);
  }

  @Test
  void failsOnAFutureThatIsNeverDone() {
    assertThatThrownBy(() -> shortly.untilDone("the backup", new CompletableFuture<>()))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessageContaining("the backup to be done");
  }

  @Test
  void rejectsUnboundedOrUndescribedWaits() {
    assertThatThrownBy(() -> SshAwait.atMost(Duration.ZERO))
        .hasMessage("await timeout must be longer than zero, but was PT0S");
    assertThatThrownBy(() -> SshAwait.await().until(" ", () -> true))
        .hasMessage("description must not be blank, but was \" \"");
  }
}
