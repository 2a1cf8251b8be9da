package io.github.sshfaults.docs;

import io.github.sshfaults.docs.MarkdownPage.CodeBlock;
import io.github.sshfaults.docs.MarkdownPage.Link;
import io.github.sshfaults.docs.MarkdownPage.Marker;
import io.github.sshfaults.docs.SourceRegions.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the docs snippet convention: every {@code ```java} block of a page is preceded by {@code
 * <!-- snippet: SomeTest#region -->} and equals, common indentation removed, the lines between
 * {@code // tag::region[]} and {@code // end::region[]} in {@code SomeTest.java}, looked up in the
 * given source directories.
 */
final class SnippetChecker {

  /** One thing wrong, at a place a reader can open: {@code path:line}. */
  record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final Path root;
  private final List<Path> sourceDirs;
  private final Map<Path, SourceRegions> sources = new HashMap<>();

  /**
   * @param root the directory that locations in messages are relative to (the project root)
   * @param sourceDirs where snippet classes live, each searched for {@code SimpleName.java}
   */
  SnippetChecker(Path root, List<Path> sourceDirs) {
    this.root = root.toAbsolutePath().normalize();
    this.sourceDirs = sourceDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
  }

  /** Everything wrong with the Java blocks of {@code page}, in page order. */
  List<Problem> checkSnippets(MarkdownPage page) {
    List<Problem> problems = new ArrayList<>();
    page.mistakes().forEach(m -> problems.add(new Problem(at(page.path(), m.line()), m.message())));
    for (CodeBlock block : page.blocks()) {
      if (block.isJava() && block.marker() != null) {
        checkBlock(page, block).ifPresent(problems::add);
      }
      if (block.file() != null) {
        checkFileBlock(page, block).ifPresent(problems::add);
      }
    }
    problems.sort((a, b) -> compareLocations(a.location(), b.location()));
    return problems;
  }

  /**
   * Every link of {@code page} to a file that does not exist, or to an anchor that no heading of
   * the target page has.
   */
  List<Problem> checkLinks(MarkdownPage page) {
    List<Problem> problems = new ArrayList<>();
    for (Link link : page.links()) {
      int hash = link.target().indexOf('#');
      String file = hash < 0 ? link.target() : link.target().substring(0, hash);
      Path target =
          file.isEmpty()
              ? page.path()
              : page.path().toAbsolutePath().getParent().resolve(file).normalize();
      String location = at(page.path(), link.line());
      if (!Files.exists(target)) {
        problems.add(
            new Problem(
                location,
                "link ("
                    + link.target()
                    + ") points to "
                    + relative(target)
                    + ", which does not exist"));
      } else if (hash >= 0 && target.toString().endsWith(".md")) {
        String anchor = link.target().substring(hash + 1);
        MarkdownPage targetPage = file.isEmpty() ? page : MarkdownPage.read(target);
        if (!targetPage.anchors().contains(anchor)) {
          problems.add(
              new Problem(
                  location,
                  "link ("
                      + link.target()
                      + ") names an anchor that no heading of "
                      + relative(target)
                      + " has; its anchors are "
                      + targetPage.anchors().stream().sorted().toList()));
        }
      }
    }
    return problems;
  }

  /**
   * Tagged regions in the source directories that no page quotes, and tags that do not pair up: a
   * region nobody reads drifts unnoticed.
   */
  List<Problem> checkRegionsAreQuoted(Collection<MarkdownPage> pages) {
    Set<String> quoted =
        pages.stream()
            .flatMap(page -> page.blocks().stream())
            .filter(block -> block.marker() != null)
            .map(block -> block.marker().toString())
            .collect(Collectors.toSet());
    List<Problem> problems = new ArrayList<>();
    for (Path file : javaFiles()) {
      SourceRegions regions = regions(file);
      regions.mistakes().forEach(m -> problems.add(new Problem(relative(file), m)));
      String className = file.getFileName().toString().replaceFirst("\\.java$", "");
      for (String name : regions.names()) {
        Region region = regions.region(name).orElseThrow();
        if (!quoted.contains(className + "#" + name)) {
          problems.add(
              new Problem(
                  at(file, region.firstLine() - 1),
                  "region "
                      + name
                      + " is quoted by no page; quote it with <!-- snippet: "
                      + className
                      + "#"
                      + name
                      + " --> or remove its tags"));
        }
      }
    }
    return problems;
  }

  /**
   * What a marked block must read, with where it comes from ({@code path:first-last}) for
   * messages; or the problem that keeps it from being known.
   */
  private record Expected(List<String> lines, String source, Problem problem) {}

  private Optional<Problem> checkBlock(MarkdownPage page, CodeBlock block) {
    Expected expected = expected(page, block);
    if (expected.problem() != null) {
      return Optional.of(expected.problem());
    }
    List<String> actual = normalize(block.lines());
    int firstLine = block.fenceLine() + 1 + leadingBlankLines(block.lines());
    String diff = LineDiff.render(expected.lines(), actual, firstLine);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    String location = at(page.path(), block.fenceLine());
    return Optional.of(
        new Problem(
            location,
            "the ```java block differs from snippet "
                + block.marker()
                + " ("
                + expected.source()
                + "); update the page (or the code) so they match.\n"
                + "  --- source "
                + expected.source()
                + "\n  +++ page "
                + location
                + "\n"
                + diff));
  }

  /**
   * A block under {@code <!-- file: path -->} must read exactly as the file, a path relative to the
   * page: a script or plan the guide shows in full, which tests run.
   */
  private Optional<Problem> checkFileBlock(MarkdownPage page, CodeBlock block) {
    String location = at(page.path(), block.fenceLine());
    Path file = fileOf(page, block);
    if (!Files.isRegularFile(file)) {
      return Optional.of(
          new Problem(
              location,
              "file marker " + block.file() + " names " + relative(file) + ", which does not exist"));
    }
    List<String> expected = readLines(file);
    String diff = LineDiff.render(expected, block.lines(), block.fenceLine() + 1);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            location,
            "the block differs from "
                + relative(file)
                + ", which it shows in full; update the page (or the file) so they match.\n"
                + "  --- file "
                + relative(file)
                + "\n  +++ page "
                + location
                + "\n"
                + diff));
  }

  private static Path fileOf(MarkdownPage page, CodeBlock block) {
    return page.path().toAbsolutePath().getParent().resolve(block.file()).normalize();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * The pages's text with every marked ```java block replaced by what it must read: for a
   * maintainer who changed the code (see {@code GuideSnippetsTest}). Blocks whose source cannot be
   * found are left as they are.
   */
  List<String> updated(MarkdownPage page, List<String> pageLines) {
    List<String> lines = new ArrayList<>(pageLines);
    List<CodeBlock> marked =
        page.blocks().stream()
            .filter(b -> (b.isJava() && b.marker() != null) || b.file() != null)
            .toList();
    // Bottom up, so that earlier blocks keep their line numbers.
    for (int i = marked.size() - 1; i >= 0; i--) {
      CodeBlock block = marked.get(i);
      Expected expected =
          block.file() == null
              ? expected(page, block)
              : Files.isRegularFile(fileOf(page, block))
                  ? new Expected(readLines(fileOf(page, block)), null, null)
                  : new Expected(null, null, new Problem("", "missing"));
      if (expected.problem() != null) {
        continue;
      }
      String fence = lines.get(block.fenceLine() - 1);
      String indent = fence.substring(0, fence.length() - fence.stripLeading().length());
      List<String> body =
          expected.lines().stream().map(l -> l.isEmpty() ? l : indent + l).toList();
      List<String> old = lines.subList(block.fenceLine(), block.fenceLine() + block.lines().size());
      old.clear();
      old.addAll(body);
    }
    return lines;
  }

  private Expected expected(MarkdownPage page, CodeBlock block) {
    Marker marker = block.marker();
    String location = at(page.path(), block.fenceLine());
    if (marker.isImports()) {
      return expectedImports(page, location);
    }
    Optional<SourceRegions> source = source(marker);
    if (source.isEmpty()) {
      return new Expected(null, null, sourceProblem(marker, location));
    }
    SourceRegions regions = source.get();
    Optional<Region> region = regions.region(marker.region());
    if (region.isEmpty()) {
      return new Expected(
          null,
          null,
          new Problem(
              location,
              "snippet "
                  + marker
                  + ": "
                  + relative(regions.path())
                  + " has no region "
                  + marker.region()
                  + " (no // tag::"
                  + marker.region()
                  + "[] ... // end::"
                  + marker.region()
                  + "[] pair); its regions are "
                  + regions.names()));
    }
    return new Expected(
        normalize(region.get().lines()),
        at(regions.path(), region.get().firstLine()) + "-" + region.get().lastLine(),
        null);
  }

  /**
   * The imports that the page's examples use: of each class whose regions the page quotes
   * (whole-file regions show their own), the imports whose name appears in a quoted region; in
   * Google Java Format's order: static imports, a blank line, the others, each group sorted. Where
   * two classes import different things under one name (MINA's and JSch's {@code ChannelExec}),
   * those imports follow in a section per class, headed by a comment naming it.
   */
  private Expected expectedImports(MarkdownPage page, String location) {
    Map<String, List<String>> usedByClass = new LinkedHashMap<>();
    for (Marker marker : quotedRegions(page)) {
      Optional<SourceRegions> source = source(marker);
      if (source.isEmpty()) {
        return new Expected(null, null, sourceProblem(marker, location));
      }
      String text =
          source.get().region(marker.region()).map(r -> String.join("\n", r.lines())).orElse("");
      List<String> used = usedByClass.computeIfAbsent(marker.className(), c -> new ArrayList<>());
      for (String line : source.get().imports()) {
        String name = importedName(line);
        if (!used.contains(line)
            && Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
          used.add(line);
        }
      }
    }
    Map<String, Set<String>> meaningsOfName = new HashMap<>();
    usedByClass.values().stream()
        .flatMap(List::stream)
        .forEach(
            line ->
                meaningsOfName.computeIfAbsent(importedName(line), n -> new TreeSet<>()).add(line));
    Set<String> common = new TreeSet<>();
    Map<String, Set<String>> clashing = new LinkedHashMap<>();
    usedByClass.forEach(
        (className, lines) ->
            lines.forEach(
                line -> {
                  if (meaningsOfName.get(importedName(line)).size() == 1) {
                    common.add(line);
                  } else {
                    clashing.computeIfAbsent(className, c -> new TreeSet<>()).add(line);
                  }
                }));
    List<String> lines = ordered(common);
    clashing.forEach(
        (className, section) -> {
          lines.add("");
          lines.add("// in " + className + ".java:");
          lines.addAll(ordered(section));
        });
    return new Expected(
        lines, "the imports of " + String.join(", ", usedByClass.keySet()) + " that it uses", null);
  }

  /** Static imports, a blank line, then the others; each group sorted. */
  private static List<String> ordered(Set<String> imports) {
    List<String> statics = imports.stream().filter(l -> l.startsWith("import static ")).toList();
    List<String> others = imports.stream().filter(l -> !l.startsWith("import static ")).toList();
    List<String> lines = new ArrayList<>(statics);
    if (!statics.isEmpty() && !others.isEmpty()) {
      lines.add("");
    }
    lines.addAll(others);
    return lines;
  }

  /** {@code Duration} of {@code import java.time.Duration;}, {@code assertThat} of a static one. */
  private static String importedName(String importLine) {
    String name = importLine.replaceFirst("^import\\s+(static\\s+)?", "").replace(";", "").strip();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Whether a guide page shows its imports once, before the examples that need them: every page
   * that quotes a region which is not a whole file ({@code #file}) has exactly one {@code <!--
   * snippet: imports -->} block, above the first such example; other pages have none.
   */
  List<Problem> checkImportsShown(MarkdownPage page) {
    List<CodeBlock> importBlocks =
        page.blocks().stream()
            .filter(b -> b.marker() != null && b.marker().isImports())
            .toList();
    Optional<CodeBlock> firstExample =
        page.blocks().stream()
            .filter(b -> b.marker() != null && needsImports(b.marker()))
            .findFirst();
    List<Problem> problems = new ArrayList<>();
    if (firstExample.isEmpty()) {
      importBlocks.forEach(
          b ->
              problems.add(
                  new Problem(
                      at(page.path(), b.fenceLine()),
                      "imports block on a page whose examples all show their own imports;"
                          + " remove it")));
    } else if (importBlocks.isEmpty()) {
      problems.add(
          new Problem(
              at(page.path(), firstExample.get().fenceLine()),
              "the page quotes examples without their imports but shows no imports; put"
                  + " <!-- snippet: imports --> and an empty ```java block above this example"
                  + " (run GuideSnippetsTest with -Dsshfaults.docs.update=true to fill it)"));
    } else {
      if (importBlocks.size() > 1) {
        problems.add(
            new Problem(
                at(page.path(), importBlocks.get(1).fenceLine()),
                "the page shows its imports more than once; keep the first block"));
      }
      if (importBlocks.get(0).fenceLine() > firstExample.get().fenceLine()) {
        problems.add(
            new Problem(
                at(page.path(), importBlocks.get(0).fenceLine()),
                "the imports come after the first example that needs them (line "
                    + firstExample.get().fenceLine()
                    + "); move them above it"));
      }
    }
    return problems;
  }

  private static List<Marker> quotedRegions(MarkdownPage page) {
    return page.blocks().stream()
        .map(CodeBlock::marker)
        .filter(marker -> marker != null && needsImports(marker))
        .toList();
  }

  private static boolean needsImports(Marker marker) {
    return !marker.isImports() && !marker.region().equals("file");
  }

  private Optional<SourceRegions> source(Marker marker) {
    List<Path> candidates = candidates(marker);
    return candidates.size() == 1 ? Optional.of(regions(candidates.get(0))) : Optional.empty();
  }

  private List<Path> candidates(Marker marker) {
    return sourceDirs.stream()
        .map(dir -> dir.resolve(marker.className() + ".java"))
        .filter(Files::isRegularFile)
        .toList();
  }

  private Problem sourceProblem(Marker marker, String location) {
    List<Path> candidates = candidates(marker);
    if (candidates.isEmpty()) {
      return new Problem(
          location,
          "snippet "
              + marker
              + ": no "
              + marker.className()
              + ".java in "
              + sourceDirs.stream().map(this::relative).collect(Collectors.joining(" or ")));
    }
    return new Problem(
        location,
        "snippet "
            + marker
            + " is ambiguous: "
            + candidates.stream().map(this::relative).collect(Collectors.joining(" and ")));
  }

  /**
   * The text as it should read on a page: trailing blanks and blank lines at either end dropped,
   * indentation common to all non-blank lines removed.
   */
  static List<String> normalize(List<String> lines) {
    List<String> stripped = lines.stream().map(String::stripTrailing).toList();
    int first = 0;
    int last = stripped.size();
    while (first < last && stripped.get(first).isEmpty()) {
      first++;
    }
    while (last > first && stripped.get(last - 1).isEmpty()) {
      last--;
    }
    List<String> body = stripped.subList(first, last);
    int indent =
        body.stream()
            .filter(line -> !line.isEmpty())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return body.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList();
  }

  private static int leadingBlankLines(List<String> lines) {
    int blank = 0;
    while (blank < lines.size() && lines.get(blank).isBlank()) {
      blank++;
    }
    return blank;
  }

  private SourceRegions regions(Path file) {
    return sources.computeIfAbsent(file, SourceRegions::read);
  }

  private List<Path> javaFiles() {
    List<Path> files = new ArrayList<>();
    for (Path dir : sourceDirs) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> listing = Files.list(dir)) {
          listing.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + dir, e);
        }
      }
    }
    return files;
  }

  private String at(Path file, int line) {
    return relative(file) + ":" + line;
  }

  private String relative(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }

  private static int compareLocations(String a, String b) {
    return Integer.compare(lineOf(a), lineOf(b));
  }

  private static int lineOf(String location) {
    return Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
  }
}
