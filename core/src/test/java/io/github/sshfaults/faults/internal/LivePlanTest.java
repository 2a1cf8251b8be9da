package io.github.sshfaults.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LivePlanTest {

  private final AtomicInteger changes = new AtomicInteger();
  private final LivePlan plan = new LivePlan(42, changes::incrementAndGet);

  private boolean connects(int index) {
    return !plan.fire(Stage.CONNECT, plan.dice(index), null, null).isEmpty();
  }

  private List<Integer> firingConnections(int connections) {
    return IntStream.rangeClosed(1, connections).filter(this::connects).boxed().toList();
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
  void countsAttemptsOnlyAmongMatchingOccasions() {
    plan.add(Fault.rejectAuth().forUser("bob").firstAttempts(1));
    ConnectionDice connection = plan.dice(1);

    assertThat(plan.fire(Stage.AUTH, connection, "alice", null)).isEmpty();
    assertThat(plan.fire(Stage.AUTH, connection, "bob", null)).hasSize(1);
    assertThat(plan.fire(Stage.AUTH, connection, "bob", null)).isEmpty();
  }

  @Test
  void matchesCommands() {
    plan.add(Fault.exitWith(1, "").forCommandGlob("rm *"));
    ConnectionDice connection = plan.dice(1);

    assertThat(plan.fire(Stage.EXEC, connection, "bob", "rm -rf /tmp/x")).hasSize(1);
    assertThat(plan.fire(Stage.EXEC, connection, "bob", "ls")).isEmpty();
  }

  @Test
  void considersOnlyFaultsAtTheStage() {
    plan.add(Fault.rejectAuth(), Fault.resetConnection());

    List<Firing> firings = plan.fire(Stage.AUTH, plan.dice(1), "bob", null);

    assertThat(firings).extracting(Firing::fault).containsExactly(Fault.rejectAuth());
    assertThat(firings).extracting(Firing::rule).containsExactly(1);
  }

  @Test
  void skipsFaultsTheOccasionDoesNotReach() {
    plan.add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(100));

    assertThat(plan.fire(Stage.OUTPUT, plan.dice(1), "bob", "cat", f -> f.afterBytes() <= 50))
        .isEmpty();
  }

  @Test
  void decidesProbabilitiesFromSeedAndConnectionIndexAlone() {
    plan.add(Fault.resetConnection().withProbability(0.5));
    List<Integer> forwards = firingConnections(200);

    LivePlan replay = new LivePlan(42, () -> {});
    replay.add(Fault.resetConnection().withProbability(0.5));
    List<Integer> backwards = new ArrayList<>();
    for (int index = 200; index >= 1; index--) {
      if (!replay.fire(Stage.CONNECT, replay.dice(index), null, null).isEmpty()) {
        backwards.add(0, index);
      }
    }

    assertThat(backwards).isEqualTo(forwards);
    assertThat(forwards).hasSizeBetween(70, 130);
  }

  @Test
  void decidesDifferentlyWithAnotherSeed() {
    plan.add(Fault.resetConnection().withProbability(0.5));
    LivePlan other = new LivePlan(43, () -> {});
    other.add(Fault.resetConnection().withProbability(0.5));

    List<Integer> withOtherSeed =
        IntStream.rangeClosed(1, 200)
            .filter(i -> !other.fire(Stage.CONNECT, other.dice(i), null, null).isEmpty())
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

    assertThat(plan.contains(io.github.sshfaults.faults.Effect.Refuse.class)).isTrue();
    assertThat(plan.has(Stage.CONNECT)).isTrue();
    assertThat(plan.has(Stage.AUTH)).isFalse();
  }

  @Test
  void describesSeedPlanAndFirings() {
    plan.add(Fault.resetConnection().firstAttempts(1));
    plan.fire(Stage.CONNECT, plan.dice(1), null, null).forEach(Firing::applied);
    plan.fire(Stage.CONNECT, plan.dice(2), null, null).forEach(Firing::applied);

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
    // The engine applies the first fault that ends the connection and passes over the second.
    plan.fire(Stage.CONNECT, plan.dice(1), null, null).get(0).applied();

    assertThat(plan.describe())
        .isEqualTo(
            "seed 42, faults:\n"
                + "  1. dropConnection() at CONNECT  [fired 1 time in 1 occasion]\n"
                + "  2. resetConnection() at CONNECT  [fired 0 times in 1 occasion]");
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
    assertThat(plan.describe(fault -> "port closed since noon"))
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

    assertThat(fireSftp(connection, "bob", SftpAction.WRITE, "/etc/passwd")).hasSize(1);
    assertThat(fireSftp(connection, "bob", SftpAction.READ, "/etc/passwd")).isEmpty();
    assertThat(fireSftp(connection, "bob", SftpAction.WRITE, "/home/bob/x")).isEmpty();
    assertThat(fireSftp(connection, "alice", SftpAction.WRITE, "/etc/passwd")).isEmpty();
    assertThat(fireSftp(connection, "bob", SftpAction.WRITE, null)).isEmpty();
  }

  private List<Firing> fireSftp(
      ConnectionDice connection, String user, SftpAction action, String path) {
    return plan.fireOn(Stage.SFTP, connection, Occasion.sftp(user, action, path), fault -> true);
  }
}
