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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private Optional<Problem> checkBlock(MarkdownPage page, CodeBlock block) {
    Marker marker = block.marker();
    String location = at(page.path(), block.fenceLine());
    List<Path> candidates =
        sourceDirs.stream()
            .map(dir -> dir.resolve(marker.className() + ".java"))
            .filter(Files::isRegularFile)
            .toList();
    if (candidates.isEmpty()) {
      return Optional.of(
          new Problem(
              location,
              "snippet "
                  + marker
                  + ": no "
                  + marker.className()
                  + ".java in "
                  + sourceDirs.stream().map(this::relative).collect(Collectors.joining(" or "))));
    }
    if (candidates.size() > 1) {
      return Optional.of(
          new Problem(
              location,
              "snippet "
                  + marker
                  + " is ambiguous: "
                  + candidates.stream().map(this::relative).collect(Collectors.joining(" and "))));
    }
    SourceRegions regions = regions(candidates.get(0));
    Optional<Region> region = regions.region(marker.region());
    if (region.isEmpty()) {
      return Optional.of(
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
    List<String> expected = normalize(region.get().lines());
    List<String> actual = normalize(block.lines());
    int firstLine = block.fenceLine() + 1 + leadingBlankLines(block.lines());
    String diff = LineDiff.render(expected, actual, firstLine);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    String source = at(regions.path(), region.get().firstLine()) + "-" + region.get().lastLine();
    return Optional.of(
        new Problem(
            location,
            "the ```java block differs from snippet "
                + marker
                + " ("
                + source
                + "); update the page (or the code) so they match.\n"
                + "  --- source "
                + source
                + "\n  +++ page "
                + location
                + "\n"
                + diff));
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
