package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.sshfaults.docs.guide.ConfigurationErrorSites.Raised;
import io.github.sshfaults.docs.guide.ConfigurationErrorSites.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the table of configuration errors in {@code docs/guide/configuration-errors.md} true: each
 * row's error is provoked through the public API (or the plan loader, or the standalone server's
 * option parser), and the page's table must be exactly what these rows render with the messages
 * the library gives today. And every place in the main sources that raises a configuration error
 * must have a row, or be listed in {@link ConfigurationErrorRows#NOT_CONFIGURATION_ERRORS} with
 * the reason it is not one.
 *
 * <h2>How to add a row</h2>
 *
 * <p>{@link #everyConfigurationErrorHasARow()} names each site without a row by its key, such as
 * {@code Condition.AtMost.new: positive(…, "maximum number of firings")} (class, method, and the
 * check with its message's fixed text, {@code …} for what is computed), and its file and line.
 * A row covers every site its error passes through: the error itself and the causes it wraps (a
 * plan file's error around the Java API's). For each site without a row:
 *
 * <ol>
 *   <li>In {@link ConfigurationErrorRows}, in the {@code add...Rows()} method of the area the call
 *       belongs to (a new area: a new method, called from the one before), add {@code row(where,
 *       whatIsWrong, fix, () -> callThatFails())}, with the call written the way users write it;
 *       {@code plan(where, whatIsWrong, fix, yaml)} for a plan file, {@code server(where,
 *       whatIsWrong, fix, args...)} for the standalone server's options, {@code junit(where,
 *       whatIsWrong, fix, TestClass.class)} for an annotation misused by a nested test class
 *       tagged {@code test-kit-only}. Add {@code .with("<placeholder>", "bad value")} for each
 *       part of the message that repeats the user's input, and {@code .matching("<placeholder>",
 *       regex)} for parts that vary from run to run (ports, paths): the table shows the
 *       placeholder instead.
 *   <li>Regenerate the page's table: {@code mvn -o -pl docs -am verify
 *       -Dtest=ConfigurationErrorsTest -Dsurefire.failIfNoSpecifiedTests=false
 *       -Dsshfaults.docs.update=true}, and review its diff.
 *   <li>If the error is not a configuration error (an internal invariant, a closed host, a
 *       failure at run time), add its key to {@code NOT_CONFIGURATION_ERRORS} with the reason.
 * </ol>
 *
 * <p>Site keys name the class, the method and the message's fixed text, not line numbers, so
 * moving code does not disturb them; a changed message or a renamed method changes the key, and
 * the test then names both the new site and the stale exclusion.
 */
class ConfigurationErrorsTest {

  private static final Path DOCS_MODULE =
      Path.of(System.getProperty("sshfaults.docs.dir", System.getProperty("user.dir")))
          .toAbsolutePath()
          .normalize();
  private static final Path PROJECT_ROOT = DOCS_MODULE.getParent();
  private static final Path PAGE = DOCS_MODULE.resolve("guide/configuration-errors.md");
  private static final String BEGIN = "<!-- configuration-errors:begin -->";
  private static final String END = "<!-- configuration-errors:end -->";

  private static ConfigurationErrorSites sites;
  private static Map<ConfigurationErrorRows.Row, List<Raised>> raised;
  private static List<String> rowProblems;
  private static Map<ConfigurationErrorRows.Row, Throwable> thrown;

  @BeforeAll
  static void provokeEveryRow() throws Exception {
    sites = ConfigurationErrorSites.scan(PROJECT_ROOT);
    raised = new LinkedHashMap<>();
    rowProblems = new ArrayList<>();
    thrown = new LinkedHashMap<>();
    try (ConfigurationErrorRows rows = new ConfigurationErrorRows()) {
      for (ConfigurationErrorRows.Row row : rows.rows()) {
        try {
          Throwable error = row.provoke();
          List<Raised> by = sites.raisers(error);
          if (by.isEmpty()) {
            throw new AssertionError("raised an error at no site the scan knows: " + error, error);
          }
          row.message(by.get(0).error(), error);
          thrown.put(row, error);
          raised.put(row, by);
        } catch (AssertionError problem) {
          rowProblems.add(row.where() + " (" + row.wrong() + "): " + problem.getMessage());
        }
      }
    }
  }

  @Test
  void eachRowRaisesItsError() {
    assertThat(rowProblems).as("rows whose call does not raise the error they document").isEmpty();
  }

