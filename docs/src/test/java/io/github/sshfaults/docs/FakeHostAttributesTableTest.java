package io.github.sshfaults.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.FakeHost;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JUnit lifecycle page's table of {@code @FakeHost} attributes lists every attribute the
 * annotation has, and no other: users read it as the whole list (it once lacked {@code seed}).
 */
class FakeHostAttributesTableTest {

  private static final Path PROJECT_ROOT =
      Path.of(System.getProperty("sshfaults.docs.dir", ".")).toAbsolutePath().normalize().getParent();

  private static final Pattern ROW = Pattern.compile("(?m)^\\| `(\\w+)` \\|");

  @Test
  void listsEveryAttributeOfFakeHost() throws IOException {
    String page = Files.readString(PROJECT_ROOT.resolve("docs/guide/junit-lifecycle.md"));
    String table = page.substring(page.indexOf("| attribute | default | what |"));
    table = table.substring(0, table.indexOf("\n\n"));

    List<String> rows = ROW.matcher(table).results().map(row -> row.group(1)).toList();

    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(FakeHost.class.getDeclaredMethods()).map(Method::getName).toList());
  }
}
