package io.github.sshfaults.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TriggerTest {

  private static boolean matches(Trigger trigger, String commandLine) {
    return ((Trigger.Command) trigger.conditions().get(0)).matches(commandLine);
  }

  @Test
  void matchesAnExactCommandLineOnly() {
    assertThat(matches(Trigger.command("ls -l"), "ls -l")).isTrue();
    assertThat(matches(Trigger.command("ls -l"), "ls -la")).isFalse();
  }

  @Test
  void matchesAGlobAsAWholeWithRegexCharactersTakenLiterally() {
    Trigger glob = Trigger.commandGlob("systemctl * nginx.service?");

    assertThat(matches(glob, "systemctl restart nginx.service!")).isTrue();
    assertThat(matches(glob, "systemctl restart nginxXservice!")).isFalse();
    assertThat(matches(glob, "sudo systemctl restart nginx.service!")).isFalse();
  }

  @Test
  void matchesARegexAsAWhole() {
    assertThat(matches(Trigger.commandMatching("cat .*\\.log"), "cat app.log")).isTrue();
    assertThat(matches(Trigger.commandMatching("cat"), "cat app.log")).isFalse();
  }

  @Test
  void rejectsARegexThatDoesNotCompile() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.commandMatching("cat ("))
        .withMessage("command regex \"cat (\" does not compile: Unclosed group");
  }

  @Test
  void rejectsBlankUsersAndCommands() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.user(" "))
        .withMessage("user name must not be blank, but was \" \"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.commandGlob(""))
        .withMessage("command glob must not be blank, but was \"\"");
  }

  @Test
  void readsAsItsConditions() {
    assertThat(Trigger.always()).hasToString("always");
    assertThat(Trigger.firstConnections(2).and(Trigger.probability(0.25)))
        .hasToString("firstConnections(2) and probability(0.25)");
    assertThat(Trigger.fromConnection(4)).hasToString("fromConnection(4)");
  }
}
