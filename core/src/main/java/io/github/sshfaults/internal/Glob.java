package io.github.sshfaults.internal;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.quote;

import java.util.regex.Pattern;

/**
 * The one glob matcher of sshfaults: command stubs ({@code FakeSshHost.commandGlob}), fault
 * triggers ({@code Trigger.forCommandGlob}, {@code Trigger.forPathGlob}) and verification ({@code
 * Verification.ranCommandGlob}) all compile their globs here, so one glob means the same thing
 * wherever it is written. A glob matches a text as a whole.
 *
 * <p>Two dialects, which differ only where command lines and paths differ:
 *
 * <ul>
 *   <li>{@linkplain #commandLine(String) command lines}: {@code *} matches any characters, {@code
 *       ?} one character, everything else itself. Braces, brackets and slashes are everyday shell
 *       syntax in a command line ({@code find . -exec rm {} \;}, {@code [ -f x ]}, {@code cat
 *       /var/log/*}), so they are nothing special: a command glob never surprises a shell user.
 *   <li>{@linkplain #path(String) paths}: a path has segments, so {@code *} and {@code ?} stay
 *       within one ({@code /} is the separator) and {@code **} crosses them; {@code [abc]}, {@code
 *       [a-z]}, {@code [!abc]} match one character of a set and {@code {csv,txt}} one of the
 *       alternatives, as in {@link java.nio.file.FileSystem#getPathMatcher(String)}'s globs.
 * </ul>
 */
public final class Glob {

  private final String glob;
  private final boolean path;
  private final Pattern pattern;

  private Glob(String glob, boolean path, Pattern pattern) {
    this.glob = glob;
    this.path = path;
    this.pattern = pattern;
  }

  /**
   * A glob over whole command lines: {@code "systemctl *"} matches {@code "systemctl restart
   * nginx"}.
   *
   * @throws IllegalArgumentException when the glob is blank
   */
  public static Glob commandLine(String glob) {
    notBlank(glob, "command glob");
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        flush(literal, regex);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(literal, regex);
    return new Glob(glob, false, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  /**
   * A glob over absolute, normalized paths: {@code "/data/*.csv"} matches {@code /data/report.csv}
   * but not {@code /data/old/report.csv}; {@code "/data/**"} matches both.
   *
   * @throws IllegalArgumentException naming the glob when it is blank or malformed, or when it does
   *     not start with {@code /} or {@code *} and so could never match an absolute path
   */
  public static Glob path(String glob) {
    notBlank(glob, "path glob");
    if (!glob.startsWith("/") && !glob.startsWith("*")) {
      throw new IllegalArgumentException(
          "path glob "
              + quote(glob)
              + " can never match: the host sees absolute paths such as \"/data/report.csv\";"
              + " start the glob with / (or with ** for any directory)");
    }
    return new Glob(glob, true, Pattern.compile(pathRegex(glob)));
  }

  /** Whether {@code text} matches as a whole. */
  public boolean matches(String text) {
    return text != null && pattern.matcher(text).matches();
  }

  /** The glob as given. */
  public String glob() {
    return glob;
  }

  private static void flush(StringBuilder literal, StringBuilder regex) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  private static String pathRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inGroup = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            regex.append(".*");
            i++;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            throw malformed(glob, "'[' at index " + i + " has no closing ']'");
          }
          String set = glob.substring(i + 1, end);
          regex.append('[');
          if (set.startsWith("!")) {
            regex.append('^');
            set = set.substring(1);
          }
          for (char s : set.toCharArray()) {
            regex.append(s == '-' || Character.isLetterOrDigit(s) ? String.valueOf(s) : "\\" + s);
          }
          regex.append(']');
          i = end;
        }
        case '{' -> {
          if (inGroup) {
            throw malformed(glob, "'{' at index " + i + " is inside another group");
          }
          if (glob.indexOf('}', i) < 0) {
            throw malformed(glob, "'{' at index " + i + " has no closing '}'");
          }
          inGroup = true;
          regex.append("(?:");
        }
        case '}' -> {
          if (!inGroup) {
            throw malformed(glob, "'}' at index " + i + " closes no group");
          }
          inGroup = false;
          regex.append(')');
        }
        case ',' -> regex.append(inGroup ? "|" : ",");
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static IllegalArgumentException malformed(String glob, String why) {
    return new IllegalArgumentException("path glob " + quote(glob) + " is malformed: " + why);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Glob that && path == that.path && glob.equals(that.glob);
  }

  @Override
  public int hashCode() {
    return 31 * glob.hashCode() + Boolean.hashCode(path);
  }

  /** The glob as given. */
  @Override
  public String toString() {
    return glob;
  }
}
