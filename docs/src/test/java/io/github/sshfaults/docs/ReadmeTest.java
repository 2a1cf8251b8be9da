package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's commands and versions are the build's: the test command is the one {@code .ci/run}
 * runs, the demo and benchmark commands are the ones their poms declare, and the versions are the
 * parent pom's. The guide's index links every page of the guide.
 */
class ReadmeTest {

  private static final Path PROJECT_ROOT =
      Path.of(System.getProperty("sshfaults.docs.dir", ".")).toAbsolutePath().normalize().getParent();

  @Test
  void ciRunsTheReadmesDemoThenTestCommandsAsWritten() throws IOException {
    List<String> ci =
        Files.readAllLines(PROJECT_ROOT.resolve(".ci/run")).stream()
            .filter(line -> line.startsWith("mvn "))
            .toList();

    assertThat(ci)
        .containsExactly(
            "mvn -B -q -Pdemo -pl docs -am -DskipTests verify",
            "mvn -B -q -Prelease -DskipTests verify",
            // Last: under set -e only the last command of an && list stops the script.
            "mvn -B verify && mvn -B -Pjunit6 -pl junit-extension,docs -am verify");
    assertThat(readme()).contains(ci.stream().map(line -> "\n" + line + "\n").toList());
  }

  @Test
  void demoAndBenchmarkCommandsAreTheOnesThePomsDeclare() throws IOException {
    String demo = "mvn -B -q -Pdemo -pl docs -am -DskipTests verify";
    String bench = "mvn -B -q -Pbench -pl sshd-fixtures -am -DskipTests verify";

    assertThat(readme()).contains("\n" + demo + "\n", "\n" + bench + "\n");
    assertThat(read("docs/pom.xml")).contains("<id>demo</id>", "io.github.sshfaults.docs.Demo");
    assertThat(read("sshd-fixtures/pom.xml")).contains(bench, "<id>bench</id>");
  }

  @Test
  void versionsAreTheParentPomsVersions() throws IOException {
    String pom = read("pom.xml");
    String readme = readme();

    assertThat(readme)
        .contains("| Apache MINA SSHD | " + property(pom, "sshd.version"))
        .contains("(" + property(pom, "junit.version") + ")")
        .contains("(" + property(pom, "jsch.version") + ")")
        .contains("sshj` " + property(pom, "sshj.version"))
        .contains("<version>" + projectVersion(pom) + "</version>")
        .contains("(6.1.3, the `junit6` profile)");
    assertThat(pom).contains("<junit.version>6.1.3</junit.version>");
    assertThat(read("docs/guide/getting-started.md"))
        .as("the SLF4J backend the getting-started page suggests")
        .contains("<version>" + property(pom, "slf4j.version") + "</version>");
  }

  @Test
  void consumerCheckBuildsAsUsersDoWithTheProjectsVersions() throws IOException {
    String pom = read("pom.xml");
    String consumer = read("docs/consumer/pom.xml");

    assertThat(property(consumer, "sshfaults.version")).isEqualTo(projectVersion(pom));
    for (String version :
        List.of("junit.version", "jsch.version", "assertj.version", "sshd.version")) {
      assertThat(property(consumer, version)).as(version).isEqualTo(property(pom, version));
    }
    assertThat(consumer).doesNotContain("<parent>", "-parameters</arg>", "<parameters>true");
    // Its tests are a module on the module path, as JPMS users' black-box tests are.
    assertThat(read("docs/consumer/src/test/java/module-info.java"))
        .contains("requires io.github.sshfaults.junit;");
    assertThat(consumer).doesNotContain("<useModulePath>false");
    assertThat(pom).contains("<module>docs/consumer</module>\n  </modules>");
  }

  @Test
  void coordinatesAreTheModulesArtifactIds() throws IOException {
    String readme = readme();
    for (String module : List.of("core", "sshd-fixtures", "junit-extension")) {
      String artifactId = property(read(module + "/pom.xml"), "artifactId", 2);
      assertThat(readme).contains("`io.github.sshfaults:" + artifactId + "`");
    }
  }

  @Test
  void guideIndexLinksEveryGuidePage() throws IOException {
    String index = read("docs/guide/README.md");
    try (var pages = Files.list(PROJECT_ROOT.resolve("docs/guide"))) {
      pages
          .map(page -> page.getFileName().toString())
          .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
          .forEach(name -> assertThat(index).as("the guide's index").contains("](" + name + ")"));
    }
  }

  private static String readme() throws IOException {
    return read("README.md");
  }

  private static String read(String path) throws IOException {
    return Files.readString(PROJECT_ROOT.resolve(path));
  }

  private static String property(String pom, String name) {
    return property(pom, name, 1);
  }

  /** The text of the {@code occurrence}-th element {@code name}. */
  private static String property(String pom, String name, int occurrence) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
    for (int i = 0; i < occurrence; i++) {
      assertThat(matcher.find()).as("<%s> number %d", name, i + 1).isTrue();
    }
    return matcher.group(1);
  }

  private static String projectVersion(String pom) {
    return property(pom, "version", 1);
  }
}
