package io.github.sshfaults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.SftpAction;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.Trigger;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultTextTest {

  static Stream<Arguments> textsAndTheirJava() {
    return Stream.of(
        Arguments.of("reject-auth for-user=bob", Fault.rejectAuth().forUser("bob")),
        Arguments.of(
            "drop-connection at=after-auth first-attempts=2",
            Fault.dropConnection().at(Stage.AFTER_AUTH).firstAttempts(2)),
        Arguments.of("delay 500ms at=banner", Fault.delay(Duration.ofMillis(500)).at(Stage.BANNER)),
        Arguments.of("delay 1.5s", Fault.delay(Duration.ofMillis(1500))),
        Arguments.of("delay PT2S at=auth", Fault.delay(Duration.ofSeconds(2)).at(Stage.AUTH)),
        Arguments.of(
            "sftp-error permission-denied for-sftp=read for-path=/etc/**",
            Fault.sftpError(SftpStatus.PERMISSION_DENIED)
                .forSftp(SftpAction.READ)
                .forPath("/etc/**")),
        Arguments.of(
            "sftp-error NO_SPACE_ON_FILESYSTEM 'disk full' for-sftp=read,write",
            Fault.sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM, "disk full")
                .forSftp(SftpAction.READ, SftpAction.WRITE)),
        Arguments.of(
            "delay uniform(40ms,60ms) at=transport",
            Fault.delay(Delay.uniform(Duration.ofMillis(40), Duration.ofMillis(60)))
                .at(Stage.TRANSPORT)),
        Arguments.of(
            "delay lognormal(50ms, 0.5) at=auth",
            Fault.delay(Delay.lognormal(Duration.ofMillis(50), 0.5)).at(Stage.AUTH)),
        Arguments.of(
            "exit-with 2 \"disk full\\n\" for-command='cat big.log'",
            Fault.exitWith(2, "disk full\n").forCommand("cat big.log")),
        Arguments.of("reject-auth", Fault.rejectAuth()),
        Arguments.of(
            "reject-auth password public-key",
            Fault.rejectAuth(AuthMethod.PASSWORD, AuthMethod.PUBLIC_KEY)),
        Arguments.of(
            "reject-auth password,keyboard-interactive",
            Fault.rejectAuth(AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE)),
        Arguments.of(
            "delay-auth-failures 3s password",
            Fault.delayAuthFailures(Duration.ofSeconds(3), AuthMethod.PASSWORD)),
        Arguments.of(
            "delay-auth-failures uniform(2s,4s) password,keyboard-interactive for-user=bob",
            Fault.delayAuthFailures(
                    Delay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                    AuthMethod.PASSWORD,
                    AuthMethod.KEYBOARD_INTERACTIVE)
                .forUser("bob")),
        Arguments.of("delay-auth-failures 2s", Fault.delayAuthFailures(Duration.ofSeconds(2))),
        Arguments.of(
            "require-auth-methods public-key password",
            Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD)),
        Arguments.of(
            "drop-connection at=output after-bytes=1_048_576 for-command-glob='cat *'",
            Fault.dropConnection().at(Stage.OUTPUT).afterBytes(1 << 20).forCommandGlob("cat *")),
        Arguments.of(
            "drop-connection at=after-auth with-probability=0.3",
            Fault.dropConnection().at(Stage.AFTER_AUTH).withProbability(0.3)),
        Arguments.of("throttle 1024 256", Fault.throttle(1024, 256)),
        Arguments.of("garbage-banner", Fault.garbageBanner()),
        Arguments.of(
            "garbage-banner hex:5353482d000d7f0a",
            Fault.garbageBanner(new byte[] {'S', 'S', 'H', '-', 0, '\r', 0x7f, '\n'})),
        Arguments.of("garbage-banner 64", Fault.garbageBanner(64)),
        Arguments.of(
            "drop-connection at=exec after=1.5s for-command='cat big.log'",
            Fault.dropConnection()
                .at(Stage.EXEC)
                .after(Duration.ofMillis(1500))
                .forCommand("cat big.log")),
        Arguments.of(
            "reset-connection at=transport after-bytes=1024",
            Fault.resetConnection().at(Stage.TRANSPORT).afterBytes(1024)),
        Arguments.of(
            "garbage-banner 'HTTP/1.1 400 Bad Request\r\n'",
            Fault.garbageBanner("HTTP/1.1 400 Bad Request\r\n")),
        Arguments.of("  dropConnection   at=AFTER_AUTH  ", Fault.dropConnection().at(Stage.AFTER_AUTH)),
        Arguments.of("swap-host-key from-connection=2", Fault.swapHostKey().fromConnection(2)),
        Arguments.of(
            "drop-connection when=on-connection(3)",
            Fault.dropConnection().when(Trigger.onConnection(3))),
        Arguments.of("hang when=always", Fault.hang().when(Trigger.always())));
  }

  @ParameterizedTest
  @MethodSource("textsAndTheirJava")
  void readsTheFactoryCallAndItsFluentCalls(String text, Fault java) {
    assertThat(FaultText.parse(text)).isEqualTo(java);
  }

  static Stream<Arguments> shellTextsAndTheirJava() {
    return Stream.of(
        Arguments.of("hang at=shell", Fault.hang().at(Stage.SHELL)),
        Arguments.of(
            "hang at=shell for-command='show log'",
            Fault.hang().at(Stage.SHELL).forCommand("show log")),
        Arguments.of("delay 250ms at=shell", Fault.delay(Duration.ofMillis(250)).at(Stage.SHELL)),
        Arguments.of(
            "shell-noise \"\\u001b[?2004h%LINK-3-UPDOWN\\n\" at-most=1",
            Fault.shellNoise("\u001b[?2004h%LINK-3-UPDOWN\n").atMost(1)),
        Arguments.of(
            "drop-connection at=shell after-bytes=10 for-command='show log'",
            Fault.dropConnection().at(Stage.SHELL).afterBytes(10).forCommand("show log")),
        Arguments.of(
            "reset-connection at=shell for-command-glob='reload*'",
            Fault.resetConnection().at(Stage.SHELL).forCommandGlob("reload*")),
        Arguments.of(
            "exit-with 3 '% Connection closed\n' at=shell for-command=reload",
            Fault.exitWith(3, "% Connection closed\n").at(Stage.SHELL).forCommand("reload")));
  }

  @ParameterizedTest
  @MethodSource("shellTextsAndTheirJava")
  void readsTheShellStageFaults(String text, Fault java) {
    assertThat(FaultText.parse(text)).isEqualTo(java);
  }

  static Stream<Arguments> forwardingTextsAndTheirJava() {
    return Stream.of(
        Arguments.of(
            "reject-channel-open connect-failed at=forwarding for-user=deploy",
            Fault.rejectChannelOpen(ChannelOpenFailure.CONNECT_FAILED)
                .at(Stage.FORWARDING)
                .forUser("deploy")),
        Arguments.of(
            "reject-channel-open resource-shortage at=forwarding",
            Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE).at(Stage.FORWARDING)),
        Arguments.of("hang at=forwarding", Fault.hang().at(Stage.FORWARDING)),
        Arguments.of(
            "delay 2s at=forwarding", Fault.delay(Duration.ofSeconds(2)).at(Stage.FORWARDING)),
        Arguments.of(
            "reject-channel-open-with-code 77 at=forwarding",
            Fault.rejectChannelOpenWithCode(77).at(Stage.FORWARDING)),
        Arguments.of(
            "delay 300ms at=forwarding", Fault.delay(Duration.ofMillis(300)).at(Stage.FORWARDING)),
        Arguments.of(
            "throttle 20000 1024 at=forwarding direction=from-client",
            Fault.throttle(20_000, 1024).at(Stage.FORWARDING).direction(Direction.FROM_CLIENT)),
        Arguments.of(
            "drop-connection at=forwarding after-bytes=4096",
            Fault.dropConnection().at(Stage.FORWARDING).afterBytes(4096)),
        Arguments.of(
            "reset-connection at=forwarding after-bytes=100 direction=from-client",
            Fault.resetConnection()
                .at(Stage.FORWARDING)
                .afterBytes(100)
                .direction(Direction.FROM_CLIENT)));
  }

  @ParameterizedTest
  @MethodSource("forwardingTextsAndTheirJava")
  void readsTheForwardingStageFaults(String text, Fault java) {
    assertThat(FaultText.parse(text)).isEqualTo(java);
  }

  @Test
  void knowsEveryFactoryAndFluentMethodOfFault() {
    String vocabulary = FaultText.vocabulary();
    for (Method method : Fault.class.getMethods()) {
      if (method.getReturnType() == Fault.class
          && (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() <= 1)) {
        assertThat(vocabulary)
            .as("the vocabulary lists %s", method)
            .contains("  " + FaultText.kebab(method.getName()));
      }
    }
    assertThat(vocabulary)
        .contains("  exit-with <exitCode: int> <stderr: String>")
        .contains("  at=<stage: Stage>")
        .contains("  reject-auth <methods: AuthMethod...>")
        .contains("Stage: connect, banner, kex, auth, after-auth")
        .contains("Delay: fixed(<duration: Duration>)");
  }

  @Test
  void namesAnUnknownFaultAndListsTheFactoriesSorted() {
    assertThatThrownBy(() -> FaultText.parse("drop-conection at=kex"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown fault \"drop-conection\" in \"drop-conection at=kex\": expected a Fault"
                + " factory (did you mean \"drop-connection\"?); the factories are delay,")
        .hasMessageContaining("drop-connection, exit-with, garbage-banner, hang,");
  }

  @Test
  void namesAnUnknownModifierAndListsTheModifiersSorted() {
    assertThatThrownBy(() -> FaultText.parse("reject-auth for-usr=bob"))
        .hasMessageStartingWith(
            "unknown modifier \"for-usr\" in \"reject-auth for-usr=bob\": expected name=value for"
                + " a fluent method of Fault (did you mean \"for-user\"?); the modifiers are"
                + " after, after-bytes, at, at-most, direction,");
  }

  @Test
  void namesTheBadValueAndWhatItsTypeTakes() {
    assertThatThrownBy(() -> FaultText.parse("drop-connection at=after-ath"))
        .hasMessage(
            "\"drop-connection at=after-ath\": at: \"after-ath\" is not a Stage: expected one of"
                + " connect, banner, kex, auth, after-auth, channel-open, exec, output, sftp,"
                + " shell, forwarding, transport (did you mean \"after-auth\"?)");
    assertThatThrownBy(() -> FaultText.parse("delay 500"))
        .hasMessageContaining("\"delay\" has no overload for these arguments:")
        .hasMessageContaining("\"500\" is not a Duration: expected a number and a unit");
    assertThatThrownBy(() -> FaultText.parse("drop-connection first-attempts=two"))
        .hasMessageContaining("first-attempts: \"two\" is not an int: expected a whole number");
  }

  @Test
  void saysHowManyArgumentsAFactoryTakes() {
    assertThatThrownBy(() -> FaultText.parse("exit-with 3"))
        .hasMessage(
            "\"exit-with 3\": \"exit-with\" takes 2 arguments (exitCode: int, stderr: String), but"
                + " got 1: 3");
  }

  @Test
  void passesOnFaultsOwnValidationWithItsException() {
    assertThatThrownBy(() -> FaultText.parse("reject-auth at=connect"))
        .hasMessage(
            "\"reject-auth at=connect\": rejectAuth() cannot happen at stage CONNECT; it can at"
                + " AUTH")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> FaultText.parse("   "))
        .hasMessageStartingWith("empty fault text: expected a fault");
    assertThatThrownBy(() -> FaultText.parse("exit-with 1 'oops"))
        .hasMessage(
            "unclosed quote in \"exit-with 1 'oops\": the ' at character 13 has no closing '");
    assertThatThrownBy(() -> FaultText.parse("exit-with 1 \"a\\q\""))
        .hasMessageStartingWith("unknown escape \\q in");
    assertThatThrownBy(() -> FaultText.parse("delay at=banner 500ms"))
        .hasMessageStartingWith("\"delay at=banner 500ms\": \"delay\" takes");
    assertThatThrownBy(() -> FaultText.parse("hang at=kex extra"))
        .hasMessageStartingWith("unexpected \"extra\" after the modifiers");
  }

  @Test
  void splitsWordsAtBlanksOutsideQuotes() {
    List<FaultText.Token> tokens =
        FaultText.Token.split("exit-with 1 'a b' x=\"c d\" 'e=f'");
    assertThat(tokens)
        .extracting(FaultText.Token::text)
        .containsExactly("exit-with", "1", "a b", "x=c d", "e=f");
    assertThat(tokens.get(3).equalsAt()).isEqualTo(1);
    assertThat(tokens.get(4).equalsAt()).isEqualTo(-1);
  }
}
