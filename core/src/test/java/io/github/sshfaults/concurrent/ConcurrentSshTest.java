package io.github.sshfaults.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.sshfaults.assertions.SshAssertions;
import io.github.sshfaults.clients.ClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a run of {@link ConcurrentSsh} guarantees, without any SSH: tasks are plain code here. */
class ConcurrentSshTest {

  /** Bounds every wait in these tests; far above what they need, so only a real hang trips it. */
  private static final long BOUND_SECONDS = 30;

  private final ConcurrentSsh runner = ConcurrentSsh.create().withThreads(4);

  @Test
  void keepsOneOutcomePerTargetInTargetOrder() {
    List<String> targets = List.of("a", "b", "c", "d", "e");

    RunReport<String, String> report =
        runner.run(
            targets,
            target -> {
              if (target.equals("b") || target.equals("d")) {
                throw new ConnectException("Connection refused");
              }
              return target.toUpperCase();
            });

    assertThat(report.outcomes()).extracting(Outcome::target).containsExactlyElementsOf(targets);
    assertThat(report.outcomes()).extracting(Outcome::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(report.values()).containsExactly("A", "C", "E");
    assertThat(report.failures(FailureKind.CONNECT_REFUSED))
        .extracting(Outcome::target)
        .containsExactly("b", "d");
    assertThat(report.attempts()).hasSize(5).allMatch(o -> o.attempt() == 1);
  }

  @Test
  void keeps200OutcomesOfMixedKindsAndLeavesNoThreadAlive() {
    List<Integer> indices = IntStream.range(0, 200).boxed().toList();

    RunReport<Integer, Integer> report =
        ConcurrentSsh.create()
            .withThreads(16)
            .run(
                indices,
                i -> {
                  switch (i % 4) {
                    case 0 -> {
                      return i;
                    }
                    case 1 -> throw new ConnectException("Connection refused");
                    case 2 ->
                        throw new UncheckedIOException(
                            new SocketTimeoutException("Read timed out"));
                    default -> throw new UnknownHostException("web-" + i + ".invalid");
                  }
                });

    assertThat(report.outcomes()).hasSize(200);
    for (Outcome<Integer, Integer> outcome : report.outcomes()) {
      FailureKind expected =
          switch (outcome.target() % 4) {
            case 0 -> null;
            case 1 -> FailureKind.CONNECT_REFUSED;
            case 2 -> FailureKind.TIMEOUT;
            default -> FailureKind.UNKNOWN_HOST;
          };
      assertThat(outcome.kind().orElse(null)).as("kind of %s", outcome).isEqualTo(expected);
    }
    assertThat(report.failuresByKind())
        .containsOnlyKeys(
            FailureKind.CONNECT_REFUSED, FailureKind.TIMEOUT, FailureKind.UNKNOWN_HOST)
        .allSatisfy((kind, outcomes) -> assertThat(outcomes).hasSize(50));
    assertThat(liveWorkersOf(report)).isEmpty();
    assertThat(report.leakedThreads()).isEmpty();
  }

  @Test
  void namesWorkerThreadsAfterTheRunAndTheirIndex() {
    Set<String> names = ConcurrentHashMap.newKeySet();

    RunReport<Integer, String> report =
        runner
            .withName("fleet")
            .run(
                List.of(1, 2, 3),
                i -> {
                  names.add(Thread.currentThread().getName());
                  return "ok";
                });

    assertThat(report.runName()).matches("fleet-\\d+");
    assertThat(names)
        .allMatch(name -> name.matches("sshfaults-" + report.runName() + "-worker-[1-3]"));
    assertThat(report.outcomes()).allMatch(o -> names.contains(o.threadName()));
  }

  @Test
  void runsTasksConcurrentlyOnAsManyThreadsAsConfigured() {
    CyclicBarrier allFourAtOnce = new CyclicBarrier(4);

    RunReport<Integer, Integer> report =
        runner.run(List.of(1, 2, 3, 4), i -> allFourAtOnce.await(BOUND_SECONDS, TimeUnit.SECONDS));

    SshAssertions.assertThat(report).allSucceeded();
    assertThat(report.outcomes()).extracting(Outcome::threadName).doesNotHaveDuplicates();
  }

  @Test
  void neverUsesMoreThreadsThanConfigured() {
    Set<String> names = ConcurrentHashMap.newKeySet();

    runner
        .withThreads(3)
        .run(
            IntStream.range(0, 30).boxed().toList(),
            i -> names.add(Thread.currentThread().getName()));

    assertThat(names).hasSizeBetween(1, 3);
  }

  @Test
  void keepsErrorsAndCheckedExceptionsAsUnexpectedWithTheirCauseChain() {
    AssertionError error = new AssertionError("a bug in the task");
    StackOverflowError overflow = new StackOverflowError();
    IllegalArgumentException root = new IllegalArgumentException("root cause");
    Exception checked = new Exception("checked", root);
    List<Throwable> thrown = List.of(error, overflow, checked);

    RunReport<Throwable, Object> report =
        runner.run(
            thrown,
            failure -> {
              if (failure instanceof Exception exception) {
                throw exception;
              }
              throw (Error) failure;
            });

    assertThat(report.outcomes())
        .allSatisfy(
            outcome -> {
              assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
              assertThat(outcome.kind()).contains(FailureKind.UNEXPECTED);
              assertThat(outcome.failure()).containsSame(outcome.target());
            });
    assertThat(report.outcomes().get(2).failure().orElseThrow().getCause()).isSameAs(root);
  }

  @Test
  void classifiesWrappedLibraryExceptionsByTheirCause() {
    RunReport<String, Object> report =
        runner.run(
            List.of("wrapped"),
            target -> {
              throw new IllegalStateException(
                  "my fleet code failed",
                  new IOException("io", new ConnectException("Connection refused")));
            });

    assertThat(report.outcomes().get(0).kind()).contains(FailureKind.CONNECT_REFUSED);
  }

  @Test
  void reportsATaskPastItsDeadlineAsHungWithItsThreadsStackTraceAndGoesOn() {
    CountDownLatch never = new CountDownLatch(1);

    RunReport<String, String> report =
        runner
            .withTaskDeadline(Duration.ofSeconds(1))
            .run(
                List.of("stuck", "fine"),
                target -> {
                  if (target.equals("stuck")) {
                    never.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  }
                  return target;
                });

    Outcome<String, String> stuck = report.outcomes().get(0);
    assertThat(stuck.status()).isEqualTo(Outcome.Status.HUNG);
    assertThat(stuck.kind()).contains(FailureKind.TIMEOUT);
    assertThat(stuck.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    Throwable hung = stuck.failure().orElseThrow();
    assertThat(hung)
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessageContaining("task deadline of PT1S")
        .hasMessageContaining(stuck.threadName());
    assertThat(Arrays.stream(hung.getStackTrace()).map(StackTraceElement::toString))
        .anyMatch(frame -> frame.contains("CountDownLatch.await"))
        .anyMatch(frame -> frame.contains(ConcurrentSshTest.class.getName()));
    assertThat(report.outcomes().get(1).value()).isEqualTo("fine");
    assertThat(report.deadlineReached()).isFalse();
    assertThat(liveWorkersOf(report)).isEmpty();
  }

  @Test
  void returnsAtTheRunDeadlineWithHungAndUnstartedTasks() {
    CountDownLatch never = new CountDownLatch(1);

    RunReport<Integer, Object> report =
        runner
            .withThreads(1)
            .withRunDeadline(Duration.ofSeconds(1))
            .run(List.of(1, 2, 3), i -> never.await(BOUND_SECONDS, TimeUnit.SECONDS));

    assertThat(report.deadlineReached()).isTrue();
    assertThat(report.outcomes())
        .extracting(Outcome::status)
        .containsExactly(
            Outcome.Status.HUNG, Outcome.Status.NOT_STARTED, Outcome.Status.NOT_STARTED);
    assertThat(report.outcomes()).allMatch(o -> o.kind().orElseThrow() == FailureKind.TIMEOUT);
    assertThat(report.outcomes().get(1).threadName()).isEmpty();
    assertThat(report.outcomes().get(1).failure().orElseThrow())
        .hasMessageContaining("not started")
        .hasMessageContaining("PT1S");
    assertThat(liveWorkersOf(report)).isEmpty();
  }

  @Test
  void namesAThreadThatIgnoresInterruptionAsLeakedInsteadOfWaitingForIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try {
      RunReport<Integer, Object> report =
          runner
              .withRunDeadline(Duration.ofSeconds(1))
              .withCleanupTimeout(Duration.ofMillis(200))
              .run(List.of(1), i -> awaitIgnoringInterrupts(release));

      assertThat(report.outcomes().get(0).isHung()).isTrue();
      assertThat(report.leakedThreads()).containsExactly(report.outcomes().get(0).threadName());
    } finally {
      release.countDown();
    }
  }

  @Test
  void givesEachWorkerThreadItsOwnClientAndClosesEveryOne() {
    CountingFactory factory = new CountingFactory();
    Map<FakeClient, Set<String>> threadsByClient = new ConcurrentHashMap<>();

    RunReport<Integer, Integer> report =
        runner.run(
            IntStream.range(0, 40).boxed().toList(),
            factory,
            (client, i) -> {
              threadsByClient
                  .computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet())
                  .add(Thread.currentThread().getName());
              if (i % 3 == 0) {
                throw new ConnectException("Connection refused");
              }
              return i;
            });

    assertThat(report.outcomes()).hasSize(40);
    assertThat(threadsByClient.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
    assertThat(factory.created).hasSizeBetween(1, 4);
    assertThat(factory.created).allMatch(FakeClient::isClosed);
  }

  @Test
  void closesTheClientOfAHungTaskAtItsDeadlineSoThatTheTaskEnds() {
    CountingFactory factory = new CountingFactory();
    List<Integer> endedAfterClose = new CopyOnWriteArrayList<>();

    RunReport<Integer, Object> report =
        runner
            .withThreads(1)
            .withTaskDeadline(Duration.ofSeconds(1))
            .run(
                List.of(1, 2),
                factory,
                (client, i) -> {
                  if (i == 1) {
                    client.blockUntilClosedIgnoringInterrupts();
                    endedAfterClose.add(i);
                  }
                  return i;
                });

    assertThat(report.outcomes().get(0).isHung()).isTrue();
    assertThat(report.outcomes().get(0).failure().orElseThrow())
        .hasMessageContaining("its client closed");
    assertThat(endedAfterClose).containsExactly(1);
    // The thread recovered and took a fresh client for its next task.
    assertThat(report.outcomes().get(1).value()).isEqualTo(2);
    assertThat(factory.created).hasSize(2).allMatch(FakeClient::isClosed);
    assertThat(report.leakedThreads()).isEmpty();
  }

  @Test
  void failsOnlyTheTaskWhoseClientCouldNotBeMadeAndTriesAgainForTheNext() {
    AtomicInteger calls = new AtomicInteger();
    ClientFactory<FakeClient> flaky =
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new ConnectException("Connection refused");
          }
          return new FakeClient();
        };

