package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.docs.SnippetChecker.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet checker itself, on small pages and sources written for each case. */
class SnippetCheckerTest {

  private static final String SOURCE =
      """
      package example;

      class ExampleTest {
        void greets() {
          // tag::greet[]
          String greeting = "hello";
          System.out.println(greeting);
          // end::greet[]
        }

        void counts() {
          // tag::outer[]
          int total = 0;
          // tag::inner[]
          total += 1;
          // end::inner[]
          // end::outer[]
        }
      }
      """;

  @TempDir Path root;
  private Path sources;
  private SnippetChecker checker;

  @BeforeEach
  void writeSource() throws IOException {
    sources = Files.createDirectories(root.resolve("src"));
    Files.writeString(sources.resolve("ExampleTest.java"), SOURCE);
    checker = new SnippetChecker(root, List.of(sources));
  }

  @Test
  void acceptsABlockThatMatchesItsRegionWhateverItsIndentation() throws IOException {
    MarkdownPage page =
        page(
            """
            # Greeting

            <!-- snippet: ExampleTest#greet -->
            ```java
            String greeting = "hello";
            System.out.println(greeting);
            ```
            """);

    assertThat(checker.checkSnippets(page)).isEmpty();
  }

  @Test
  void acceptsAnIndentedBlockInAListItem() throws IOException {
    MarkdownPage page =
        page(
            """
            1. Say hello:

               <!-- snippet: ExampleTest#greet -->
               ```java
               String greeting = "hello";
               System.out.println(greeting);
               ```
            """);

    assertThat(checker.checkSnippets(page)).isEmpty();
  }

  @Test
  void leavesTheTagLinesOfNestedRegionsOutOfTheOuterRegion() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- snippet: ExampleTest#outer -->
            ```java
            int total = 0;
            total += 1;
            ```

            <!-- snippet: ExampleTest#inner -->
            ```java
            total += 1;
            ```
            """);

    assertThat(checker.checkSnippets(page)).isEmpty();
  }

  @Test
  void reportsADriftedBlockWithPageLineSourceRegionAndADiff() throws IOException {
    MarkdownPage page =
        page(
            """
            # Greeting

            <!-- snippet: ExampleTest#greet -->
            ```java
            String greeting = "hi";
            System.out.println(greeting);
            ```
            """);

    List<Problem> problems = checker.checkSnippets(page);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("page.md:4");
    assertThat(problems.get(0).message())
        .contains("differs from snippet ExampleTest#greet (src/ExampleTest.java:6-7)")
        .contains("--- source src/ExampleTest.java:6-7")
        .contains("+++ page page.md:4")
        .endsWith(
            "  @@ line 5 @@\n"
                + "  -String greeting = \"hello\";\n"
                + "  +String greeting = \"hi\";\n"
                + "   System.out.println(greeting);\n");
  }

  @Test
  void showsOnlyTheChangedLinesOfALongBlockWithTheirPageLines() throws IOException {
    Files.writeString(
        sources.resolve("LongTest.java"),
        """
        class LongTest {
          // tag::steps[]
          step(1);
          step(2);
          step(3);
          step(4);
          step(5);
          step(6);
          step(7);
          step(8);
          // end::steps[]
        }
        """);
    MarkdownPage page =
        page(
            """
            <!-- snippet: LongTest#steps -->
            ```java
            step(1);
            step(2);
            step(3);
            step(4);
            step(5);
            step(6);
            step(7);
            step(8);
            step(9);
            ```
            """);

    assertThat(checker.checkSnippets(page))
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .endsWith("  @@ line 9 @@\n   step(7);\n   step(8);\n  +step(9);\n");
  }

  @Test
  void reportsAJavaBlockWithoutMarker() throws IOException {
    MarkdownPage page =
        page(
            """
            Some text.

            ```java
            String greeting = "hello";
            ```

