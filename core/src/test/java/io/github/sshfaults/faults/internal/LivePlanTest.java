package io.github.sshfaults.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LivePlanTest {

  private final AtomicInteger changes = new AtomicInteger();
  private final LivePlan plan = new LivePlan(42, changes::incrementAndGet);

  /**
   * An injector that writes down what the effects told it, and applies all of it (or only the first
   * thing, like an engine where those things exclude each other).
   */
  private static class Recorder
      implements ConnectEffect.Injector,
          AuthEffect.Injector,
          ExecEffect.Injector,
          OutputEffect.Injector,
          SftpEffect.Injector {

    final List<String> told = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    private final AuthMethod method;
    private final boolean onlyTheFirst;

    Recorder() {
      this(AuthMethod.PASSWORD, false);
    }

    Recorder(AuthMethod method, boolean onlyTheFirst) {
      this.method = method;
      this.onlyTheFirst = onlyTheFirst;
    }

    private void told(String what, Firing firing) {
      told.add(what + " " + firing.rule());
      if ((!onlyTheFirst || applied.isEmpty()) && firing.takeEffect()) {
        applied.add(what + " " + firing.rule());
      }
    }

    @Override
    public void drop(Firing firing) {
      told("drop", firing);
    }

    @Override
    public void reset(Firing firing) {
      told("reset", firing);
    }

    @Override
    public void hang(Firing firing) {
      told("hang", firing);
    }

    @Override
    public void disconnect(int reasonCode, String message, Firing firing) {
      told("disconnect", firing);
    }

    @Override
    public AuthMethod method() {
      return method;
    }

    @Override
    public void reject(Firing firing) {
      told("reject", firing);
    }

    @Override
    public void delayAnswer(Delay delay, Firing firing) {
      told("delay", firing);
    }

    @Override
    public void delayFailure(Delay delay, Firing firing) {
      told("delay failure", firing);
    }

    @Override
    public void disconnectAtFailure(int maxTries, Firing firing) {
      told("limit", firing);
    }

    @Override
    public void exitWith(int exitCode, String stderr, Firing firing) {
      told("exit " + exitCode, firing);
    }

    @Override
    public void delayOutput(Delay delay, Firing firing) {
      told("delay", firing);
    }

    @Override
    public void throttle(long bytesPerSecond, int chunkSize, Firing firing) {
      told("throttle", firing);
    }

    @Override
    public void answerWith(SftpStatus status, String message, Firing firing) {
      told("status " + status.name(), firing);
    }
  }

  private List<String> connect(int index) {
    Recorder recorder = new Recorder();
    plan.dispatch(OccasionKind.CONNECT, plan.dice(index), Occasion.none(), recorder);
    return recorder.applied;
  }

  private boolean connects(int index) {
    return !connect(index).isEmpty();
  }

  private List<Integer> firingConnections(int connections) {
    return IntStream.rangeClosed(1, connections).filter(this::connects).boxed().toList();
  }

  private List<String> authenticate(ConnectionDice connection, String user, AuthMethod method) {
    Recorder recorder = new Recorder(method, false);
    plan.dispatch(OccasionKind.AUTH, connection, Occasion.of(user, null), recorder);
    return recorder.applied;
  }

  @Test
  void firesNothingWithoutFaults() {
    assertThat(plan.isEmpty()).isTrue();
    assertThat(firingConnections(5)).isEmpty();
  }

  @Test
  void firesOnTheChosenConnectionOnly() {
    plan.add(Fault.resetConnection().onConnection(3));

    assertThat(firingConnections(6)).containsExactly(3);
  }

  @Test
  void firesOnTheFirstAttemptsThenNever() {
    plan.add(Fault.resetConnection().firstAttempts(2));

    assertThat(firingConnections(6)).containsExactly(1, 2);
  }

  @Test
  void firesOnEveryNthAttempt() {
    plan.add(Fault.resetConnection().everyNth(3));

    assertThat(firingConnections(10)).containsExactly(3, 6, 9);
  }

  @Test
  void stopsFiringAtTheLimit() {
    plan.add(Fault.resetConnection().everyNth(2).atMost(2));

    assertThat(firingConnections(10)).containsExactly(2, 4);
  }

  @Test
  void tellsEachEffectWhatTheInjectorShouldDoNewestFirst() {
    plan.add(Fault.dropConnection(), Fault.hang(), Fault.resetConnection());

    assertThat(connect(1)).containsExactly("reset 3", "hang 2", "drop 1");
  }

  @Test
  void tellsTheBaseAfterTheFaultsAddedWithNegativePositions() {
    LivePlan based =
        new LivePlan(
            42,
            () -> {},
            FaultPlan.of(
                Fault.delay(Duration.ofMillis(200)).at(Stage.AUTH),
                Fault.delayAuthFailures(Duration.ofSeconds(2), AuthMethod.PASSWORD)));
    based.add(Fault.rejectAuth());
    Recorder recorder = new Recorder();

    based.dispatch(OccasionKind.AUTH, based.dice(1), Occasion.of("bob", null), recorder);

    assertThat(recorder.told).containsExactly("reject 1", "delay failure -2", "delay -1");
  }

  @Test
  void keepsTheBaseOutOfThePlanAndItsDescriptionAndThroughAClear() {
    LivePlan based =
        new LivePlan(7, () -> {}, FaultPlan.of(Fault.delay(Duration.ofMillis(30))));

    assertThat(based.isEmpty()).isFalse();
    assertThat(based.plan()).isEqualTo(FaultPlan.empty());
    assertThat(based.describe()).isEqualTo("seed 7, no faults");
    based.add(Fault.hang()).clear();
    assertThat(based.has(OccasionKind.BANNER)).isTrue();
  }

  @Test
  void drawsTheSameBaseDelaysFromTheSameSeed() {
    FaultPlan base = FaultPlan.of(Fault.delay(Delay.uniform(Duration.ZERO, Duration.ofHours(1))));
    LivePlan one = new LivePlan(11, () -> {}, base);
    LivePlan other = new LivePlan(11, () -> {}, base);
    LivePlan reseeded = new LivePlan(12, () -> {}, base);

    assertThat(bannerDelays(one, 5))
        .isEqualTo(bannerDelays(other, 5))
        .isNotEqualTo(bannerDelays(reseeded, 5));
  }

  private static List<Duration> bannerDelays(LivePlan plan, int connections) {
    List<Duration> delays = new ArrayList<>();
    for (int i = 1; i <= connections; i++) {
      plan.dispatch(
          OccasionKind.BANNER,
          plan.dice(i),
          Occasion.none(),
          new BannerEffect.Injector() {
            @Override
            public void delayBanner(Delay delay, Firing firing) {
              delays.add(firing.sample(delay));
            }

            @Override
            public void sendInsteadOfBanner(byte[] bytes, String what, Firing firing) {}
          });
    }
    return delays;
  }

  @Test
  void countsAttemptsOnlyAmongMatchingOccasions() {
    plan.add(Fault.rejectAuth().forUser("bob").firstAttempts(1));
    ConnectionDice connection = plan.dice(1);

    assertThat(authenticate(connection, "alice", AuthMethod.PASSWORD)).isEmpty();
    assertThat(authenticate(connection, "bob", AuthMethod.PASSWORD)).containsExactly("reject 1");
    assertThat(authenticate(connection, "bob", AuthMethod.PASSWORD)).isEmpty();
  }

  @Test
  void countsNoOccasionWhereTheEffectCannotAct() {
    plan.add(Fault.rejectAuth(AuthMethod.PUBLIC_KEY).firstAttempts(1));
    ConnectionDice connection = plan.dice(1);

    assertThat(authenticate(connection, "bob", AuthMethod.PASSWORD)).isEmpty();
    assertThat(authenticate(connection, "bob", AuthMethod.KEYBOARD_INTERACTIVE)).isEmpty();
    assertThat(authenticate(connection, "bob", AuthMethod.PUBLIC_KEY)).containsExactly("reject 1");
    assertThat(plan.describe()).endsWith("[fired 1 time in 1 occasion]");
  }

  @Test
  void matchesCommands() {
    plan.add(Fault.exitWith(1, "").forCommandGlob("rm *"));

    assertThat(exec(plan.dice(1), "rm -rf /tmp/x")).containsExactly("exit 1 1");
    assertThat(exec(plan.dice(1), "ls")).isEmpty();
  }

  private List<String> exec(ConnectionDice connection, String command) {
    Recorder recorder = new Recorder();
    plan.dispatch(OccasionKind.EXEC, connection, Occasion.of("bob", command), recorder);
    return recorder.applied;
  }

  @Test
  void considersOnlyFaultsOfTheOccasionsKind() {
    plan.add(Fault.rejectAuth(), Fault.resetConnection());

    List<Firing> firings =
        plan.dispatch(OccasionKind.AUTH, plan.dice(1), Occasion.of("bob", null), new Recorder());

    assertThat(firings).extracting(Firing::fault).containsExactly(Fault.rejectAuth());
    assertThat(firings).extracting(Firing::rule).containsExactly(1);
    assertThat(plan.has(OccasionKind.AUTH)).isTrue();
    assertThat(plan.has(OccasionKind.AUTH_METHODS)).isFalse();
  }

  @Test
  void skipsFaultsTheOccasionDoesNotReach() {
    plan.add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(100));
    Recorder recorder = new Recorder();

    plan.dispatch(
        OccasionKind.OUTPUT,
        plan.dice(1),
        Occasion.of("bob", "cat"),
        fault -> fault.afterBytes() <= 50,
        recorder);

    assertThat(recorder.told).isEmpty();
  }

  @Test
  void decidesProbabilitiesFromSeedAndConnectionIndexAlone() {
    plan.add(Fault.resetConnection().withProbability(0.5));
    List<Integer> forwards = firingConnections(200);

    LivePlan replay = new LivePlan(42, () -> {});
    replay.add(Fault.resetConnection().withProbability(0.5));
    List<Integer> backwards = new ArrayList<>();
    for (int index = 200; index >= 1; index--) {
      Recorder recorder = new Recorder();
      replay.dispatch(OccasionKind.CONNECT, replay.dice(index), Occasion.none(), recorder);
      if (!recorder.applied.isEmpty()) {
        backwards.add(0, index);
      }
    }

    assertThat(backwards).isEqualTo(forwards);
    assertThat(forwards).hasSizeBetween(70, 130);
  }

  @Test
  void drawsForEachFaultWhateverTheOtherFaultsOfTheOccasionDo() {
    // The second fault of two plans sees the same draws, whatever the first did and whatever the
    // order in which the dispatch tells the effects.
    plan.add(Fault.hang(), Fault.resetConnection().withProbability(0.5));
    LivePlan other = new LivePlan(42, () -> {});
    other.add(
        Fault.dropConnection().withProbability(0.3), Fault.resetConnection().withProbability(0.5));

    for (int index = 1; index <= 100; index++) {
      Recorder mine = new Recorder();
      plan.dispatch(OccasionKind.CONNECT, plan.dice(index), Occasion.none(), mine);
      Recorder theirs = new Recorder();
      other.dispatch(OccasionKind.CONNECT, other.dice(index), Occasion.none(), theirs);

      assertThat(mine.told.contains("reset 2"))
          .as("connection %d", index)
          .isEqualTo(theirs.told.contains("reset 2"));
    }
  }

  @Test
  void decidesDifferentlyWithAnotherSeed() {
    plan.add(Fault.resetConnection().withProbability(0.5));
    LivePlan other = new LivePlan(43, () -> {});
    other.add(Fault.resetConnection().withProbability(0.5));

    List<Integer> withOtherSeed =
        IntStream.rangeClosed(1, 200)
            .filter(
                i ->
                    !other
                        .dispatch(
                            OccasionKind.CONNECT, other.dice(i), Occasion.none(), new Recorder())
                        .isEmpty())
            .boxed()
            .toList();

    assertThat(withOtherSeed).isNotEqualTo(firingConnections(200));
  }

  @Test
  void keepsCountsWhenFaultsAreAddedAndResetsThemOnReplace() {
    plan.add(Fault.resetConnection().firstAttempts(1));
    assertThat(connects(1)).isTrue();

    plan.add(Fault.rejectAuth());
    assertThat(connects(2)).isFalse();

    plan.replace(FaultPlan.of(Fault.resetConnection().firstAttempts(1)));
    assertThat(connects(3)).isTrue();
  }

  @Test
  void reportsEveryChange() {
    plan.add(Fault.hang());
    plan.replace(FaultPlan.of(Fault.refuse()));
    plan.clear();

    assertThat(changes).hasValue(3);
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void knowsWhetherItRefuses() {
    plan.add(Fault.refuse());

    assertThat(plan.refuses()).isTrue();
    assertThat(plan.has(OccasionKind.CONNECT)).isFalse();
    assertThat(connects(1)).isFalse();
  }

  @Test
  void describesSeedPlanAndFirings() {
    plan.add(Fault.resetConnection().firstAttempts(1));
    connect(1);
    connect(2);

    assertThat(plan.describe())
        .isEqualTo(
            "seed 42, faults:\n"
                + "  1. resetConnection() at CONNECT when firstAttempts(1)"
                + "  [fired 1 time in 2 occasions]");
    assertThat(new LivePlan(7, () -> {}).describe()).isEqualTo("seed 7, no faults");
  }

  @Test
  void countsOnlyTheFiringsThatTookEffect() {
    plan.add(Fault.dropConnection(), Fault.resetConnection());
    // An engine applies one of two faults that end the connection and passes over the other.
    Recorder recorder = new Recorder(AuthMethod.PASSWORD, true);
    plan.dispatch(OccasionKind.CONNECT, plan.dice(1), Occasion.none(), recorder);

    assertThat(recorder.told).containsExactly("reset 2", "drop 1");
    assertThat(recorder.applied).containsExactly("reset 2");
    assertThat(plan.describe())
        .isEqualTo(
            "seed 42, faults:\n"
                + "  1. dropConnection() at CONNECT  [fired 0 times in 1 occasion]\n"
                + "  2. resetConnection() at CONNECT  [fired 1 time in 1 occasion]");
  }

  @Test
  void passingOverDoesNotUseUpALimit() {
    plan.add(Fault.resetConnection().atMost(1), Fault.dropConnection().firstAttempts(1));
    Recorder first = new Recorder(AuthMethod.PASSWORD, true);
    plan.dispatch(OccasionKind.CONNECT, plan.dice(1), Occasion.none(), first);

    assertThat(first.told).containsExactly("drop 2", "reset 1");
    assertThat(first.applied).containsExactly("drop 2");
    assertThat(connect(2)).containsExactly("reset 1");
    assertThat(connect(3)).isEmpty();
  }

  @Test
  void takesEffectAtMostAsOftenAsItsLimitSaysEvenWhenItFiredMoreOften() {
    plan.add(Fault.resetConnection().atMost(1));
    // Two occasions decided before either applies its effect, as on two threads.
    List<Firing> one = plan.dispatch(OccasionKind.CONNECT, plan.dice(1), Occasion.none(), idle());
    List<Firing> two = plan.dispatch(OccasionKind.CONNECT, plan.dice(2), Occasion.none(), idle());

    assertThat(one.get(0).takeEffect()).isTrue();
    assertThat(two.get(0).takeEffect()).isFalse();
    assertThat(plan.describe()).endsWith("[fired 1 time in 2 occasions]");
  }

  // An injector that applies nothing yet.
  private static ConnectEffect.Injector idle() {
    return new ConnectEffect.Injector() {
      @Override
      public void drop(Firing firing) {}

      @Override
      public void reset(Firing firing) {}

      @Override
      public void hang(Firing firing) {}
    };
  }

  @Test
  void saysARefusalIsNotCountedAndLetsTheEngineSayMore() {
    plan.add(Fault.refuse());

    assertThat(plan.describe())
        .isEqualTo(
            "seed 42, faults:\n"
                + "  1. refuse() at CONNECT  [nothing listens on the port while this fault is in"
                + " the plan; refused attempts never reach the host, so none are counted]")
        .doesNotContain("fired");
    assertThat(plan.describe(() -> "port closed since noon"))
        .endsWith("1. refuse() at CONNECT  [port closed since noon]");
  }

  @Test
  void rejectsAddingNothing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan.add())
        .withMessage("add needs at least one fault");
  }

  @Test
  void matchesSftpRequestsByActionAndPath() {
    plan.add(
        Fault.sftpError(SftpStatus.PERMISSION_DENIED)
            .forSftp(SftpAction.WRITE)
            .forPathGlob("/etc/**")
            .forUser("bob"));
    ConnectionDice connection = plan.dice(1);

    assertThat(sftp(connection, "bob", SftpAction.WRITE, "/etc/passwd")).hasSize(1);
    assertThat(sftp(connection, "bob", SftpAction.READ, "/etc/passwd")).isEmpty();
    assertThat(sftp(connection, "bob", SftpAction.WRITE, "/home/bob/x")).isEmpty();
    assertThat(sftp(connection, "alice", SftpAction.WRITE, "/etc/passwd")).isEmpty();
    assertThat(sftp(connection, "bob", SftpAction.WRITE, null)).isEmpty();
  }

  private List<String> sftp(
      ConnectionDice connection, String user, SftpAction action, String path) {
    Recorder recorder = new Recorder();
    plan.dispatch(OccasionKind.SFTP, connection, Occasion.sftp(user, action, path), recorder);
    return recorder.applied;
  }
}
