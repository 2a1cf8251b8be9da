package io.github.sshfaults.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExportsTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.ModuleTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public or protected type, method, constructor, field and enum constant of a package that a
 * published module exports has a Javadoc comment right above it (annotations may stand between),
 * Our release build runs doclint without its "missing comment" check, which would also demand
 * {@code @param} and {@code @return} everywhere; this is the part of it we keep. Exempt: methods
 * annotated {@code @Override}, which inherit their comment, record components (documented with
 * {@code @param} on the record), and what is not visible outside its package (members of
 * package-private types, private members). A public class that declares no constructor has an
 * undocumented public one: declare it, with a comment, or make it private. The exported packages
 * are read from each module's {@code module-info.java}.
 */
class ApiJavadocTest {

  @TestFactory
  Stream<DynamicTest> everyApiDeclarationHasAJavadocComment() {
    return PublishedModules.ALL.stream()
        .map(
            module ->
                dynamicTest(
                    module.artifactId(),
                    () -> {
                      List<String> missing =
                          undocumented(module.sources(), PublishedModules.PROJECT_ROOT);
                      if (!missing.isEmpty()) {
                        fail(
                            module.artifactId()
                                + ": "
                                + missing.size()
                                + " API declarations without a Javadoc comment:\n  "
                                + String.join("\n  ", missing));
                      }
                    }));
  }

  @Test
  void namesEachUndocumentedDeclarationOfAnExportedPackage(@TempDir Path sources)
      throws IOException {
    write(
        sources.resolve("module-info.java"),
        "module sample { exports sample.api; exports sample.spi to other; }");
    write(
        sources.resolve("sample/api/Sample.java"),
        """
        package sample.api;

        public class Sample {
          public static final int LIMIT = 3;
          /** Documented. */
          public static final int DOCUMENTED = 4;
          protected String name;
          int packagePrivate;
          private int hidden;

          public Sample(String name) {}

          public void run() {}

          /** Documented, with an annotation between. */
          @Deprecated
          public void old() {}

          @Override
          public String toString() {
            return new Object() {
              public String inAnonymousClass() {
                return "";
              }
            }.toString();
          }

          void packagePrivateMethod() {}

          public enum Color {
            /** Documented. */
            RED,
            GREEN;

            /** Documented. */
            public static Color of(String name) {
              return RED;
            }
          }

          /** Documented. */
          public interface Callback {
            void call();

            /** Documented. */
            default void twice() {}

            private void helper() {}
          }

          /** Documented. */
          public @interface Marker {
            String value();
          }

          /**
           * Documented.
           *
           * @param size documented with the record
           */
          public record Size(int size) {
            public Size {}
          }

          private static class Hidden {
            public void notApi() {}
          }
        }
        """);
    write(
        sources.resolve("sample/api/NoConstructor.java"),
        "package sample.api;\n\n/** D. */\npublic class NoConstructor {}\n");
    write(
        sources.resolve("sample/api/Internal.java"),
        "package sample.api;\n\nclass Internal {\n  public void notApi() {}\n}\n");
    write(
        sources.resolve("sample/spi/Qualified.java"),
        "package sample.spi;\n\npublic class Qualified {}\n");

    assertEquals(
        List.of(
            "sample/api/NoConstructor.java:4: class NoConstructor has an implicit public"
                + " constructor: declare it with a comment, or privately",
            "sample/api/Sample.java:3: class Sample",
            "sample/api/Sample.java:4: field LIMIT",
            "sample/api/Sample.java:7: field name",
            "sample/api/Sample.java:11: constructor Sample(String)",
            "sample/api/Sample.java:13: method run()",
            "sample/api/Sample.java:30: enum Color",
            "sample/api/Sample.java:33: enum constant GREEN",
            "sample/api/Sample.java:43: method call()",
            "sample/api/Sample.java:53: method value()",
            "sample/api/Sample.java:62: constructor Size(int)"),
        undocumented(sources, sources));
  }

