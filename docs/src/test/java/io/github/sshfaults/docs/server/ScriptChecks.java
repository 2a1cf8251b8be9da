package io.github.sshfaults.docs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A proof script's report as tests: it prints {@code PASS name} or {@code FAIL name: why} per
 * check; each expected check becomes a test, and one more test fails when the script reported
 * other checks or left one out, so that a script cannot pass by skipping.
 */
final class ScriptChecks {

  private ScriptChecks() {}

  static Stream<DynamicTest> of(Tools.Run run, List<String> expected) {
    List<String> reported = new ArrayList<>();
    for (String line : run.stdout()) {
      if (line.startsWith("PASS ") || line.startsWith("FAIL ")) {
        reported.add(line.substring(5).replaceFirst(":.*", ""));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        dynamicTest(
            "reports every check",
            () -> {
              assertThat(reported)
                  .as("the checks the script reported; it printed %s and on stderr %s",
                      run.stdout(), run.stderr())
                  .containsExactlyElementsOf(expected);
              assertThat(run.exitCode())
                  .as("its exit code")
                  .isEqualTo(run.stdout().stream().anyMatch(l -> l.startsWith("FAIL ")) ? 1 : 0);
            }));
    for (String check : expected) {
      tests.add(
          dynamicTest(
              check,
              () -> {
                Optional<String> line =
                    run.stdout().stream()
                        .filter(l -> l.equals("PASS " + check) || l.startsWith("FAIL " + check))
                        .findFirst();
                if (line.isEmpty()) {
                  fail("the script did not report " + check + "; it printed " + run.stdout()
                      + " and on stderr " + run.stderr());
                }
                if (!line.get().equals("PASS " + check)) {
                  fail(line.get() + "\nstderr of the script and server: " + run.stderr());
                }
              }));
    }
    return tests.stream();
  }
}
