package io.github.sshfaults.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged regions of one source file: the lines between {@code // tag::name[]} and {@code //
 * end::name[]}. Regions may nest or overlap; the tag lines of other regions are left out of a
 * region's text, as Asciidoctor's include does.
 */
final class SourceRegions {

  private static final Pattern TAG = Pattern.compile("\\s*//\\s*(tag|end)::([\\w.-]+)\\[\\]\\s*");
  private static final Pattern IMPORT = Pattern.compile("import\\s+(static\\s+)?[\\w.*]+\\s*;\\s*");

  /**
   * One region.
   *
   * @param firstLine 1-based line of the first line inside the region
   * @param lastLine 1-based line of the last line inside the region
   * @param lines the region's text, tag lines removed, indentation kept
   */
  record Region(String name, int firstLine, int lastLine, List<String> lines) {}

  private final Path path;
  private final Map<String, Region> regions = new LinkedHashMap<>();
  private final List<String> mistakes = new ArrayList<>();
  private final List<String> imports = new ArrayList<>();

  private SourceRegions(Path path, List<String> lines) {
    this.path = path;
    parse(lines);
    lines.stream()
        .filter(line -> IMPORT.matcher(line).matches())
        .map(String::strip)
        .forEach(imports::add);
  }

  static SourceRegions read(Path path) {
    try {
      return new SourceRegions(path, Files.readAllLines(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read snippet source " + path, e);
    }
  }

  Path path() {
    return path;
  }

  Optional<Region> region(String name) {
    return Optional.ofNullable(regions.get(name));
  }

  /** The region names, in the order the regions start. */
  List<String> names() {
    return regions.values().stream()
        .sorted(Comparator.comparingInt(Region::firstLine))
        .map(Region::name)
        .toList();
  }

  /** The file's import declarations, as written, in file order. */
  List<String> imports() {
    return List.copyOf(imports);
  }

  /** Tags that are opened twice, closed without being opened, or never closed. */
  List<String> mistakes() {
    return List.copyOf(mistakes);
  }

  private void parse(List<String> lines) {
    Map<String, Integer> open = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher tag = TAG.matcher(lines.get(i));
      if (!tag.matches()) {
        continue;
      }
      String name = tag.group(2);
      int lineNumber = i + 1;
      if (tag.group(1).equals("tag")) {
        if (open.containsKey(name) || regions.containsKey(name)) {
          mistakes.add("line " + lineNumber + ": tag::" + name + "[] is opened a second time");
        } else {
          open.put(name, lineNumber);
        }
      } else if (!open.containsKey(name)) {
        mistakes.add(
            "line " + lineNumber + ": end::" + name + "[] has no tag::" + name + "[] before it");
      } else {
        int tagLine = open.remove(name);
        regions.put(name, new Region(name, tagLine + 1, lineNumber - 1, text(lines, tagLine, i)));
      }
    }
    open.forEach(
        (name, line) ->
            mistakes.add("line " + line + ": tag::" + name + "[] has no end::" + name + "[]"));
  }

  /** Lines strictly between the 1-based {@code tagLine} and the 0-based {@code endIndex}. */
  private static List<String> text(List<String> lines, int tagLine, int endIndex) {
    List<String> text = new ArrayList<>();
    for (String line : lines.subList(tagLine, endIndex)) {
      if (!TAG.matcher(line).matches()) {
        text.add(line);
      }
    }
    return text;
  }
}
