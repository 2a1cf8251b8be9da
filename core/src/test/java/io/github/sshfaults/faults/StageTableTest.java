package io.github.sshfaults.faults;

import static io.github.sshfaults.faults.Stage.AFTER_AUTH;
import static io.github.sshfaults.faults.Stage.AUTH;
import static io.github.sshfaults.faults.Stage.BANNER;
import static io.github.sshfaults.faults.Stage.CHANNEL_OPEN;
import static io.github.sshfaults.faults.Stage.CONNECT;
import static io.github.sshfaults.faults.Stage.EXEC;
import static io.github.sshfaults.faults.Stage.FORWARDING;
import static io.github.sshfaults.faults.Stage.KEX;
import static io.github.sshfaults.faults.Stage.OUTPUT;
import static io.github.sshfaults.faults.Stage.SFTP;
import static io.github.sshfaults.faults.Stage.SHELL;
import static io.github.sshfaults.faults.Stage.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each effect can happen, and where it takes a byte count or a direction, as users meet it:
 * the table the fault catalog documents. Nothing in the code lists it per effect any more (it is
 * read from the stage interfaces each effect implements), so this test pins it.
 */
class StageTableTest {

  static Stream<Arguments> effects() {
    return Stream.of(
        row("refuse()", Fault::refuse, CONNECT, set(CONNECT), set(), false),
        row(
            "dropConnection()",
            Fault::dropConnection,
            CONNECT,
            set(
                CONNECT, KEX, AUTH, AFTER_AUTH, CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING,
                TRANSPORT),
            set(OUTPUT, SFTP, SHELL, FORWARDING, TRANSPORT),
            true),
        row(
            "resetConnection()",
            Fault::resetConnection,
            CONNECT,
            set(
                CONNECT, KEX, AFTER_AUTH, CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING,
                TRANSPORT),
            set(OUTPUT, SFTP, SHELL, FORWARDING, TRANSPORT),
            true),
        row(
            "hang()",
            Fault::hang,
            CONNECT,
            set(CONNECT, KEX, AUTH, CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING),
            set(OUTPUT, SFTP, SHELL),
            false),
        row(
            "delay(...)",
            () -> Fault.delay(Duration.ofMillis(1)),
            BANNER,
            set(BANNER, AUTH, EXEC, SFTP, SHELL, FORWARDING, TRANSPORT),
            set(),
            false),
        row(
            "garbageBanner(text)",
            () -> Fault.garbageBanner("x"),
            BANNER,
            set(BANNER),
            set(),
            false),
        row("garbageBanner()", Fault::garbageBanner, BANNER, set(BANNER), set(), false),
        row(
            "garbageBanner(bytes)",
            () -> Fault.garbageBanner(new byte[] {0}),
            BANNER,
            set(BANNER),
            set(),
            false),
        row(
            "garbageBanner(length)",
            () -> Fault.garbageBanner(8),
            BANNER,
            set(BANNER),
            set(),
            false),
        row(
            "disconnect(...)",
            () -> Fault.disconnect(DisconnectReason.BY_APPLICATION, "bye"),
            AFTER_AUTH,
            set(KEX, AUTH, AFTER_AUTH, CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING),
            set(OUTPUT, SFTP, SHELL),
            false),
        row(
            "noCommonAlgorithm(...)",
            () -> Fault.noCommonAlgorithm(AlgorithmKind.CIPHER),
            KEX,
            set(KEX),
            set(),
            false),
        row("swapHostKey()", Fault::swapHostKey, KEX, set(KEX), set(), false),
        row("rejectAuth()", Fault::rejectAuth, AUTH, set(AUTH), set(), false),
        row(
            "requireAuthMethods(...)",
            () -> Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD),
            AUTH,
            set(AUTH),
            set(),
            false),
        row(
            "delayAuthFailures(...)",
            () -> Fault.delayAuthFailures(Duration.ofSeconds(2)),
            AUTH,
            set(AUTH),
            set(),
            false),
        row(
            "tooManyAuthFailures(...)",
            () -> Fault.tooManyAuthFailures(3),
            AUTH,
            set(AUTH),
            set(),
            false),
        row(
            "rejectChannelOpen(...)",
            () -> Fault.rejectChannelOpen(ChannelOpenFailure.CONNECT_FAILED),
            CHANNEL_OPEN,
            set(CHANNEL_OPEN, FORWARDING),
            set(),
            false),
        row(
            "limitChannels(...)",
            () -> Fault.limitChannels(2),
            CHANNEL_OPEN,
            set(CHANNEL_OPEN),
            set(),
            false),
        row(
            "limitSessions(...)",
            () -> Fault.limitSessions(2),
            AFTER_AUTH,
            set(AFTER_AUTH),
            set(),
            false),
        row("exitWith(...)", () -> Fault.exitWith(1, ""), EXEC, set(EXEC, SHELL), set(), false),
        row("shellNoise(...)", () -> Fault.shellNoise("x"), SHELL, set(SHELL), set(), false),
        row(
            "throttle(...)",
            () -> Fault.throttle(1000, 10),
            EXEC,
            set(EXEC, FORWARDING, TRANSPORT),
            set(),
            true),
        row(
            "sftpError(...)",
            () -> Fault.sftpError(SftpStatus.FAILURE),
            SFTP,
            set(SFTP),
            set(SFTP),
            false));
  }

  private static Arguments row(
      String name,
      Supplier<Fault> factory,
      Stage defaultStage,
      Set<Stage> stages,
      Set<Stage> countingStages,
      boolean directedAtTransport) {
    return arguments(name, factory, defaultStage, stages, countingStages, directedAtTransport);
  }

  private static Set<Stage> set(Stage... stages) {
    return stages.length == 0 ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(Arrays.asList(stages));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("effects")
  void placesEachEffectWhereItCanHappen(
      String name,
      Supplier<Fault> factory,
      Stage defaultStage,
      Set<Stage> stages,
      Set<Stage> countingStages,
      boolean directedAtTransport) {
    assertThat(factory.get().stage()).isEqualTo(defaultStage);
    for (Stage stage : Stage.values()) {
      if (stages.contains(stage)) {
        assertThatCode(() -> factory.get().at(stage))
            .as("%s at %s", name, stage)
            .doesNotThrowAnyException();
      } else {
        assertThatIllegalArgumentException()
            .as("%s at %s", name, stage)
            .isThrownBy(() -> factory.get().at(stage))
            .withMessageContaining("cannot happen at stage " + stage);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("effects")
  void countsBytesWhereItCutsAStream(
      String name,
      Supplier<Fault> factory,
      Stage defaultStage,
      Set<Stage> stages,
      Set<Stage> countingStages,
      boolean directedAtTransport) {
    for (Stage stage : stages) {
      // A reset counts what the client sends (its own check): say so first.
      Supplier<Fault> placed =
          (stage == TRANSPORT || stage == FORWARDING) && directedAtTransport
              ? () -> factory.get().at(stage).direction(Direction.FROM_CLIENT)
              : () -> factory.get().at(stage);
      if (countingStages.contains(stage)) {
        assertThatCode(() -> placed.get().afterBytes(5))
            .as("%s at %s", name, stage)
            .doesNotThrowAnyException();
      } else {
        assertThatIllegalArgumentException()
            .as("%s at %s", name, stage)
            .isThrownBy(() -> placed.get().afterBytes(5))
            .withMessageStartingWith("afterBytes(5) does not apply to ");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("effects")
  void takesADirectionOnlyForOneWayStreamFaults(
      String name,
      Supplier<Fault> factory,
      Stage defaultStage,
      Set<Stage> stages,
      Set<Stage> countingStages,
      boolean directedAtTransport) {
    for (Stage stage : stages) {
      if ((stage == TRANSPORT || stage == FORWARDING) && directedAtTransport) {
        assertThatCode(() -> factory.get().at(stage).direction(Direction.FROM_CLIENT))
            .doesNotThrowAnyException();
      } else {
        assertThatIllegalArgumentException()
            .as("%s at %s", name, stage)
            .isThrownBy(() -> factory.get().at(stage).direction(Direction.FROM_CLIENT))
            .withMessageStartingWith("direction FROM_CLIENT does not apply to ");
      }
    }
  }
}
