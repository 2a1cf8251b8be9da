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

  private static boolean matchesPath(Trigger trigger, String path) {
    return ((Trigger.PathGlob) trigger.conditions().get(0)).matches(path);
  }

  @Test
  void matchesPathGlobsSegmentBySegment() {
    assertThat(matchesPath(Trigger.pathGlob("/data/*.csv"), "/data/report.csv")).isTrue();
    assertThat(matchesPath(Trigger.pathGlob("/data/*.csv"), "/data/old/report.csv")).isFalse();
    assertThat(matchesPath(Trigger.pathGlob("/data/**"), "/data/old/report.csv")).isTrue();
    assertThat(matchesPath(Trigger.pathGlob("**/report.?sv"), "/a/b/report.tsv")).isTrue();
    assertThat(matchesPath(Trigger.pathGlob("/f[0-9].{txt,log}"), "/f7.log")).isTrue();
    assertThat(matchesPath(Trigger.pathGlob("/f[0-9].{txt,log}"), "/fx.log")).isFalse();
    assertThat(matchesPath(Trigger.pathGlob("/a+b(c)"), "/a+b(c)")).isTrue();
  }

  @Test
  void rejectsMalformedOrRelativePathGlobs() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.pathGlob("/data/[abc"))
        .withMessage("path glob \"/data/[abc\" is malformed: '[' at index 6 has no closing ']'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.pathGlob("/data/{a,b"))
        .withMessage("path glob \"/data/{a,b\" is malformed: '{' at index 6 has no closing '}'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.pathGlob("data/*.csv"))
        .withMessageStartingWith("path glob \"data/*.csv\" can never match");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Trigger.sftp())
        .withMessage("sftp(...) needs at least one SFTP action");
  }

  @Test
  void readsSftpConditions() {
    assertThat(Trigger.sftp(SftpAction.WRITE, SftpAction.OPEN).and(Trigger.pathGlob("/up/**")))
        .hasToString("sftp(OPEN, WRITE) and pathGlob(\"/up/**\")")
        .isEqualTo(Trigger.sftp(SftpAction.OPEN, SftpAction.WRITE).and(Trigger.pathGlob("/up/**")));
  }
}
