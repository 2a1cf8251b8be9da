package io.github.sshfaults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void aCommandGlobHasOnlyStarsAndQuestionMarks() {
    Glob glob = Glob.commandLine("systemctl * nginx.service?");

    assertThat(glob.matches("systemctl restart nginx.service!")).isTrue();
    assertThat(glob.matches("systemctl restart nginxXservice!")).isFalse();
    assertThat(glob.matches("sudo systemctl restart nginx.service!")).isFalse();
  }

  @Test
  void aCommandGlobTakesShellSyntaxLiterally() {
    assertThat(Glob.commandLine("find . -exec rm {} ;").matches("find . -exec rm {} ;")).isTrue();
    assertThat(Glob.commandLine("[ -f * ]").matches("[ -f /etc/passwd ]")).isTrue();
    assertThat(Glob.commandLine("[ -f * ]").matches("f")).isFalse();
    assertThat(Glob.commandLine("echo $(date)").matches("echo $(date)")).isTrue();
  }

  @Test
  void aStarInACommandGlobCrossesSlashesAndLines() {
    assertThat(Glob.commandLine("cat /var/log/*").matches("cat /var/log/app/today.log")).isTrue();
    assertThat(Glob.commandLine("sh -c *").matches("sh -c 'a\nb'")).isTrue();
  }

  @Test
  void aPathGlobMatchesSegmentBySegment() {
    assertThat(Glob.path("/data/*.csv").matches("/data/report.csv")).isTrue();
    assertThat(Glob.path("/data/*.csv").matches("/data/old/report.csv")).isFalse();
    assertThat(Glob.path("/data/**").matches("/data/old/report.csv")).isTrue();
    assertThat(Glob.path("**/report.?sv").matches("/a/b/report.tsv")).isTrue();
    assertThat(Glob.path("/f[0-9].{txt,log}").matches("/f7.log")).isTrue();
    assertThat(Glob.path("/f[0-9].{txt,log}").matches("/fx.log")).isFalse();
    assertThat(Glob.path("/f[!0-9]").matches("/fx")).isTrue();
    assertThat(Glob.path("/a+b(c)").matches("/a+b(c)")).isTrue();
  }

  @Test
  void matchesNothingAbsent() {
    assertThat(Glob.commandLine("*").matches(null)).isFalse();
    assertThat(Glob.path("/**").matches(null)).isFalse();
  }

  @Test
  void rejectsMalformedOrRelativePathGlobs() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.path("/data/[abc"))
        .withMessage("path glob \"/data/[abc\" is malformed: '[' at index 6 has no closing ']'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.path("/data/{a,b"))
        .withMessage("path glob \"/data/{a,b\" is malformed: '{' at index 6 has no closing '}'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.path("data/*.csv"))
        .withMessageStartingWith("path glob \"data/*.csv\" can never match");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Glob.commandLine(" "))
        .withMessage("command glob must not be blank, but was \" \"");
  }

  @Test
  void isAValuePerDialect() {
    assertThat(Glob.path("/a/*"))
        .isEqualTo(Glob.path("/a/*"))
        .hasSameHashCodeAs(Glob.path("/a/*"))
        .isNotEqualTo(Glob.commandLine("/a/*"))
        .hasToString("/a/*");
  }
}
