package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's demo prints what the README says it prints. How long it takes is a benchmark's
 * figure, not this test's: a wall-clock bound here failed on a loaded machine.
 */
class DemoTest {

  @Test
  void printsProgressOutcomesJournalsAndAnIdenticalReplay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean replayMatched;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      replayMatched = Demo.run(out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(replayMatched).as(printed).isTrue();
    // Progress, printed by the tasks themselves from their worker threads.
    assertThat(printed)
        .containsPattern("sshfaults-demo-\\d+-worker-\\d+  web-1 connecting")
        .containsPattern("sshfaults-demo-\\d+-worker-\\d+  web-1 ok")
        .containsPattern("sshfaults-demo-\\d+-worker-\\d+  web-2 failed: AUTH");
    // The outcome table, each host classified.
    assertThat(printed)
        .contains(
            "6 tasks, 2 succeeded, 4 failed (AUTH 1, CONNECT_REFUSED 1, DISCONNECTED 2), 0 hung")
        .containsPattern("(?m)^web-1 +\\| ok +\\| +\\| exit 0")
        .containsPattern("(?m)^web-2 +\\| failed +\\| AUTH +\\| SshException: No more authentication")
        .containsPattern("(?m)^web-3 +\\| failed +\\| CONNECT_REFUSED ")
        .containsPattern("(?m)^web-4 +\\| failed +\\| DISCONNECTED ")
        .containsPattern("(?m)^web-5 +\\| ok ")
        // MINA's words by timing: its key exchange may cross the FIN and meet the RST.
        .containsPattern(
            "(?m)^web-6 +\\| failed +\\| DISCONNECTED +\\| "
                + "(SshException: Session is (being )?closed"
                + "|IOException: (Broken pipe|Connection reset by peer) \\(in SshException)");
    // What each journal saw.
    assertThat(printed)
        .contains("web-1  1 connection, 1 logged in, ran uptime (exit 0)")
        .contains("web-2  1 connection, 0 logged in, 1 refused (password: wrong password)")
        .contains("web-3  0 connections, 0 logged in")
        .contains(
            "web-4  1 connection, 1 logged in; dropped the connection (FIN) after authentication"
                + " on connection 1")
        .contains("web-5  1 connection, 1 logged in, ran uptime (exit 0); delayed the banner by")
        .contains(
            "web-6  1 connection, 0 logged in; dropped the connection (FIN) before the banner on"
                + " connection 1");
    // The replay: the same faults on the same connections.
    String pattern = "1:dropped 2:dropped 3:ok 4:dropped 5:ok 6:ok 7:ok 8:ok 9:ok 10:ok";
    assertThat(printed)
        .contains("web-6        seed " + Demo.FLAKY_SEED + ": " + pattern)
        .contains("web-6-replay seed " + Demo.FLAKY_SEED + ": " + pattern)
        .contains("Same seed, same faults on the same connections");
    // The README shows part of the table, as the demo prints it (thread and time left out).
    for (String row : readmeSampleRows()) {
      if (row.startsWith("web-6 ")) {
        continue; // its words depend on timing: checked by the pattern above
      }
      assertThat(tableRows(printed)).as("the README's sample row").contains(row);
    }
  }

  /** The README's sample table, a row per line, without its header. */
  private static List<String> readmeSampleRows() {
    try {
      Path readme =
          Path.of(System.getProperty("sshfaults.docs.dir", ".")).toAbsolutePath().getParent()
              .resolve("README.md");
      String text = Files.readString(readme);
      int start = text.indexOf("```text\ntarget | outcome");
      List<String> rows = new ArrayList<>();
      for (String line : text.substring(start).split("\n")) {
        if (line.startsWith("web-")) {
          rows.add(line.strip());
        } else if (line.equals("...")) {
          break;
        }
      }
      assertThat(rows).as("rows of the README's sample table").hasSize(6);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The printed table's rows, the first four columns only, as the README shows them. */
  private static List<String> tableRows(String printed) {
    List<String> rows = new ArrayList<>();
    for (String line : printed.split("\n")) {
      if (line.startsWith("web-") && line.contains(" | ")) {
        String[] columns = line.split(" \\| ");
        rows.add(String.join(" | ", Arrays.asList(columns).subList(0, 4)).strip());
      }
    }
    return rows;
  }
}
