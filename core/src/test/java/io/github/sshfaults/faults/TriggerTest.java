package io.github.sshfaults.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.internal.ModelAccess;
import io.github.sshfaults.faults.internal.Occasion;
import org.junit.jupiter.api.Test;

class TriggerTest {

  // Matching is the engine's business: read the condition through the engine's door.
  private static boolean matches(Trigger trigger, String commandLine) {
    return ModelAccess.conditions(trigger).get(0).matches(1, Occasion.of("bob", commandLine));
  }

  private static boolean matchesPath(Trigger trigger, String path) {
    return ModelAccess.conditions(trigger)
        .get(0)
        .matches(1, Occasion.sftp("bob", SftpAction.READ, path));
  }

  @Test
  void matchesAnExactCommandLineOnly() {
    assertThat(matches(Trigger.forCommand("ls -l"), "ls -l")).isTrue();
    assertThat(matches(Trigger.forCommand("ls -l"), "ls -la")).isFalse();
  }

  @Test
  void matchesAGlobAsAWholeWithRegexCharactersTakenLiterally() {
    Trigger glob = Trigger.forCommandGlob("systemctl * nginx.service?");

    assertThat(matches(glob, "systemctl restart nginx.service!")).isTrue();
    assertThat(matches(glob, "systemctl restart nginxXservice!")).isFalse();
    assertThat(matches(glob, "sudo systemctl restart nginx.service!")).isFalse();
  }

  @Test
  void matchesARegexAsAWhole() {
    assertThat(matches(Trigger.forCommandMatching("cat .*\\.log"), "cat app.log")).isTrue();
    assertThat(matches(Trigger.forCommandMatching("cat"), "cat app.log")).isFalse();
  }

  @Test
  void rejectsARegexThatDoesNotCompile() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forCommandMatching("cat ("))
        .withMessage("command regex \"cat (\" does not compile: Unclosed group");
  }

  @Test
  void rejectsBlankUsersAndCommands() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forUser(" "))
        .withMessage("user name must not be blank, but was \" \"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forCommandGlob(""))
        .withMessage("command glob must not be blank, but was \"\"");
  }

  @Test
  void readsAsItsConditions() {
    assertThat(Trigger.always()).hasToString("always");
    assertThat(Trigger.firstConnections(2).and(Trigger.withProbability(0.25)))
        .hasToString("firstConnections(2) and withProbability(0.25)");
    assertThat(Trigger.fromConnection(4)).hasToString("fromConnection(4)");
  }

  @Test
  void matchesAnExactPathOnly() {
    Trigger exact = Trigger.forPath("/data/a.csv");

    assertThat(matchesPath(exact, "/data/a.csv")).isTrue();
    assertThat(matchesPath(exact, "/data/a.csv.bak")).isFalse();
    assertThat(Trigger.forPath("/data/a.csv")).hasToString("forPath(\"/data/a.csv\")");
  }

  @Test
  void rejectsAPathTheHostNeverSees() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forPath("data/a.csv"))
        .withMessage(
            "path \"data/a.csv\" can never match: the host sees absolute, normalized paths, so"
                + " write \"/data/a.csv\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forPath("/data/./old/../a.csv/"))
        .withMessageEndingWith("so write \"/data/a.csv\"");
  }

  @Test
  void rejectsMalformedPathGlobsAndEmptyActionLists() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forPathGlob("/data/[abc"))
        .withMessage("path glob \"/data/[abc\" is malformed: '[' at index 6 has no closing ']'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.forSftp())
        .withMessage("forSftp(...) needs at least one SFTP action");
    assertThat(Trigger.forSftp(SftpAction.READ, SftpAction.READ))
        .isEqualTo(Trigger.forSftp(SftpAction.READ));
  }

  @Test
  void readsSftpConditions() {
    assertThat(
            Trigger.forSftp(SftpAction.WRITE, SftpAction.OPEN).and(Trigger.forPathGlob("/up/**")))
        .hasToString("forSftp(OPEN, WRITE) and forPathGlob(\"/up/**\")")
        .isEqualTo(
            Trigger.forSftp(SftpAction.OPEN, SftpAction.WRITE).and(Trigger.forPathGlob("/up/**")));
  }
}
