package io.github.sshfaults.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultTest {

  @Test
  void placesEachEffectAtItsDefaultStage() {
    assertThat(Fault.refuse().stage()).isEqualTo(Stage.CONNECT);
    assertThat(Fault.resetConnection().stage()).isEqualTo(Stage.CONNECT);
    assertThat(Fault.delay(Duration.ofMillis(5)).stage()).isEqualTo(Stage.BANNER);
    assertThat(Fault.disconnect(DisconnectReason.BY_APPLICATION, "bye").stage())
        .isEqualTo(Stage.AFTER_AUTH);
    assertThat(Fault.rejectAuth().stage()).isEqualTo(Stage.AUTH);
    assertThat(Fault.throttle(1000, 100).stage()).isEqualTo(Stage.EXEC);
    assertThat(Fault.swapHostKey().stage()).isEqualTo(Stage.KEX);
  }

  @Test
  void rejectsAnEffectAtAStageWhereItCannotHappenNamingTheAllowedStages() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.rejectAuth().at(Stage.CONNECT))
        .withMessage("rejectAuth() cannot happen at stage CONNECT; it can at AUTH");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.garbageBanner("HTTP/1.1 400").at(Stage.EXEC))
        .withMessageContaining("can at BANNER");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.refuse().at(Stage.AUTH))
        .withMessageContaining("refuse() cannot happen at stage AUTH");
  }

  @Test
  void rejectsAResetWhileTheClientWaitsForItsAuthenticationAnswer() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().at(Stage.AUTH))
        .withMessage(
            "resetConnection() cannot happen at stage AUTH; it can at CONNECT, KEX,"
                + " AFTER_AUTH, CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING, TRANSPORT");
  }

  @Test
  void rejectsDropAfterBytesAtTheConnectStage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().afterBytes(100))
        .withMessage(
            "afterBytes(100) does not apply to dropConnection() at CONNECT; it counts bytes at"
                + " OUTPUT, SFTP, SHELL, FORWARDING, TRANSPORT: call at(Stage...) first");
  }

  @Test
  void rejectsMovingAByteCountingFaultToAStageWithoutBytes() {
    Fault cut = Fault.dropConnection().at(Stage.OUTPUT).afterBytes(10);

    assertThat(cut).hasToString("dropConnection() at OUTPUT after 10 bytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cut.at(Stage.AUTH))
        .withMessageContaining("at AUTH");
  }

  @Test
  void rejectsANegativeByteCount() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().at(Stage.OUTPUT).afterBytes(-1))
        .withMessage("byte count must be 0 or more, but was -1");
  }

  @Test
  void acceptsADirectionOnlyForStreamFaultsAtTheTransportStage() {
    Fault upload = Fault.throttle(1000, 100).at(Stage.TRANSPORT).direction(Direction.FROM_CLIENT);
    assertThat(upload)
        .hasToString("throttle(1000 bytes/s, chunks of 100) at TRANSPORT FROM_CLIENT");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.throttle(1000, 100).direction(Direction.FROM_CLIENT))
        .withMessage(
            "direction FROM_CLIENT does not apply to throttle(1000 bytes/s, chunks of 100) at EXEC;"
                + " it takes one at TRANSPORT or FORWARDING: call at(Stage...) first");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Fault.delay(Duration.ofMillis(1))
                    .at(Stage.TRANSPORT)
                    .direction(Direction.FROM_CLIENT))
        .withMessage(
            "direction FROM_CLIENT does not apply to delay(fixed(1ms)) at TRANSPORT;"
                + " delay(fixed(1ms)) acts on no single direction");
  }

  @Test
  void garbageBannerBytesAreCopiedAndCompareByContent() {
    byte[] bytes = {'S', 'S', 'H', '-', 0, '\r', 0x7f, '\n'};
    Fault fault = Fault.garbageBanner(bytes);
    bytes[0] = 'X';

    assertThat(fault)
        .isEqualTo(Fault.garbageBanner(new byte[] {'S', 'S', 'H', '-', 0, '\r', 0x7f, '\n'}))
        .hasSameHashCodeAs(
            Fault.garbageBanner(new byte[] {'S', 'S', 'H', '-', 0, '\r', 0x7f, '\n'}))
        .hasToString("garbageBanner(hex:5353482d000d7f0a) at BANNER");
    assertThat(Fault.garbageBanner(64)).hasToString("garbageBanner(64) at BANNER");
  }

  @Test
  void rejectsGarbageBannersWithoutBytesOrWithTooMany() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.garbageBanner(new byte[0]))
        .withMessageContaining("number of garbage banner bytes")
        .withMessageContaining("0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.garbageBanner(new byte[65537]))
        .withMessageContaining("65537");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.garbageBanner(0))
        .withMessageContaining("garbage banner length");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.garbageBanner(65537))
        .withMessageContaining("65537");
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.garbageBanner((byte[]) null))
        .withMessageContaining("garbage banner bytes");
  }

  @Test
  void acceptsAResetAfterBytesInEitherDirection() {
    assertThat(
            Fault.resetConnection()
                .at(Stage.TRANSPORT)
                .direction(Direction.FROM_CLIENT)
                .afterBytes(10))
        .hasToString("resetConnection() at TRANSPORT after 10 bytes FROM_CLIENT");
    assertThat(Fault.resetConnection().at(Stage.TRANSPORT).afterBytes(10))
        .hasToString("resetConnection() at TRANSPORT after 10 bytes");
  }

  @Test
  void waitsADurationAfterTheLoginOrTheCommandsStart() {
    assertThat(Fault.dropConnection().at(Stage.AFTER_AUTH).after(Duration.ofMillis(500)))
        .hasToString("dropConnection() at AFTER_AUTH after 500ms")
        .isEqualTo(Fault.dropConnection().at(Stage.AFTER_AUTH).after(Duration.ofMillis(500)))
        .isNotEqualTo(Fault.dropConnection().at(Stage.AFTER_AUTH));
    assertThat(Fault.resetConnection().at(Stage.EXEC).after(Duration.ofSeconds(2)).forCommand("x"))
        .hasToString("resetConnection() at EXEC after 2s when forCommand(\"x\")");
    assertThat(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "bye")
                .at(Stage.EXEC)
                .after(Duration.ZERO))
        .isEqualTo(Fault.disconnect(DisconnectReason.BY_APPLICATION, "bye").at(Stage.EXEC));
  }

  @Test
  void rejectsADurationWhereNothingWaitsOrOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().after(Duration.ofMillis(500)))
        .withMessage(
            "after(500ms) does not apply to dropConnection() at CONNECT; a wait after the occasion"
                + " applies to dropConnection(), resetConnection() and disconnect(...) at"
                + " AFTER_AUTH (from the login) or EXEC (from the command's start): call"
                + " at(Stage...) first");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.hang().at(Stage.EXEC).after(Duration.ofMillis(1)))
        .withMessageStartingWith("after(1ms) does not apply to hang() at EXEC");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().at(Stage.EXEC).after(Duration.ofMillis(-1)))
        .withMessage("after(-1ms): the duration must be between 0 and 1 day");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().at(Stage.EXEC).after(Duration.ofDays(2)))
        .withMessage("after(2880m): the duration must be between 0 and 1 day");
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.dropConnection().at(Stage.EXEC).after(null))
        .withMessageContaining("duration");
    assertThatIllegalArgumentException()
        .as("moving a waiting fault to a stage where nothing waits")
        .isThrownBy(
            () -> Fault.dropConnection().at(Stage.EXEC).after(Duration.ofMillis(5)).at(Stage.KEX))
        .withMessageStartingWith("after(5ms) does not apply to dropConnection() at KEX");
  }

  @Test
  void rejectsAUserTriggerBeforeTheUserIsKnown() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().forUser("bob"))
        .withMessage(
            "forUser(\"bob\") needs a stage where the user is known (AUTH, AFTER_AUTH,"
                + " CHANNEL_OPEN, EXEC, OUTPUT, SFTP, SHELL, FORWARDING), but resetConnection() is at"
                + " CONNECT");
  }

  @Test
  void checksTheTriggerAgainWhenTheStageChanges() {
    Fault perUser = Fault.dropConnection().at(Stage.AUTH).forUser("bob");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> perUser.at(Stage.KEX))
        .withMessageContaining("needs a stage where the user is known");
  }

  @Test
  void rejectsACommandTriggerOutsideExecAndOutput() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.rejectAuth().forCommand("ls"))
        .withMessage(
            "forCommand(\"ls\") needs stage EXEC or OUTPUT or SHELL, where the command is known,"
                + " but rejectAuth() is at AUTH");
  }

  @Test
  void rejectsATriggerOnRefuse() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.refuse().firstAttempts(2))
        .withMessageStartingWith("refuse() cannot have a trigger (firstAttempts(2))");
  }

  @Test
  void rejectsAPerUserTriggerForRequiredAuthMethods() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD).forUser("bob"))
        .withMessageContaining("before the client names its user");
  }

  @Test
  void sendsReasonCodesOutsideTheRfcOnlyWhenAskedByName() {
    assertThat(Fault.disconnectWithCode(11, "bye"))
        .isEqualTo(Fault.disconnect(DisconnectReason.BY_APPLICATION, "bye"))
        .hasToString("disconnect(BY_APPLICATION, \"bye\") at AFTER_AUTH");
    assertThat(Fault.disconnectWithCode(0, "odd"))
        .hasToString("disconnectWithCode(0, \"odd\") at AFTER_AUTH");
    assertThat(Fault.disconnectWithCode(4096, "odd").at(Stage.KEX))
        .hasToString("disconnectWithCode(4096, \"odd\") at KEX");
    assertThat(Fault.rejectChannelOpenWithCode(4))
        .isEqualTo(Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE))
        .hasToString("rejectChannelOpen(RESOURCE_SHORTAGE) at CHANNEL_OPEN");
    assertThat(Fault.rejectChannelOpenWithCode(99))
        .hasToString("rejectChannelOpenWithCode(99) at CHANNEL_OPEN");
  }

  @Test
  void rejectsNegativeReasonCodes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.disconnectWithCode(-1, "bye"))
        .withMessage("disconnect reason code must be 0 or more, but was -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.rejectChannelOpenWithCode(-4))
        .withMessage("channel open failure reason code must be 0 or more, but was -4");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, -1})
  void knowsTheDisconnectReasonsOfTheRfcOnly(int code) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DisconnectReason.of(code))
        .withMessage(
            "disconnect reason code (RFC 4253 §11.1) must be between 1 and 15, but was " + code);
    assertThat(DisconnectReason.of(11)).isEqualTo(DisconnectReason.BY_APPLICATION);
    assertThat(DisconnectReason.BY_APPLICATION.rfcName())
        .isEqualTo("SSH_DISCONNECT_BY_APPLICATION");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void knowsTheChannelOpenFailuresOfTheRfcOnly(int code) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChannelOpenFailure.of(code))
        .withMessageContaining("must be between 1 and 4, but was " + code);
    assertThat(ChannelOpenFailure.of(1)).isEqualTo(ChannelOpenFailure.ADMINISTRATIVELY_PROHIBITED);
    assertThat(ChannelOpenFailure.RESOURCE_SHORTAGE.rfcName())
        .isEqualTo("SSH_OPEN_RESOURCE_SHORTAGE");
  }

  @Test
  void rejectsCountsBelowOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().firstAttempts(0))
        .withMessage("number of attempts must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().onConnection(0))
        .withMessage("connection index must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().everyNth(-2))
        .withMessage("n of everyNth must be at least 1, but was -2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().atMost(0))
        .withMessage("maximum number of firings must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.tooManyAuthFailures(0))
        .withMessage("maximum authentication tries must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.limitChannels(0))
        .withMessage("channel limit must be at least 1, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.throttle(0, 10))
        .withMessage("bytes per second must be at least 1, but was 0");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
  void rejectsAProbabilityOutsideZeroToOne(double p) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.resetConnection().withProbability(p))
        .withMessage("probability must be between 0.0 and 1.0, but was " + p);
  }

  @Test
  void rejectsAnExitCodeOutsideWhatAShellReports() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.exitWith(256, ""))
        .withMessage("exit code must be between 0 and 255, but was 256");
  }

  @Test
  void rejectsNullArguments() {
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.resetConnection().at(null))
        .withMessage("stage must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.rejectAuth((AuthMethod) null))
        .withMessage("authentication method must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.delayAuthFailures((Delay) null, AuthMethod.PASSWORD))
        .withMessage("delay must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> Fault.disconnect(DisconnectReason.BY_APPLICATION, null))
        .withMessage("disconnect message must not be null");
  }

  @Test
  void rejectsRequiringTheSameAuthMethodTwice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.requireAuthMethods(AuthMethod.PASSWORD, AuthMethod.PASSWORD))
        .withMessage("requireAuthMethods names a method twice: [PASSWORD, PASSWORD]");
  }

  @Test
  void readsAsTheCallsThatMadeIt() {
    assertThat(Fault.resetConnection()).hasToString("resetConnection() at CONNECT");
    assertThat(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(4096).forCommand("cat log"))
        .hasToString("dropConnection() at OUTPUT after 4096 bytes when forCommand(\"cat log\")");
    assertThat(
            Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance")
                .onConnection(3)
                .atMost(1))
        .hasToString(
            "disconnect(BY_APPLICATION, \"maintenance\") at AFTER_AUTH"
                + " when onConnection(3) and atMost(1)");
    assertThat(Fault.throttle(1000, 10).at(Stage.TRANSPORT).direction(Direction.FROM_CLIENT))
        .hasToString("throttle(1000 bytes/s, chunks of 10) at TRANSPORT FROM_CLIENT");
    assertThat(Fault.rejectAuth(AuthMethod.PASSWORD, AuthMethod.PUBLIC_KEY).forUser("bob"))
        .hasToString("rejectAuth(PASSWORD, PUBLIC_KEY) at AUTH when forUser(\"bob\")");
    assertThat(
            Fault.delayAuthFailures(
                Delay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                AuthMethod.PASSWORD,
                AuthMethod.KEYBOARD_INTERACTIVE))
        .hasToString(
            "delayAuthFailures(uniform(2s..4s), PASSWORD, KEYBOARD_INTERACTIVE) at AUTH");
    assertThat(Fault.delayAuthFailures(Duration.ofMillis(700)))
        .hasToString("delayAuthFailures(fixed(700ms)) at AUTH");
  }

  @Test
  void isAValue() {
    assertThat(Fault.resetConnection().onConnection(2))
        .isEqualTo(Fault.resetConnection().onConnection(2))
        .hasSameHashCodeAs(Fault.resetConnection().onConnection(2))
        .isNotEqualTo(Fault.resetConnection().onConnection(3))
        .isNotEqualTo(Fault.dropConnection().onConnection(2));
  }

  @Test
  void combinesTriggerConditions() {
    Fault fault = Fault.rejectAuth().forUser("bob").firstAttempts(2);

    assertThat(fault)
        .isEqualTo(Fault.rejectAuth().when(Trigger.forUser("bob").and(Trigger.firstAttempts(2))))
        .hasToString("rejectAuth() at AUTH when forUser(\"bob\") and firstAttempts(2)");
  }

  @Test
  void failsSftpRequestsWithAStatusAndItsUsualMessage() {
    Fault fault = Fault.sftpError(SftpStatus.PERMISSION_DENIED);

    assertThat(fault.stage()).isEqualTo(Stage.SFTP);
    assertThat(fault)
        .isEqualTo(Fault.sftpError(SftpStatus.PERMISSION_DENIED, "Permission denied"))
        .hasToString("sftpError(PERMISSION_DENIED, \"Permission denied\") at SFTP");
    assertThat(Fault.sftpError(SftpStatus.NO_SUCH_FILE, "gone").forSftp(SftpAction.OPEN))
        .hasToString("sftpError(NO_SUCH_FILE, \"gone\") at SFTP when forSftp(OPEN)");
  }

  @Test
  void rejectsAnSftpErrorOutsideSftp() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.sftpError(SftpStatus.FAILURE).at(Stage.EXEC))
        .withMessage("sftpError(FAILURE, \"Failure\") cannot happen at stage EXEC; it can at SFTP");
  }

  @Test
  void endsConnectionsAndDelaysAtSftp() {
    assertThat(Fault.dropConnection().at(Stage.SFTP).afterBytes(100).forPathGlob("/data/*"))
        .hasToString("dropConnection() at SFTP after 100 bytes when forPathGlob(\"/data/*\")");
    assertThat(Fault.hang().at(Stage.SFTP).forSftp(SftpAction.READ, SftpAction.OPEN))
        .hasToString("hang() at SFTP when forSftp(OPEN, READ)");
    assertThat(Fault.delay(Duration.ofMillis(5)).at(Stage.SFTP).stage()).isEqualTo(Stage.SFTP);
    assertThat(Fault.sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM).afterBytes(1024))
        .hasToString(
            "sftpError(NO_SPACE_ON_FILESYSTEM, \"No space left on file system\") at SFTP after 1024"
                + " bytes");
  }

  @Test
  void rejectsSftpTriggersOutsideSftp() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().at(Stage.EXEC).forSftp(SftpAction.READ))
        .withMessage(
            "forSftp(READ) needs stage SFTP, where the SFTP request is known, but dropConnection()"
                + " is at EXEC");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.dropConnection().forPath("/x"))
        .withMessage(
            "forPath(\"/x\") needs stage SFTP, where the SFTP request is known, but"
                + " dropConnection() is at CONNECT");
  }

  @Test
  void rejectsAnSftpDelayAfterBytes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.delay(Duration.ofMillis(5)).at(Stage.SFTP).afterBytes(10))
        .withMessage(
            "afterBytes(10) does not apply to delay(fixed(5ms)) at SFTP; delay(fixed(5ms)) never"
                + " counts bytes");
  }
}
