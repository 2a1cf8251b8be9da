package io.github.sshfaults.docs.guide;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The places in the main sources of every module that raise a configuration error, found by
 * parsing the sources (JDK's compiler tree API, no guessing by regular expressions).
 *
 * <p>A site is one of:
 *
 * <ul>
 *   <li>a call of a validating method of {@code io.github.sshfaults.internal.Preconditions} other
 *       than {@code notNull} ({@code notBlank}, {@code inRange}, {@code positive}, {@code check},
 *       ...);
 *   <li>{@code throw new X(...)} where {@code X} is one of {@link #ERROR_TYPES};
 *   <li>either of these as {@code optional.orElseThrow(() -> ...)};
 *   <li>{@code throw factory(...)} where {@code factory} is a method, declared in the scanned
 *       sources, whose return type is one of {@link #ERROR_TYPES} ({@code misuse(...)}, {@code
 *       usage(...)}, {@code node.problem(...)}).
 * </ul>
 *
 * <p>A site's {@link Site#key() key} names its class, its method and its message with the parts
 * computed at run time shown as {@code …}, so it does not change when code moves; two sites with
 * the same key in one method are told apart by {@code #2}, {@code #3}.
 */
final class ConfigurationErrorSites {

  /** The exception types a configuration error is raised as. */
  static final Set<String> ERROR_TYPES =
      Set.of(
          "IllegalArgumentException",
          "IllegalStateException",
          "NullPointerException",
          "PlanException",
          "ExtensionConfigurationException",
          "ParameterResolutionException",
          "ParameterException",
          "TypeConversionException");

  private static final Set<String> CHECKS =
      Set.of(
          "notBlank",
          "notEmpty",
          "inRange",
          "positive",
          "notNegative",
          "probability",
          "check",
          "checkState");

  private static final String PRECONDITIONS = "io/github/sshfaults/internal/Preconditions.java";

  /** One place that raises a configuration error. */
  record Site(String key, String className, Path file, int firstLine, int lastLine) {

    boolean contains(StackTraceElement frame) {
      String topLevel = frame.getClassName().split("\\$", 2)[0];
      return topLevel.equals(className)
          && frame.getLineNumber() >= firstLine
          && frame.getLineNumber() <= lastLine;
    }

    /** Where to look, for failure messages: the file and line as IDEs link them. */
    String location(Path root) {
      return root.relativize(file) + ":" + firstLine;
    }
  }

  private final List<Site> sites;

  private ConfigurationErrorSites(List<Site> sites) {
    this.sites = List.copyOf(sites);
  }

  /** Every site in {@code <module>/src/main/java} of each module folder under {@code root}. */
  static ConfigurationErrorSites scan(Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(sources)) {
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("module-info.java"))
              .filter(p -> !p.toString().replace('\\', '/').endsWith(PRECONDITIONS))
              .sorted()
              .forEach(files::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, null, null)) {
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  fileManager,
                  null,
                  List.of("-proc:none"),
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files));
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      Set<String> factories = errorFactories(units);
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      List<Site> sites = new ArrayList<>();
      for (CompilationUnitTree unit : units) {
        sites.addAll(new UnitScanner(unit, positions, factories).scan());
      }
      return new ConfigurationErrorSites(sites);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Site> sites() {
    return sites;
  }

  /**
   * The sites that raised {@code error} and its causes, outermost first: for each exception of the
   * chain whose stack passes through a site, the innermost frame that lies in one. A wrapper that
   * adds where (a plan file's line, an option's name) to a message from deeper down shows both
   * sites.
   */
  List<Raised> raisers(Throwable error) {
    List<Raised> raised = new ArrayList<>();
    for (Throwable t = error; t != null; t = t.getCause()) {
      find:
      for (StackTraceElement frame : t.getStackTrace()) {
        for (Site site : sites) {
          if (site.contains(frame)) {
            raised.add(new Raised(site, t));
            break find;
          }
        }
      }
    }
    return raised;
  }

  /** A site and the exception it raised. */
  record Raised(Site site, Throwable error) {}

  private static Set<String> errorFactories(List<CompilationUnitTree> units) {
    Set<String> names = new HashSet<>();
    for (CompilationUnitTree unit : units) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree method, Void unused) {
          Tree returned = method.getReturnType();
          if (returned != null && ERROR_TYPES.contains(simpleName(returned.toString()))) {
            names.add(method.getName().toString());
          }
          return super.visitMethod(method, unused);
        }
      }.scan(unit, null);
    }
    return names;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static final class UnitScanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final Set<String> factories;
    private final LineMap lines;
    private final String className;
    private final Path file;
    private final Deque<String> classes = new ArrayDeque<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<Site> found = new ArrayList<>();

    UnitScanner(CompilationUnitTree unit, SourcePositions positions, Set<String> factories) {
      this.unit = unit;
      this.positions = positions;
      this.factories = factories;
      this.lines = unit.getLineMap();
      this.file = Path.of(unit.getSourceFile().toUri());
      String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
      this.className =
          unit.getPackageName() == null ? simple : unit.getPackageName() + "." + simple;
    }

    List<Site> scan() {
      scan(unit, null);
      return found;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      classes.push(tree.getSimpleName().toString());
      try {
        return super.visitClass(tree, unused);
      } finally {
        classes.pop();
      }
    }

    @Override
    public Void visitThrow(ThrowTree tree, Void unused) {
      raised(tree, "throw ", tree.getExpression());
      return super.visitThrow(tree, unused);
    }

    private void raised(Tree site, String how, ExpressionTree expression) {
      ExpressionTree thrown = strip(expression);
      if (thrown instanceof NewClassTree created
          && ERROR_TYPES.contains(simpleName(created.getIdentifier().toString()))) {
        add(
            site,
            how
                + "new "
                + simpleName(created.getIdentifier().toString())
                + arguments(created.getArguments()));
      } else if (thrown instanceof MethodInvocationTree call
          && factories.contains(methodName(call))) {
        add(site, how + methodName(call) + arguments(call.getArguments()));
      }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      String name = methodName(call);
      String select = call.getMethodSelect().toString();
      // optional.orElseThrow(() -> new IllegalArgumentException(...)) raises as a throw does.
      if (name.equals("orElseThrow")
          && call.getArguments().size() == 1
          && call.getArguments().get(0) instanceof LambdaExpressionTree lambda
          && lambda.getBody() instanceof ExpressionTree body) {
        raised(call, "orElseThrow ", body);
      }
      if (CHECKS.contains(name)
          && (select.equals(name) || select.equals("Preconditions." + name))) {
        add(call, name + arguments(call.getArguments()));
      }
      return super.visitMethodInvocation(call, unused);
    }

    private void add(Tree tree, String what) {
      String key = enclosing() + ": " + what;
      int occurrence = seen.merge(key, 1, Integer::sum);
      if (occurrence > 1) {
        key += " #" + occurrence;
      }
      found.add(
          new Site(
              key,
              className,
              file,
              (int) lines.getLineNumber(positions.getStartPosition(unit, tree)),
              (int) lines.getLineNumber(positions.getEndPosition(unit, tree))));
    }

    private String enclosing() {
      List<String> names = new ArrayList<>(classes);
      java.util.Collections.reverse(names);
      String method = "";
      for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
        if (path.getLeaf() instanceof MethodTree m) {
          method = m.getName().contentEquals("<init>") ? "new" : m.getName().toString();
          break;
        }
      }
      return String.join(".", names) + (method.isEmpty() ? "" : "." + method);
    }
  }

  private static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    return select instanceof MemberSelectTree member
        ? member.getIdentifier().toString()
        : select.toString();
  }

  private static ExpressionTree strip(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree parenthesized) {
      tree = parenthesized.getExpression();
    }
    return tree;
  }

  /** The arguments with their text kept and everything computed shown as {@code …}. */
  private static String arguments(List<? extends ExpressionTree> arguments) {
    return arguments.stream()
        .map(ConfigurationErrorSites::template)
        .map(t -> t.equals("…") ? t : '"' + t + '"')
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String template(ExpressionTree tree) {
    tree = strip(tree);
    if (tree instanceof LiteralTree literal && literal.getValue() instanceof String text) {
      return text;
    }
    if (tree instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
      String joined = template(binary.getLeftOperand()) + template(binary.getRightOperand());
      return joined.replaceAll("(…)+", "…");
    }
    return "…";
  }

  /** Keys in scanning order, for messages that list sites. */
  Map<String, Site> byKey() {
    Map<String, Site> byKey = new LinkedHashMap<>();
    sites.forEach(site -> byKey.put(site.key(), site));
    return byKey;
  }
}
