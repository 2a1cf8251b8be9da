package io.github.sshfaults.internal;

import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the regular expressions of command stubs, fault triggers and verification alike, so that
 * a bad one fails the same way wherever it is written.
 */
public final class Regex {

  private Regex() {}

  /**
   * {@code regex}, compiled.
   *
   * @throws IllegalArgumentException naming the expression and the problem when it does not compile
   */
  public static Pattern commandLine(String regex) {
    notNull(regex, "command regex");
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "command regex " + quote(regex) + " does not compile: " + e.getDescription(), e);
    }
  }
}