    RunReport<Integer, Integer> report =
        runner.withThreads(1).run(List.of(1, 2), flaky, (client, i) -> i);

    assertThat(report.outcomes().get(0).kind()).contains(FailureKind.CONNECT_REFUSED);
    assertThat(report.outcomes().get(1).value()).isEqualTo(2);
  }

  @Test
  void failsATaskWhoseFactoryReturnedNullWithAClearMessage() {
    RunReport<Integer, Object> report = runner.run(List.of(1), () -> null, (client, i) -> client);

    assertThat(report.outcomes().get(0).failure().orElseThrow())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("The client factory returned null");
  }

  @Test
  void retriesChosenKindsUntilTheTaskSucceedsAndRecordsEveryAttempt() {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    RunReport<String, String> report =
        runner
            .withRetry(
                RetryPolicy.on(FailureKind.DISCONNECTED)
                    .withMaxAttempts(3)
                    .withBackoff(Duration.ZERO))
            .run(
                List.of("flaky", "steady"),
                target -> {
                  int attempt =
                      attempts.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
                  if (target.equals("flaky") && attempt <= 2) {
                    throw new IOException("Broken pipe");
                  }
                  return target + " on attempt " + attempt;
                });

    assertThat(report.outcomes())
        .extracting(Outcome::value)
        .containsExactly("flaky on attempt 3", "steady on attempt 1");
    assertThat(report.attempts())
        .extracting(Outcome::targetName, Outcome::attempt, o -> o.kind().orElse(null))
        .containsExactly(
            tuple("flaky", 1, FailureKind.DISCONNECTED),
            tuple("flaky", 2, FailureKind.DISCONNECTED),
            tuple("flaky", 3, null),
            tuple("steady", 1, null));
  }

  @Test
  void stopsRetryingAtMaxAttemptsAndNeverRetriesOtherKinds() {
    RunReport<String, Object> report =
        runner
            .withRetry(
                RetryPolicy.on(FailureKind.TIMEOUT).withMaxAttempts(2).withBackoff(Duration.ZERO))
            .run(
                List.of("slow", "locked"),
                target -> {
                  throw target.equals("slow")
                      ? new SocketTimeoutException("Read timed out")
                      : new IOException("Auth fail for methods 'password'");
                });

    assertThat(report.attempts())
        .extracting(Outcome::targetName, Outcome::attempt)
        .containsExactly(tuple("slow", 1), tuple("slow", 2), tuple("locked", 1));
    assertThat(report.outcomes())
        .extracting(o -> o.kind().orElseThrow())
        .containsExactly(FailureKind.TIMEOUT, FailureKind.AUTH);
  }

  @Test
  void waitsTheBackoffBeforeEachRetry() {
    RunReport<String, Object> report =
        runner
            .withRetry(
                RetryPolicy.on(FailureKind.CONNECT_REFUSED)
                    .withMaxAttempts(3)
                    .withBackoff(Duration.ofMillis(50))
                    .withBackoffMultiplier(2))
            .run(
                List.of("down"),
                target -> {
                  throw new ConnectException("Connection refused");
                });

    List<Outcome<String, Object>> attempts = report.attempts();
    assertThat(attempts).hasSize(3);
    assertThat(gapBetween(attempts.get(0), attempts.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(gapBetween(attempts.get(1), attempts.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void retriesAHungTaskWhenTimeoutsAreRetried() {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();

    RunReport<String, Integer> report =
        runner
            .withTaskDeadline(Duration.ofSeconds(1))
            .withRetry(
                RetryPolicy.on(FailureKind.TIMEOUT).withMaxAttempts(2).withBackoff(Duration.ZERO))
            .run(
                List.of("hangs once"),
                target -> {
                  int attempt = attempts.incrementAndGet();
                  if (attempt == 1) {
                    never.await(BOUND_SECONDS, TimeUnit.SECONDS);
                  }
                  return attempt;
                });

    assertThat(report.attempts())
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.HUNG, Outcome.Status.SUCCEEDED);
    assertThat(report.hung()).hasSize(1);
    assertThat(report.outcomes().get(0).value()).isEqualTo(2);
  }

  @Test
  void returnsAnEmptyReportForNoTargets() {
    RunReport<String, String> report = runner.run(List.of(), target -> target);

    assertThat(report.outcomes()).isEmpty();
    assertThat(report.summary()).contains("0 tasks");
  }

  @Test
  void endsTheRunWhenTheCallerIsInterruptedAndKeepsTheInterrupt() {
    CountDownLatch never = new CountDownLatch(1);
    Thread caller = Thread.currentThread();

    RunReport<Integer, Object> report;
    try {
      report =
          runner.run(
              List.of(1, 2),
              i -> {
                if (i == 1) {
                  caller.interrupt();
                }
                return never.await(BOUND_SECONDS, TimeUnit.SECONDS);
              });
    } finally {
      assertThat(Thread.interrupted()).as("caller still interrupted").isTrue();
    }

    assertThat(report.deadlineReached()).isTrue();
    assertThat(report.outcomes())
        .hasSize(2)
        .allMatch(o -> o.kind().orElseThrow() == FailureKind.TIMEOUT);
    assertThat(report.leakedThreads()).isEmpty();
    assertThat(liveWorkersOf(report)).isEmpty();
  }

  @Test
  void staysUnchangedWhenDerivingAConfiguration() {
    ConcurrentSsh base = ConcurrentSsh.create();

    ConcurrentSsh derived = base.withThreads(2).withName("other");

    assertThat(base).isNotSameAs(derived);
    assertThat(base.toString()).contains("run,", "8 threads");
    assertThat(derived.toString()).contains("other,", "2 threads");
  }

  @Test
  void eachCopyChangesItsOwnSettingAndKeepsEveryOther() throws Exception {
    ConcurrentSsh base = ConcurrentSsh.create();
    Map<String, ConcurrentSsh> copies =
        Map.of(
            "name", base.withName("nightly"),
            "threads", base.withThreads(3),
            "runDeadline", base.withRunDeadline(Duration.ofSeconds(10)),
            "taskDeadline", base.withTaskDeadline(Duration.ofSeconds(2)),
            "cleanupTimeout", base.withCleanupTimeout(Duration.ofSeconds(1)),
            "retryPolicy", base.withRetry(RetryPolicy.on(FailureKind.TIMEOUT)),
            "classifier",
            base.withClassifier(FailureClassifier.byMessage("vault", FailureKind.AUTH)),
            "reportListener", base.withReportListener(report -> {}));

    RecordComponent[] settings = RunSettings.class.getRecordComponents();
    assertThat(copies.keySet())
        .as("a with... method for every setting")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(settings).map(RecordComponent::getName).toList());
    for (Map.Entry<String, ConcurrentSsh> copy : copies.entrySet()) {
      for (RecordComponent setting : settings) {
        Object before = setting.getAccessor().invoke(base.settings());
        Object after = setting.getAccessor().invoke(copy.getValue().settings());
        if (setting.getName().equals(copy.getKey())) {
          assertThat(after).as(copy.getKey() + " of its own copy").isNotEqualTo(before);
        } else {
          assertThat(after).as(setting.getName() + " of the " + copy.getKey() + " copy")
              .isEqualTo(before);
        }
      }
    }
    assertThat(base.settings()).isEqualTo(RunSettings.DEFAULTS);
  }

  @Test
  void asksClassifiersInTheOrderGivenBeforeTheBuiltInRules() {
    RunReport<String, Object> report =
        runner
            .withClassifier(FailureClassifier.byMessage("vault", FailureKind.AUTH))
            .withClassifier(FailureClassifier.byMessage("token", FailureKind.HOST_KEY))
            .withClassifier(FailureClassifier.byType(ConnectException.class, FailureKind.PROTOCOL))
            .run(
                List.of("both", "token", "refused"),
                target -> {
                  throw switch (target) {
                    case "both" -> new IOException("vault token expired");
                    case "token" -> new IOException("token expired");
                    default -> new ConnectException("Connection refused");
                  };
                });

    assertThat(report.outcomes())
        .extracting(Outcome::target, outcome -> outcome.kind().orElseThrow())
        .containsExactly(
            tuple("both", FailureKind.AUTH),
            tuple("token", FailureKind.HOST_KEY),
            tuple("refused", FailureKind.PROTOCOL));   // built in: CONNECT_REFUSED
  }

  @Test
  void handsEveryReportToEachListenerInTheOrderGiven() {
    List<String> heard = new CopyOnWriteArrayList<>();
    ConcurrentSsh listened =
        runner
            .withReportListener(report -> heard.add("first " + report.runName()))
            .withReportListener(report -> heard.add("second " + report.runName()));

    RunReport<Integer, Integer> one = listened.run(List.of(1), n -> n);
    RunReport<Integer, Integer> two = listened.run(List.of(2), n -> n);

    assertThat(heard)
        .containsExactly(
            "first " + one.runName(),
            "second " + one.runName(),
            "first " + two.runName(),
            "second " + two.runName());
  }

  @Test
  void rejectsBadConfigurationNamingTheValue() {
    ConcurrentSsh base = ConcurrentSsh.create();
    assertThatThrownBy(() -> base.withThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be between 1 and 1024, but was 0");
    assertThatThrownBy(() -> base.withRunDeadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run deadline must be longer than zero, but was PT-1S");
    assertThatThrownBy(() -> base.withTaskDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task deadline must be longer than zero, but was PT0S");
    assertThatThrownBy(() -> base.withTaskDeadline(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task deadline must be at most PT24H, but was PT48H");
    assertThatThrownBy(() -> base.withRunDeadline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run deadline must not be null");
    assertThatThrownBy(() -> base.withName("my run"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run name must have no white space, but was \"my run\"");
    assertThatThrownBy(() -> base.run(List.of(1), null, (c, t) -> t))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("client factory must not be null");
    assertThatThrownBy(() -> base.run(List.of(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task must not be null");
    assertThatThrownBy(() -> base.run(Arrays.asList("a", null), t -> t))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("targets[1] must not be null");
    assertThatThrownBy(() -> base.withRetry(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("retry policy must not be null");
  }

  private static Duration gapBetween(Outcome<?, ?> earlier, Outcome<?, ?> later) {
    return Duration.between(earlier.start().plus(earlier.duration()), later.start());
  }

  /** Worker threads of the run that are alive now: there must be none once run() returned. */
  static List<String> liveWorkersOf(RunReport<?, ?> report) {
    String prefix = "sshfaults-" + report.runName() + "-worker-";
    List<String> alive = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix) && thread.isAlive()) {
        alive.add(thread.getName());
      }
    }
    return alive;
  }

  private static Object awaitIgnoringInterrupts(CountDownLatch release) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    while (release.getCount() > 0 && System.nanoTime() < until) {
      try {
        release.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException ignored) {
        // On purpose: this task ignores interruption.
      }
    }
    return null;
  }

  /** A client whose close() releases whoever blocks on it, and says whether it was closed. */
  static final class FakeClient implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void close() {
      closed.countDown();
    }

    boolean isClosed() {
      return closed.getCount() == 0;
    }

    void blockUntilClosedIgnoringInterrupts() {
      awaitIgnoringInterrupts(closed);
    }
  }

  /** Makes {@link FakeClient}s and keeps them all. */
  static final class CountingFactory implements ClientFactory<FakeClient> {
    final List<FakeClient> created = new CopyOnWriteArrayList<>();

    @Override
    public FakeClient create() {
      FakeClient client = new FakeClient();
      created.add(client);
      return client;
    }
  }
}
