package io.github.sshfaults.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the guide checks read from a Markdown page: its fenced code blocks with the snippet marker
 * above each, its links and heading anchors, and the mistakes found while reading (a Java block
 * with no marker, a marker with no Java block under it, a fence left open).
 */
final class MarkdownPage {

  /**
   * {@code <!-- snippet: SomeTest#region -->}, or {@code <!-- snippet: imports -->} for the imports
   * of the page's examples, alone on its line.
   */
  private static final Pattern MARKER =
      Pattern.compile(
          "\\s*<!--\\s*snippet:\\s*(?:([A-Za-z_$][\\w$]*)#([\\w.-]+)|(imports))\\s*-->\\s*");

  private static final Pattern MARKER_ATTEMPT = Pattern.compile("\\s*<!--\\s*snippet\\b.*");

  /**
   * {@code <!-- file: ../src/test/server/script.sh -->}, alone on its line, above a block that is
   * not Java: the block must read exactly as that file, a path relative to the page.
   */
  private static final Pattern FILE_MARKER = Pattern.compile("\\s*<!--\\s*file:\\s*(\\S+)\\s*-->\\s*");

  private static final Pattern FILE_MARKER_ATTEMPT = Pattern.compile("\\s*<!--\\s*file\\b.*");
  private static final Pattern FENCE = Pattern.compile("( *)(`{3,}|~{3,})\\s*([^`\\s]*).*");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern INLINE_LINK =
      Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\s*\\[[^\\]]+\\]:\\s*(\\S+).*");
  private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*");
  private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N} _-]");

  /**
   * A snippet marker: the source class (simple name) and the region in it, or {@link #IMPORTS}.
   */
  record Marker(String className, String region) {

    /** The imports of every class the page's other snippets quote. */
    static final Marker IMPORTS = new Marker("", "imports");

    boolean isImports() {
      return equals(IMPORTS);
    }

    @Override
    public String toString() {
      return isImports() ? "imports" : className + "#" + region;
    }
  }

  /**
   * A fenced code block.
   *
   * @param fenceLine the 1-based line of the opening fence
   * @param language the info string's first word, lower case; empty when there is none
   * @param marker the snippet marker right above the block, or null
   * @param file the file a file marker right above the block names (relative to the page), or null
   * @param lines the block's text, without the fence's own indentation
   */
  record CodeBlock(
      int fenceLine, String language, Marker marker, String file, List<String> lines) {
    boolean isJava() {
      return language.equals("java");
    }
  }

  /**
   * A link that is not a URL: a relative path, a path with an {@code #anchor}, or an anchor in the
   * same page.
   */
  record Link(int line, String target) {}

  /** A mistake in the page itself, at a 1-based line. */
  record Mistake(int line, String message) {}

  private final Path path;
  private final List<CodeBlock> blocks = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final List<Mistake> mistakes = new ArrayList<>();
  private final Set<String> anchors = new HashSet<>();

  private MarkdownPage(Path path, List<String> lines) {
    this.path = path;
    parse(lines);
  }

  static MarkdownPage read(Path path) {
    try {
      return new MarkdownPage(path, Files.readAllLines(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read guide page " + path, e);
    }
  }

  Path path() {
    return path;
  }

  List<CodeBlock> blocks() {
    return List.copyOf(blocks);
  }

  List<Link> links() {
    return List.copyOf(links);
  }

  List<Mistake> mistakes() {
    return List.copyOf(mistakes);
  }

  /** The anchors GitHub gives the page's headings, such as {@code #a-first-test}. */
  Set<String> anchors() {
    return Set.copyOf(anchors);
  }

  private void parse(List<String> lines) {
    Marker pending = null;
    int pendingLine = 0;
    String pendingFile = null;
    int pendingFileLine = 0;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      int lineNumber = i + 1;
      Matcher fence = FENCE.matcher(line);
      Matcher marker = MARKER.matcher(line);
      Matcher fileMarker = FILE_MARKER.matcher(line);
      if (fence.matches()) {
        String language = fence.group(3).toLowerCase(Locale.ROOT);
        if (pendingFile != null && language.equals("java")) {
          mistakes.add(
              new Mistake(
                  pendingFileLine,
                  "file marker "
                      + pendingFile
                      + " is followed by a ```java block; Java examples are snippets of compiled"
                      + " tests: <!-- snippet: SomeTest#region -->"));
          pendingFile = null;
        }
        if (pending != null && !language.equals("java")) {
          mistakes.add(
              new Mistake(
                  pendingLine,
                  "snippet marker "
                      + pending
                      + " is followed by a "
                      + describe(language)
                      + " block, not a ```java block"));
        }
        i =
            readBlock(
                lines, i, fence, language, language.equals("java") ? pending : null, pendingFile);
        pending = null;
        pendingFile = null;
        continue;
      }
      if (fileMarker.matches()) {
        flagOrphan(pending, pendingLine);
        flagOrphanFile(pendingFile, pendingFileLine);
        pending = null;
        pendingFile = fileMarker.group(1);
        pendingFileLine = lineNumber;
      } else if (FILE_MARKER_ATTEMPT.matcher(line).matches()) {
        mistakes.add(
            new Mistake(
                lineNumber,
                "malformed file marker " + line.strip() + "; write <!-- file: relative/path -->"));
      } else if (marker.matches()) {
        flagOrphan(pending, pendingLine);
        flagOrphanFile(pendingFile, pendingFileLine);
        pendingFile = null;
        pending =
            marker.group(3) != null ? Marker.IMPORTS : new Marker(marker.group(1), marker.group(2));
        pendingLine = lineNumber;
      } else if (MARKER_ATTEMPT.matcher(line).matches()) {
        mistakes.add(
            new Mistake(
                lineNumber,
                "malformed snippet marker "
                    + line.strip()
                    + "; write <!-- snippet: SomeTest#region --> or <!-- snippet: imports -->"));
      } else if (!line.isBlank()) {
        flagOrphan(pending, pendingLine);
        flagOrphanFile(pendingFile, pendingFileLine);
        pending = null;
        pendingFile = null;
        readLinks(line, lineNumber);
        readHeading(line);
      }
      i++;
    }
    flagOrphan(pending, pendingLine);
    flagOrphanFile(pendingFile, pendingFileLine);
  }

  private void flagOrphanFile(String pendingFile, int pendingFileLine) {
    if (pendingFile != null) {
      mistakes.add(
          new Mistake(
              pendingFileLine,
              "file marker " + pendingFile + " is not immediately followed by a code block"));
    }
  }

  /** Reads the block whose fence is at {@code open}; returns the index of the line after it. */
  private int readBlock(
      List<String> lines, int open, Matcher fence, String language, Marker marker, String file) {
    int indent = fence.group(1).length();
    String fenceText = fence.group(2);
    List<String> content = new ArrayList<>();
    for (int i = open + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (closes(line, fenceText)) {
        addBlock(open + 1, language, marker, file, content);
        return i + 1;
      }
      content.add(unindent(line, indent));
    }
    mistakes.add(new Mistake(open + 1, "code fence " + fenceText + " is never closed"));
    addBlock(open + 1, language, marker, file, content);
    return lines.size();
  }

  private void addBlock(
      int fenceLine, String language, Marker marker, String file, List<String> content) {
    CodeBlock block = new CodeBlock(fenceLine, language, marker, file, List.copyOf(content));
    if (block.isJava() && marker == null) {
      mistakes.add(
          new Mistake(
              fenceLine,
              "```java block has no snippet marker; put <!-- snippet: SomeTest#region --> on the"
                  + " line above it and the code between // tag::region[] and // end::region[]"
                  + " in a compiled test under"
                  + " docs/src/test/java/io/github/sshfaults/docs/guide/"));
    }
    blocks.add(block);
  }

  private static boolean closes(String line, String fenceText) {
    String stripped = line.strip();
    char fenceChar = fenceText.charAt(0);
    int run = 0;
    while (run < stripped.length() && stripped.charAt(run) == fenceChar) {
      run++;
    }
    return run >= fenceText.length() && stripped.substring(run).isBlank();
  }

  // CommonMark: a fenced block's lines lose as much leading space as its opening fence had.
  private static String unindent(String line, int indent) {
    int strip = 0;
    while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
      strip++;
    }
    return line.substring(strip);
  }

  private void flagOrphan(Marker pending, int pendingLine) {
    if (pending != null) {
      mistakes.add(
          new Mistake(
              pendingLine,
              "snippet marker " + pending + " is not immediately followed by a ```java block"));
    }
  }

  private void readLinks(String line, int lineNumber) {
    String text = INLINE_CODE.matcher(line).replaceAll("");
    Matcher reference = REFERENCE_LINK.matcher(text);
    if (reference.matches()) {
      addLink(lineNumber, reference.group(1));
    }
    Matcher inline = INLINE_LINK.matcher(text);
    while (inline.find()) {
      addLink(lineNumber, inline.group(1));
    }
  }

  private void addLink(int lineNumber, String target) {
    if (!target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      links.add(new Link(lineNumber, target));
    }
  }

  // GitHub's rule: lower case, punctuation dropped, each space a hyphen, repeats numbered.
  private void readHeading(String line) {
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      String text = heading.group(1).toLowerCase(Locale.ROOT);
      String slug = NOT_IN_ANCHOR.matcher(text).replaceAll("").replace(' ', '-');
      String anchor = slug;
      for (int n = 1; !anchors.add(anchor); n++) {
        anchor = slug + "-" + n;
      }
    }
  }

  private static String describe(String language) {
    return language.isEmpty() ? "plain" : "```" + language;
  }
}
