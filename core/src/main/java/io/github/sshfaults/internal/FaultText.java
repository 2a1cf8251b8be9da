package io.github.sshfaults.internal;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.Fault;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text form of a fault, as plan files and the standalone server's {@code --fault} option write
 * it: the {@link Fault} factory call and its fluent calls, in kebab case. Names and parameter types
 * are read from {@code Fault}'s public API by reflection, so the text vocabulary is the Java one and
 * cannot drift from it.
 *
 * <pre>
 * reject-auth for-user=bob                          Fault.rejectAuth().forUser("bob")
 * drop-connection at=after-auth first-attempts=2    Fault.dropConnection().at(Stage.AFTER_AUTH).firstAttempts(2)
 * delay 500ms at=banner                             Fault.delay(Duration.ofMillis(500)).at(Stage.BANNER)
 * delay uniform(40ms,60ms) at=transport             Fault.delay(Delay.uniform(...)).at(Stage.TRANSPORT)
 * exit-with 2 "disk full\n" for-command=uptime      Fault.exitWith(2, "disk full\n").forCommand("uptime")
 * sftp-error permission-denied for-sftp=read,write  Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(READ, WRITE)
 * </pre>
 *
 * <p>The first word names a static factory of {@code Fault}; the words after it are its arguments,
 * converted by parameter type ({@link TextValues}); then each {@code name=value} calls the fluent
 * method {@code name} with one argument (a bare {@code name} one without arguments). Overloads are
 * told apart by their number of arguments, then by which arguments convert. Words are separated by
 * blanks; quote a value that has blanks ({@code 'two words'}, or {@code "..."} with Java's
 * backslash escapes).
 */
public final class FaultText {

  private static final Calls FACTORIES = Calls.of(Fault.class, true);
  private static final Calls MODIFIERS = Calls.of(Fault.class, false);

  private FaultText() {}

