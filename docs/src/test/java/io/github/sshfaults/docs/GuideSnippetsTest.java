package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.sshfaults.docs.SnippetChecker.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the user guide and the README from rotting: every Java block in them is a region of a
 * compiled test (the convention is spelled out at the end of {@code docs/guide/README.md}), and
 * every relative link leads somewhere.
 */
class GuideSnippetsTest {

  /** Set by the docs module's Surefire configuration; IDEs run tests from the module directory. */
  private static final Path DOCS_MODULE =
      Path.of(System.getProperty("sshfaults.docs.dir", System.getProperty("user.dir")));

  private static final Path PROJECT_ROOT = DOCS_MODULE.toAbsolutePath().normalize().getParent();
  private static final Path GUIDE = DOCS_MODULE.resolve("guide");

  private final SnippetChecker checker =
      new SnippetChecker(
          PROJECT_ROOT,
          List.of(
              DOCS_MODULE.resolve("src/test/java/io/github/sshfaults/docs/guide"),
              DOCS_MODULE.resolve("src/main/java/io/github/sshfaults/docs")));

  @Test
  void findsTheReadmeAndTheGuidePages() {
    // Guards the checks below against passing on nothing if the docs move.
    assertThat(pages())
        .extracting(GuideSnippetsTest::name)
        .contains("README.md", "docs/guide/README.md", "docs/guide/getting-started.md");
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockIsTheTaggedRegionOfACompiledTest() {
    return pages().stream()
        .map(
            page ->
                dynamicTest(name(page), () -> assertNone(checker.checkSnippets(updated(page)))));
  }

  @TestFactory
  Stream<DynamicTest> everyGuidePageShowsTheImportsOfItsExamplesOnce() {
    return pages().stream()
        .filter(page -> page.path().startsWith(GUIDE))
        .map(page -> dynamicTest(name(page), () -> assertNone(checker.checkImportsShown(page))));
  }

  @TestFactory
  Stream<DynamicTest> everyRelativeLinkLeadsToAnExistingFile() {
    return pages().stream()
        .map(page -> dynamicTest(name(page), () -> assertNone(checker.checkLinks(page))));
  }

  @Test
  void keepsTheReadmeQuickStartUnderTwentyLines() {
    MarkdownPage readme = MarkdownPage.read(PROJECT_ROOT.resolve("README.md"));

    assertThat(readme.blocks())
        .filteredOn(MarkdownPage.CodeBlock::isJava)
        .first()
        .satisfies(quickStart -> assertThat(quickStart.lines()).hasSizeLessThan(20));
  }

  @Test
  void showsTheStandaloneServersProofScriptsAndPlansInFull() {
    MarkdownPage page = MarkdownPage.read(GUIDE.resolve("standalone-server.md"));

    // Each block equals its file (everyJavaBlockIsTheTaggedRegionOfACompiledTest checks that).
    assertThat(page.blocks())
        .extracting(MarkdownPage.CodeBlock::file)
        .contains(
            "../src/test/server/openssh-proof.sh",
            "../src/test/server/paramiko_fleet.py",
            "../src/test/server/fleet.yaml",
            "../src/test/server/flaky.yaml",
            "../src/test/server/families.yaml");
  }

  @Test
  void everyTaggedRegionIsQuotedByAPage() {
    assertNone(checker.checkRegionsAreQuoted(pages()));
  }

  /**
   * With {@code -Dsshfaults.docs.update=true} (a maintainer's switch, never set in CI), rewrites
   * every marked block of {@code page} to what its source says, then rereads the page: {@code mvn
   * -B -pl docs -am verify -Dtest=GuideSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false
   * -Dsshfaults.docs.update=true}.
   */
  private MarkdownPage updated(MarkdownPage page) throws IOException {
    if (!Boolean.getBoolean("sshfaults.docs.update")) {
      return page;
    }
    List<String> lines = Files.readAllLines(page.path());
    List<String> updated = checker.updated(page, lines);
    if (!updated.equals(lines)) {
      Files.write(page.path(), updated);
    }
    return MarkdownPage.read(page.path());
  }

  private static List<MarkdownPage> pages() {
    List<MarkdownPage> pages = new ArrayList<>();
    pages.add(MarkdownPage.read(PROJECT_ROOT.resolve("README.md")));
    try (Stream<Path> guide = Files.list(GUIDE)) {
      guide
          .filter(path -> path.toString().endsWith(".md"))
          .sorted()
          .map(MarkdownPage::read)
          .forEach(pages::add);
    } catch (IOException e) {
      fail("Cannot list the guide pages in " + GUIDE.toAbsolutePath(), e);
    }
    return pages;
  }

  private static String name(MarkdownPage page) {
    return PROJECT_ROOT.relativize(page.path().toAbsolutePath().normalize()).toString();
  }

  private static void assertNone(List<Problem> problems) {
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " problem(s) in the docs:\n"
              + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
  }
}