  /**
   * Each public or protected declaration without a Javadoc comment in the packages that the {@code
   * module-info.java} under {@code sources} exports to everybody, as {@code file:line: what}, files
   * relative to {@code relativeTo}, in file and line order.
   */
  static List<String> undocumented(Path sources, Path relativeTo) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      JavacTask task =
          (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null, units);
      List<CompilationUnitTree> parsed = new ArrayList<>();
      task.parse().forEach(parsed::add);
      DocTrees docTrees = DocTrees.instance(task);
      Set<String> exported = exportedPackages(sources, parsed);
      List<String> missing = new ArrayList<>();
      for (CompilationUnitTree unit : parsed) {
        if (unit.getPackage() != null && exported.contains(unit.getPackageName().toString())) {
          String file = relativeTo.relativize(Path.of(unit.getSourceFile().toUri())).toString();
          new Finder(docTrees, unit, file.replace('\\', '/'), missing).scan(unit, null);
        }
      }
      return missing;
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** The packages {@code module-info.java} exports to everybody. */
  private static Set<String> exportedPackages(Path sources, List<CompilationUnitTree> parsed) {
    ModuleTree declaration =
        parsed.stream()
            .map(CompilationUnitTree::getModule)
            .filter(tree -> tree != null)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no module-info.java in " + sources));
    return declaration.getDirectives().stream()
        .filter(directive -> directive instanceof ExportsTree)
        .map(directive -> (ExportsTree) directive)
        .filter(exports -> exports.getModuleNames() == null || exports.getModuleNames().isEmpty())
        .map(exports -> exports.getPackageName().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Walks one compilation unit and notes each visible declaration without a comment. */
  private static final class Finder extends TreePathScanner<Void, Void> {
    private final DocTrees docTrees;
    private final CompilationUnitTree unit;
    private final String file;
    private final List<String> missing;

    Finder(DocTrees docTrees, CompilationUnitTree unit, String file, List<String> missing) {
      this.docTrees = docTrees;
      this.unit = unit;
      this.file = file;
      this.missing = missing;
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (!isVisible(type.getModifiers(), getCurrentPath())) {
        return null; // nothing inside a hidden type is API
      }
      require(
          type.getKind().toString().toLowerCase().replace('_', ' ') + " " + type.getSimpleName());
      boolean declaresConstructor =
          type.getMembers().stream()
              .anyMatch(
                  member ->
                      member instanceof MethodTree method
                          && method.getName().contentEquals("<init>"));
      if (type.getKind() == Tree.Kind.CLASS
          && !declaresConstructor
          && !type.getModifiers().getFlags().contains(Modifier.ABSTRACT)) {
        missing.add(
            position(type)
                + ": class "
                + type.getSimpleName()
                + " has an implicit public constructor: declare it with a comment, or privately");
      }
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      if (isVisible(method.getModifiers(), getCurrentPath()) && !isOverride(method)) {
        boolean constructor = method.getName().contentEquals("<init>");
        require(
            (constructor ? "constructor " + enclosingName() : "method " + method.getName())
                + "("
                + method.getParameters().stream()
                    .map(parameter -> parameter.getType().toString())
                    .collect(Collectors.joining(", "))
                + ")");
      }
      return null; // local and anonymous classes are not API
    }

    @Override
    public Void visitVariable(VariableTree field, Void unused) {
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      if (parent instanceof ClassTree owner && isVisibleField(field, owner)) {
        require((isEnumConstant(field) ? "enum constant " : "field ") + field.getName());
      }
      return null;
    }

    private void require(String what) {
      DocCommentTree comment = docTrees.getDocCommentTree(getCurrentPath());
      if (comment == null) {
        missing.add(position(getCurrentPath().getLeaf()) + ": " + what);
      }
    }

    private String position(Tree tree) {
      long line =
          unit.getLineMap()
              .getLineNumber(docTrees.getSourcePositions().getStartPosition(unit, tree));
      return file + ":" + line;
    }

    private String enclosingName() {
      return ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName().toString();
    }

    private boolean isVisibleField(VariableTree field, ClassTree owner) {
      if (isEnumConstant(field)) {
        return true;
      }
      if (owner.getKind() == Tree.Kind.RECORD
          && !field.getModifiers().getFlags().contains(Modifier.STATIC)) {
        return false; // a record component: documented with @param on the record
      }
      return isVisible(field.getModifiers(), getCurrentPath());
    }

    /** Enum constants are the variables of an enum whose type is the enum itself. */
    private boolean isEnumConstant(VariableTree field) {
      Tree owner = getCurrentPath().getParentPath().getLeaf();
      return owner.getKind() == Tree.Kind.ENUM
          && field.getType() instanceof IdentifierTree type
          && type.getName().contentEquals(((ClassTree) owner).getSimpleName());
    }

    /**
     * Public or protected, or an interface's or annotation's member that is not private (they are
     * implicitly public); and so is every type that encloses it.
     */
    private static boolean isVisible(ModifiersTree modifiers, TreePath path) {
      if (!isVisibleHere(modifiers, path)) {
        return false;
      }
      for (TreePath up = path.getParentPath(); up != null; up = up.getParentPath()) {
        if (up.getLeaf() instanceof ClassTree type && !isVisibleHere(type.getModifiers(), up)) {
          return false;
        }
      }
      return true;
    }

    private static boolean isVisibleHere(ModifiersTree modifiers, TreePath path) {
      Set<Modifier> flags = modifiers.getFlags();
      if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
        return true;
      }
      if (flags.contains(Modifier.PRIVATE)) {
        return false;
      }
      Tree owner = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
      return owner != null
          && (owner.getKind() == Tree.Kind.INTERFACE
              || owner.getKind() == Tree.Kind.ANNOTATION_TYPE);
    }

    private static boolean isOverride(MethodTree method) {
      for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
        Tree type = annotation.getAnnotationType();
        String name =
            type instanceof MemberSelectTree select
                ? select.getIdentifier().toString()
                : type.toString();
        if (name.equals("Override")) {
          return true;
        }
      }
      return false;
    }
  }
}