  /**
   * The fault {@code text} describes.
   *
   * @throws IllegalArgumentException naming the word at fault, what was expected there and what is
   *     allowed (the factories or modifiers, sorted), or passing on {@code Fault}'s own validation
   *     message (with its exception as the cause)
   */
  public static Fault parse(String text) {
    Preconditions.notNull(text, "fault text");
    List<Token> tokens = Token.split(text);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException(
          "empty fault text: expected a fault, a Fault factory and its arguments such as"
              + " \"drop-connection at=after-auth\"; the factories are "
              + FACTORIES.names());
    }
    Token first = tokens.get(0);
    List<Method> factories = first.isWord() ? FACTORIES.named(first.text()) : List.of();
    if (factories.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown fault "
              + quote(first.text())
              + " in "
              + quote(text)
              + ": expected a Fault factory"
              + suggestion(first.text(), FACTORIES)
              + "; the factories are "
              + FACTORIES.names());
    }
    int i = 1;
    List<String> arguments = new ArrayList<>();
    while (i < tokens.size() && !isModifier(tokens.get(i))) {
      arguments.add(tokens.get(i).text());
      i++;
    }
    Fault fault =
        (Fault)
            TextValues.call(
                factories, null, arguments, what -> quote(text) + ": " + what, first.text());
    for (; i < tokens.size(); i++) {
      fault = modify(fault, tokens.get(i), text);
    }
    return fault;
  }

  /** Whether {@code token} is {@code name=value}, or the bare name of a modifier without values. */
  private static boolean isModifier(Token token) {
    if (token.equalsAt() > 0) {
      return true;
    }
    return token.isWord()
        && MODIFIERS.named(token.text()).stream().anyMatch(m -> m.getParameterCount() == 0);
  }

  private static Fault modify(Fault fault, Token token, String text) {
    String name = token.equalsAt() > 0 ? token.text().substring(0, token.equalsAt()) : token.text();
    List<Method> modifiers =
        Token.isWord(name) && !token.quotedName() ? MODIFIERS.named(name) : List.of();
    if (modifiers.isEmpty()) {
      String problem =
          token.equalsAt() > 0
              ? "unknown modifier " + quote(name)
              : "unexpected " + quote(token.text()) + " after the modifiers";
      throw new IllegalArgumentException(
          problem
              + " in "
              + quote(text)
              + ": expected name=value for a fluent method of Fault"
              + suggestion(name, MODIFIERS)
              + (token.equalsAt() > 0
                  ? ""
                  : " (arguments of the factory come right after its name; quote a value with"
                      + " blanks or '=')")
              + "; the modifiers are "
              + MODIFIERS.names());
    }
    List<String> arguments =
        token.equalsAt() > 0 ? List.of(token.text().substring(token.equalsAt() + 1)) : List.of();
    return (Fault)
        TextValues.call(
            modifiers, fault, arguments, what -> quote(text) + ": " + what, name);
  }

  private static String suggestion(String word, Calls calls) {
    return TextValues.closest(word, calls.nameList())
        .map(name -> " (did you mean " + quote(name) + "?)")
        .orElse("");
  }

  /**
   * What the text form can say, for {@code --help} and error messages: every factory and modifier
   * with its parameters, then the forms of their values.
   */
  public static String vocabulary() {
    StringBuilder text = new StringBuilder();
    text.append("Faults: <factory> [arguments...] [modifier=value...]\n");
    text.append("Factories (Fault's static methods, arguments in order):\n");
    FACTORIES.signatures(" ").forEach(line -> text.append("  ").append(line).append('\n'));
    text.append("Modifiers (Fault's fluent methods, each name=value):\n");
    MODIFIERS.signatures("=").forEach(line -> text.append("  ").append(line).append('\n'));
    text.append("Values:\n");
    List<Class<?>> types = new ArrayList<>();
    for (Calls calls : List.of(FACTORIES, MODIFIERS)) {
      calls.all().stream()
          .flatMap(m -> Arrays.stream(m.getParameterTypes()))
          .map(t -> t.isArray() && t != byte[].class ? t.getComponentType() : t)
          .forEach(t -> TextValues.collectTypes(t, types));
    }
    types.stream()
        .sorted(Comparator.comparing(TextValues::typeName))
        .map(TextValues::describe)
        .distinct()
        .forEach(line -> text.append("  ").append(line).append('\n'));
    return text.toString();
  }

  /** The public methods of a class that return it, by kebab-case name. */
  static final class Calls {

    private final Map<String, List<Method>> byName;

    private Calls(Map<String, List<Method>> byName) {
      this.byName = byName;
    }

    /**
     * The public {@code static} methods of {@code type} that return a {@code type} (its factories),
     * or its public instance methods that do (its fluent methods) with at most one parameter.
     */
    static Calls of(Class<?> type, boolean factories) {
      Map<String, List<Method>> byName = new TreeMap<>();
      for (Method method : type.getMethods()) {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (method.getReturnType() != type
            || method.isSynthetic()
            || method.isBridge()
            || isStatic != factories
            || (!factories && method.getParameterCount() > 1)) {
          continue;
        }
        byName.computeIfAbsent(kebab(method.getName()), n -> new ArrayList<>()).add(method);
      }
      byName.values().forEach(list -> list.sort(TextValues.OVERLOAD_ORDER));
      return new Calls(byName);
    }

    /** The methods called {@code name}, in kebab case (or as in Java). */
    List<Method> named(String name) {
      List<Method> methods = byName.get(name);
      if (methods == null && !name.contains("-")) {
        methods = byName.get(kebab(name));
      }
      return methods == null ? List.of() : methods;
    }

    List<Method> all() {
      return byName.values().stream().flatMap(List::stream).toList();
    }

    /** The kebab-case names, sorted, comma separated. */
    String names() {
      return String.join(", ", byName.keySet());
    }

    /** The kebab-case names, sorted. */
    List<String> nameList() {
      return List.copyOf(byName.keySet());
    }

    /** {@code exit-with <exitCode: int> <stderr: String>}, with {@code separator} after the name. */
    List<String> signatures(String separator) {
      List<String> lines = new ArrayList<>();
      byName.forEach(
          (name, methods) ->
              methods.forEach(
                  method -> {
                    String parameters =
                        Arrays.stream(method.getParameters())
                            .map(p -> "<" + parameter(method, p) + ">")
                            .collect(Collectors.joining(" "));
                    lines.add(name + (parameters.isEmpty() ? "" : separator + parameters));
                  }));
      return lines;
    }

    /** {@code uniform(<min: Duration>,<max: Duration>)}, or {@code always} without parameters. */
    List<String> callForms() {
      List<String> forms = new ArrayList<>();
      byName.forEach(
          (name, methods) ->
              methods.forEach(
                  method ->
                      forms.add(
                          method.getParameterCount() == 0
                              ? name
                              : Arrays.stream(method.getParameters())
                                  .map(p -> "<" + parameter(method, p) + ">")
                                  .collect(Collectors.joining(",", name + "(", ")")))));
      return forms;
    }

    private static String parameter(Method method, Parameter parameter) {
      return (parameter.isNamePresent() ? parameter.getName() + ": " : "")
          + TextValues.typeName(method, parameter);
    }
  }

  /** {@code dropConnection} as {@code drop-connection}. */
  static String kebab(String camel) {
    StringBuilder kebab = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        kebab.append('-').append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString();
  }

  /**
   * One blank-separated word of a fault's text, its quotes removed.
   *
   * @param text the word without its quotes, escapes resolved
   * @param equalsAt where its first {@code =} outside quotes is, or -1
   * @param quotedName whether any part before {@code equalsAt} (or of the whole word) was quoted
   */
  record Token(String text, int equalsAt, boolean quotedName) {

    boolean isWord() {
      return !quotedName && equalsAt < 0 && isWord(text);
    }

    static boolean isWord(String text) {
      return text.matches("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*");
    }

    /** Splits a fault's text at blanks outside quotes and parentheses. */
    static List<Token> split(String text) {
      List<Token> tokens = new ArrayList<>();
      StringBuilder current = null;
      int equalsAt = -1;
      int depth = 0;
      boolean quotedName = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) && depth <= 0) {
          if (current != null) {
            tokens.add(new Token(current.toString(), equalsAt, quotedName));
            current = null;
          }
          continue;
        }
        if (current == null) {
          current = new StringBuilder();
          equalsAt = -1;
          depth = 0;
          quotedName = false;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        if (c == '\'' || c == '"') {
          if (equalsAt < 0) {
            quotedName = true;
          }
          i = unquote(text, i, current);
        } else {
          if (c == '=' && equalsAt < 0) {
            equalsAt = current.length();
          }
          current.append(c);
        }
      }
      if (current != null) {
        tokens.add(new Token(current.toString(), equalsAt, quotedName));
      }
      return tokens;
    }

    /** Appends the quoted text starting at {@code open}; returns the index of its closing quote. */
    private static int unquote(String text, int open, StringBuilder out) {
      char quoteChar = text.charAt(open);
      for (int i = open + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == quoteChar) {
          return i;
        }
        if (c == '\\' && quoteChar == '"') {
          i = escape(text, i, out);
        } else {
          out.append(c);
        }
      }
      throw new IllegalArgumentException(
          "unclosed quote in "
              + quote(text)
              + ": the "
              + quoteChar
              + " at character "
              + (open + 1)
              + " has no closing "
              + quoteChar);
    }

    private static int escape(String text, int backslash, StringBuilder out) {
      if (backslash + 1 >= text.length()) {
        throw new IllegalArgumentException(
            "a backslash ends " + quote(text) + ": expected an escape such as \\n or \\\"");
      }
      char c = text.charAt(backslash + 1);
      Optional<Character> simple =
          switch (c) {
            case 'n' -> Optional.of('\n');
            case 'r' -> Optional.of('\r');
            case 't' -> Optional.of('\t');
            case '0' -> Optional.of('\0');
            case '\\', '"', '\'' -> Optional.of(c);
            default -> Optional.empty();
          };
      if (simple.isPresent()) {
        out.append(simple.get());
        return backslash + 1;
      }
      if (c == 'u'
          && backslash + 5 < text.length()
          && text.substring(backslash + 2, backslash + 6).matches("[0-9a-fA-F]{4}")) {
        out.append((char) Integer.parseInt(text.substring(backslash + 2, backslash + 6), 16));
        return backslash + 5;
      }
      throw new IllegalArgumentException(
          "unknown escape \\"
              + c
              + " in "
              + quote(text)
              + ": expected one of \\n \\r \\t \\0 \\\\ \\\" \\' \\uXXXX");
    }
  }
}