  @Test
  void tableInTheGuideShowsTheMessagesTheLibraryGives() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertThat(begin).as("%s has %s", PAGE, BEGIN).isNotNegative();
    assertThat(end).as("%s has %s after %s", PAGE, END, BEGIN).isGreaterThan(begin);
    String expected = render();
    String actual = page.substring(begin + BEGIN.length(), end);
    if (!actual.equals(expected) && Boolean.getBoolean("sshfaults.docs.update")) {
      Files.writeString(
          PAGE,
          page.substring(0, begin + BEGIN.length()) + expected + page.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual)
        .as(
            "The table in %s differs from the messages the library gives (left: page, right: the"
                + " library). Rerun with -Dsshfaults.docs.update=true to rewrite it, and review"
                + " the diff.%n%s",
            PAGE, difference(actual, expected))
        .isEqualTo(expected);
  }

  @Test
  void everyConfigurationErrorHasARow() {
    Set<String> covered = new LinkedHashSet<>();
    raised.values().forEach(chain -> chain.forEach(r -> covered.add(r.site().key())));
    Map<String, String> excluded = ConfigurationErrorRows.NOT_CONFIGURATION_ERRORS;
    Map<String, Site> byKey = sites.byKey();
    List<String> problems = new ArrayList<>();
    for (Site site : sites.sites()) {
      if (!covered.contains(site.key()) && !excluded.containsKey(site.key())) {
        problems.add(
            "no row for the configuration error at "
                + site.location(PROJECT_ROOT)
                + "\n    key: "
                + site.key());
      }
    }
    for (String key : excluded.keySet()) {
      if (!byKey.containsKey(key)) {
        problems.add(
            "NOT_CONFIGURATION_ERRORS names a site that no longer exists (remove it, or update"
                + " it to the site's new key):\n    key: "
                + key);
      } else if (covered.contains(key)) {
        problems.add(
            "NOT_CONFIGURATION_ERRORS names a site that has a row (remove it):\n    key: " + key);
      }
    }
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " problem(s) with the table of configuration errors:\n  "
              + String.join("\n  ", problems)
              + "\n\nFor each site without a row: in ConfigurationErrorRows, add a row to the"
              + " add...Rows() method of its area whose call provokes the error through the public"
              + " API, a plan file, a server option or an annotation (see ConfigurationErrorsTest's"
              + " Javadoc), then run this test with -Dsshfaults.docs.update=true to write the row"
              + " into docs/guide/configuration-errors.md and review the diff; or, if it is not a"
              + " configuration error, add its key, exactly as printed, with the reason to"
              + " ConfigurationErrorRows.NOT_CONFIGURATION_ERRORS.");
    }
  }

  @Test
  void eachRowShowsAnErrorNoOtherRowShows() {
    Map<String, List<String>> rowsBySites = new TreeMap<>();
    raised.forEach(
        (row, chain) ->
            rowsBySites
                .computeIfAbsent(
                    chain.stream().map(r -> r.site().key()).collect(Collectors.joining(" <- ")),
                    k -> new ArrayList<>())
                .add(row.where() + " (" + row.wrong() + ")"));
    rowsBySites.values().removeIf(rows -> rows.size() == 1);
    assertThat(rowsBySites)
        .as("sites whose error more than one row provokes; give each row an error of its own")
        .isEmpty();
  }

  private static String difference(String page, String library) {
    List<String> pageLines = page.lines().toList();
    List<String> libraryLines = library.lines().toList();
    StringBuilder text = new StringBuilder();
    pageLines.stream()
        .filter(line -> !libraryLines.contains(line))
        .forEach(line -> text.append("only on the page:   ").append(line).append('\n'));
    libraryLines.stream()
        .filter(line -> !pageLines.contains(line))
        .forEach(line -> text.append("only from the code: ").append(line).append('\n'));
    return text.toString();
  }

  private static String render() {
    StringBuilder text = new StringBuilder("\n");
    String area = null;
    for (Map.Entry<ConfigurationErrorRows.Row, List<Raised>> entry : raised.entrySet()) {
      ConfigurationErrorRows.Row row = entry.getKey();
      if (!row.area().equals(area)) {
        area = row.area();
        text.append("\n### ")
            .append(area)
            .append("\n\n")
            .append("| Where | What is wrong | Message | Fix |\n")
            .append("|---|---|---|---|\n");
      }
      text.append("| ")
          .append(cell(row.where()))
          .append(" | ")
          .append(cell(row.wrong()))
          .append(" | ")
          .append(code(row.message(entry.getValue().get(0).error(), thrown.get(row))))
          .append(" | ")
          .append(cell(row.fix()))
          .append(" |\n");
    }
    return text.append('\n').toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + padding + cell(text) + padding + fence;
  }
}
