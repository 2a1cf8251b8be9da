package io.github.sshfaults.sshd.internal.plan;

import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.CommandStubbing;
import io.github.sshfaults.sshd.Shell;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a scripted shell of a plan file, in the words of {@link Shell}'s calls:
 *
 * <pre>
 * shell:
 *   prompt: "router&gt; "                    # Shell.prompt, the only field required
 *   motd: "Welcome to router-1\n"          # withMotd
 *   lines:                                 # line, line-glob or line-matching, as commands
 *     - line: show version
 *       stdout: "Version 15.2\n"
 *   unknown-line: "% Unknown command\n"    # withUnknownLine
 *   exit-lines: [exit, logout]             # withExitLines
 *   echo: false                            # withEcho
 *   host-commands: false                   # false: withoutHostCommands
 *   paging: 24                             # withPaging; more: " --More-- " for its marker
 *   paging-off-lines: [terminal length 0]  # withPagingOffLines
 *   password: s3cret                       # withPassword, with password-prompt, password-refusal
 *   return-lines: [disable]                # withReturnLines, for a mode
 *   modes:                                 # withMode: the line that enters it, then its shell
 *     enable: {prompt: "router# ", password: s3cret}
 * </pre>
 *
 * Every problem fails with a {@link PlanException} naming the field.
 */
final class ShellPlans {

  private static final String LINES = "lines";
  private static final String MODES = "modes";
  private static final String PAGING = "paging";
  private static final String MORE = "more";
  private static final Set<String> FIELDS =
      Set.of(
          "prompt",
          "motd",
          LINES,
          "unknown-line",
          "exit-lines",
          "echo",
          "host-commands",
          PAGING,
          MORE,
          "paging-off-lines",
          "password",
          "password-prompt",
          "password-refusal",
          "return-lines",
          MODES);
  private static final Map<String, Function<Shell, Function<String, CommandStubbing<Shell>>>>
      MATCHERS =
          Map.of(
              "line", shell -> shell::line,
              "line-glob", shell -> shell::lineGlob,
              "line-matching", shell -> shell::lineMatching);
  private static final Set<String> REPLY = Set.of("stdout", "stderr", "exit-code");

  private ShellPlans() {}

  /** The shell {@code node} describes. */
  static Shell read(PlanNode node) {
    Map<String, PlanNode> fields = node.mapping(FIELDS);
    PlanNode promptNode = fields.get("prompt");
    if (promptNode == null) {
      throw node.problem("a shell needs a prompt, such as prompt: \"router> \"");
    }
    Shell shell = apply(promptNode, null, (s, text) -> Shell.prompt(text), promptNode.string());
    shell = text(fields, "motd", shell, Shell::withMotd);
    shell = text(fields, "unknown-line", shell, Shell::withUnknownLine);
    shell = lines(fields, "exit-lines", shell, Shell::withExitLines);
    shell = lines(fields, "return-lines", shell, Shell::withReturnLines);
    shell = lines(fields, "paging-off-lines", shell, Shell::withPagingOffLines);
    shell = text(fields, "password", shell, Shell::withPassword);
    shell = text(fields, "password-prompt", shell, Shell::withPasswordPrompt);
    shell = text(fields, "password-refusal", shell, Shell::withPasswordRefusal);
    Optional<PlanNode> echo = Optional.ofNullable(fields.get("echo"));
    if (echo.isPresent()) {
      shell = shell.withEcho(echo.get().bool());
    }
    Optional<PlanNode> hostCommands = Optional.ofNullable(fields.get("host-commands"));
    if (hostCommands.isPresent() && !hostCommands.get().bool()) {
      shell = shell.withoutHostCommands();
    }
    PlanNode paging = fields.get(PAGING);
    PlanNode more = fields.get(MORE);
    if (more != null && paging == null) {
      throw more.problem("more is the marker of paging: give paging: <lines per page> too");
    }
    if (paging != null) {
      int pageLines = (int) paging.wholeNumber(0, 100_000);
      Shell paged = shell;
      shell =
          more == null
              ? apply(paging, paged, (s, n) -> s.withPaging(pageLines), "")
              : apply(more, paged, (s, text) -> s.withPaging(pageLines, text), more.string());
    }
    PlanNode lines = fields.get(LINES);
    if (lines != null) {
      for (PlanNode stub : lines.list()) {
        shell = stub(shell, stub);
      }
    }
    PlanNode modes = fields.get(MODES);
    if (modes != null) {
      for (Map.Entry<String, PlanNode> mode : modes.mapping(null).entrySet()) {
        Shell entered = read(mode.getValue());
        Shell outer = shell;
        shell =
            apply(mode.getValue(), outer, (s, line) -> s.withMode(line, entered), mode.getKey());
      }
    }
    return shell;
  }

  private static Shell stub(Shell shell, PlanNode node) {
    Set<String> allowed = new TreeSet<>(REPLY);
    allowed.addAll(MATCHERS.keySet());
    Map<String, PlanNode> fields = node.mapping(allowed);
    List<String> matchers = fields.keySet().stream().filter(MATCHERS::containsKey).toList();
    if (matchers.size() != 1) {
      throw node.problem(
          "expected exactly one of line, line-glob, line-matching (what the stub answers), but"
              + " found "
              + (matchers.isEmpty() ? "none" : String.join(" and ", matchers)));
    }
    String matcher = matchers.get(0);
    PlanNode pattern = fields.get(matcher);
    CommandResult result =
        CommandResult.success(string(fields, "stdout"))
            .withStderr(string(fields, "stderr"))
            .withExitCode(
                Optional.ofNullable(fields.get("exit-code"))
                    .map(n -> (int) n.wholeNumber(0, CommandResult.MAX_EXIT_CODE))
                    .orElse(0));
    return apply(
        pattern,
        shell,
        (s, text) -> MATCHERS.get(matcher).apply(s).apply(text).replies(result),
        pattern.string());
  }

  private static String string(Map<String, PlanNode> fields, String key) {
    return Optional.ofNullable(fields.get(key)).map(PlanNode::string).orElse("");
  }

  private static Shell text(
      Map<String, PlanNode> fields,
      String key,
      Shell shell,
      BiFunction<Shell, String, Shell> call) {
    PlanNode node = fields.get(key);
    return node == null ? shell : apply(node, shell, call::apply, node.string());
  }

  private static Shell lines(
      Map<String, PlanNode> fields,
      String key,
      Shell shell,
      BiFunction<Shell, String[], Shell> call) {
    PlanNode node = fields.get(key);
    if (node == null) {
      return shell;
    }
    String[] lines = node.list().stream().map(PlanNode::string).toArray(String[]::new);
    try {
      return call.apply(shell, lines);
    } catch (IllegalArgumentException e) {
      throw node.problem(e.getMessage(), e);
    }
  }

  /** A call of {@link Shell} whose bad value is reported at {@code node}. */
  @FunctionalInterface
  private interface Call {
    Shell apply(Shell shell, String value);
  }

  private static Shell apply(PlanNode node, Shell shell, Call call, String value) {
    try {
      return call.apply(shell, value);
    } catch (IllegalArgumentException e) {
      throw node.problem(e.getMessage(), e);
    }
  }
}