            ```bash
            mvn verify
            ```
            """);

    assertThat(checker.checkSnippets(page))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.location()).isEqualTo("page.md:3");
              assertThat(problem.message())
                  .startsWith("```java block has no snippet marker")
                  .contains("<!-- snippet: SomeTest#region -->");
            });
  }

  @Test
  void reportsAMarkerWhoseRegionIsMissing() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- snippet: ExampleTest#farewell -->
            ```java
            System.out.println("bye");
            ```
            """);

    assertThat(checker.checkSnippets(page))
        .singleElement()
        .hasToString(
            "page.md:2: snippet ExampleTest#farewell: src/ExampleTest.java has no region farewell"
                + " (no // tag::farewell[] ... // end::farewell[] pair); its regions are"
                + " [greet, outer, inner]");
  }

  @Test
  void reportsAMarkerWhoseClassIsMissing() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- snippet: NoSuchTest#greet -->
            ```java
            System.out.println("hello");
            ```
            """);

    assertThat(checker.checkSnippets(page))
        .singleElement()
        .hasToString("page.md:2: snippet NoSuchTest#greet: no NoSuchTest.java in src");
  }

  @Test
  void reportsMarkersThatAreMalformedOrNotFollowedByAJavaBlock() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- snippet ExampleTest#greet -->
            <!-- snippet: ExampleTest#greet -->
            A paragraph between marker and block.

            <!-- snippet: ExampleTest#greet -->
            ```xml
            <dependency/>
            ```
            """);

    assertThat(checker.checkSnippets(page))
        .extracting(Problem::toString)
        .containsExactly(
            "page.md:1: malformed snippet marker <!-- snippet ExampleTest#greet -->;"
                + " write <!-- snippet: SomeTest#region --> or <!-- snippet: imports -->",
            "page.md:2: snippet marker ExampleTest#greet is not immediately followed by a ```java"
                + " block",
            "page.md:5: snippet marker ExampleTest#greet is followed by a ```xml block, not a"
                + " ```java block");
  }

  @Test
  void reportsAFenceThatIsNeverClosed() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- snippet: ExampleTest#greet -->
            ```java
            String greeting = "hello";
            System.out.println(greeting);
            """);

    assertThat(checker.checkSnippets(page))
        .extracting(Problem::toString)
        .containsExactly("page.md:2: code fence ``` is never closed");
  }

  @Test
  void reportsRegionsNoPageQuotesAndTagsThatDoNotPairUp() throws IOException {
    Files.writeString(
        sources.resolve("BrokenTest.java"),
        """
        class BrokenTest {
          // tag::open[]
          // end::never-opened[]
        }
        """);
    MarkdownPage page =
        page(
            """
            <!-- snippet: ExampleTest#greet -->
            ```java
            String greeting = "hello";
            System.out.println(greeting);
            ```
            """);

    assertThat(checker.checkRegionsAreQuoted(List.of(page)))
        .extracting(Problem::toString)
        .containsExactly(
            "src/BrokenTest.java: line 3: end::never-opened[] has no tag::never-opened[] before it",
            "src/BrokenTest.java: line 2: tag::open[] has no end::open[]",
            "src/ExampleTest.java:12: region outer is quoted by no page; quote it with"
                + " <!-- snippet: ExampleTest#outer --> or remove its tags",
            "src/ExampleTest.java:14: region inner is quoted by no page; quote it with"
                + " <!-- snippet: ExampleTest#inner --> or remove its tags");
  }

  @Test
  void checksAnchorsAgainstTheHeadingsOfTheTargetPage() throws IOException {
    Files.writeString(
        root.resolve("other.md"),
        """
        # Other page
        ## 2. The task: one host, one client
        ## Command not found (exit 127)
        ## Command not found (exit 127)
        ```text
        # not a heading
        ```
        """);
    MarkdownPage page =
        page(
            """
            # Here
            [a](other.md#2-the-task-one-host-one-client) [b](other.md#command-not-found-exit-127-1)
            [c](#here) [d](other.md#not-a-heading) [e](#nowhere)
            """);

    assertThat(checker.checkLinks(page))
        .extracting(Problem::toString)
        .containsExactly(
            "page.md:3: link (other.md#not-a-heading) names an anchor that no heading of other.md"
                + " has; its anchors are [2-the-task-one-host-one-client,"
                + " command-not-found-exit-127, command-not-found-exit-127-1, other-page]",
            "page.md:3: link (#nowhere) names an anchor that no heading of page.md has; its anchors"
                + " are [here]");
  }

  @Test
  void reportsRelativeLinksToMissingFilesButNotUrlsOrCode() throws IOException {
    Files.writeString(root.resolve("exists.md"), "# here\n");
    MarkdownPage page =
        page(
            """
            See [this](exists.md#here), [that](missing.md) and [the web](https://example.org).
            Code: `map[key](x)`.

            [ref]: gone/away.md

            ```text
            [not a link](nowhere.md)
            ```
            """);

    assertThat(checker.checkLinks(page))
        .extracting(Problem::toString)
        .containsExactly(
            "page.md:1: link (missing.md) points to missing.md, which does not exist",
            "page.md:4: link (gone/away.md) points to gone/away.md, which does not exist");
  }

  @Test
  void importsBlockListsTheImportsTheQuotedRegionsUseWithClashesPerClass() throws IOException {
    Files.writeString(
        sources.resolve("MinaExampleTest.java"),
        """
        import static org.assertj.core.api.Assertions.assertThat;

        import java.time.Duration;
        import java.util.List;
        import org.apache.sshd.client.channel.ChannelExec;

        class MinaExampleTest {
          // tag::exec[]
          ChannelExec exec = open(Duration.ofSeconds(1));
          // end::exec[]
        }
        """);
    Files.writeString(
        sources.resolve("JschExampleTest.java"),
        """
        import com.jcraft.jsch.ChannelExec;
        import java.time.Duration;

        class JschExampleTest {
          // tag::exec[]
          ChannelExec exec = (ChannelExec) session.openChannel("exec");
          // end::exec[]
        }
        """);
    String examples =
        """

        <!-- snippet: MinaExampleTest#exec -->
        ```java
        ChannelExec exec = open(Duration.ofSeconds(1));
        ```

        <!-- snippet: JschExampleTest#exec -->
        ```java
        ChannelExec exec = (ChannelExec) session.openChannel("exec");
        ```
        """;
    MarkdownPage page =
        page(
            """
            <!-- snippet: imports -->
            ```java
            import java.time.Duration;

            // in MinaExampleTest.java:
            import org.apache.sshd.client.channel.ChannelExec;

            // in JschExampleTest.java:
            import com.jcraft.jsch.ChannelExec;
            ```
            """
                + examples);

    assertThat(checker.checkSnippets(page)).isEmpty();
    assertThat(checker.checkImportsShown(page)).isEmpty();
  }

  @Test
  void updateFillsAnImportsBlockAndAGuidePageWithoutOneIsReported() throws IOException {
    Files.writeString(
        sources.resolve("ListTest.java"),
        """
        import java.util.List;
        import java.util.Map;

        class ListTest {
          // tag::list[]
          List<String> names = List.of("web", "db");
          // end::list[]
        }
        """);
    String example =
        """
        <!-- snippet: ListTest#list -->
        ```java
        List<String> names = List.of("web", "db");
        ```
        """;
    MarkdownPage without = page(example);
    assertThat(checker.checkImportsShown(without))
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .startsWith("page.md:2: the page quotes examples without their imports but shows no");

    MarkdownPage empty = page("<!-- snippet: imports -->\n```java\n```\n\n" + example);
    assertThat(checker.checkSnippets(empty)).extracting(Problem::location).containsExactly("page.md:2");

    List<String> updated = checker.updated(empty, Files.readAllLines(empty.path()));
    assertThat(updated)
        .startsWith("<!-- snippet: imports -->", "```java", "import java.util.List;", "```");
    MarkdownPage filled = page(String.join("\n", updated) + "\n");
    assertThat(checker.checkSnippets(filled)).isEmpty();
    assertThat(checker.checkImportsShown(filled)).isEmpty();
  }

  @Test
  void checksThatABlockUnderAFileMarkerReadsExactlyAsTheFile() throws IOException {
    Files.createDirectories(root.resolve("scripts"));
    Files.writeString(root.resolve("scripts/check.sh"), "#!/bin/sh\necho PASS\n");
    MarkdownPage same =
        page(
            """
            <!-- file: scripts/check.sh -->
            ```bash
            #!/bin/sh
            echo PASS
            ```
            """);
    assertThat(checker.checkSnippets(same)).isEmpty();

    MarkdownPage drifted =
        page(
            """
            <!-- file: scripts/check.sh -->
            ```bash
            #!/bin/sh
            echo FAIL
            ```
            """);
    assertThat(checker.checkSnippets(drifted))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.location()).isEqualTo("page.md:2");
              assertThat(problem.message())
                  .startsWith("the block differs from scripts/check.sh, which it shows in full")
                  .endsWith("  -echo PASS\n  +echo FAIL\n");
            });
    assertThat(checker.updated(drifted, Files.readAllLines(drifted.path())))
        .containsExactly("<!-- file: scripts/check.sh -->", "```bash", "#!/bin/sh", "echo PASS", "```");
  }

  @Test
  void reportsFileMarkersThatNameNoFileOrSitAboveJavaOrNothing() throws IOException {
    MarkdownPage page =
        page(
            """
            <!-- file: missing.sh -->
            ```bash
            true
            ```

            <!-- file: Example.java -->
            ```java
            int x;
            ```

            <!-- file: lonely.sh -->
            Some text.
            """);

    assertThat(checker.checkSnippets(page))
        .extracting(Problem::toString)
        .containsExactly(
            "page.md:2: file marker missing.sh names missing.sh, which does not exist",
            "page.md:6: file marker Example.java is followed by a ```java block; Java examples"
                + " are snippets of compiled tests: <!-- snippet: SomeTest#region -->",
            "page.md:7: ```java block has no snippet marker; put <!-- snippet: SomeTest#region -->"
                + " on the line above it and the code between // tag::region[] and"
                + " // end::region[] in a compiled test under"
                + " docs/src/test/java/io/github/sshfaults/docs/guide/",
            "page.md:11: file marker lonely.sh is not immediately followed by a code block");
  }

  private MarkdownPage page(String text) throws IOException {
    return MarkdownPage.read(Files.writeString(root.resolve("page.md"), text));
  }
}
