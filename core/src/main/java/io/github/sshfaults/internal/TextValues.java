package io.github.sshfaults.internal;

import static io.github.sshfaults.internal.Preconditions.quote;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values in text, converted by the type of the parameter they are for, and reflective calls with
 * them: what {@link FaultText} reads after a factory's or a modifier's name.
 *
 * <ul>
 *   <li>durations: a number and a unit, {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 3m} (units
 *       {@code ns us ms s m h d}), or ISO-8601 ({@code PT0.5S});
 *   <li>enum constants by name, in any case, with {@code -} or {@code _}: {@code after-auth};
 *   <li>whole numbers ({@code 4096}, {@code 1_048_576}), decimals ({@code 0.25}), {@code
 *       true}/{@code false}, strings as they are;
 *   <li>arrays (varargs): one value per word, or comma separated ({@code read,write});
 *   <li>our other value types by their factories: {@code uniform(40ms,60ms)}, {@code always}.
 * </ul>
 */
final class TextValues {

  /** Fewer parameters first, then by signature, so that the order of overloads is stable. */
  static final Comparator<Method> OVERLOAD_ORDER =
      Comparator.comparingInt(Method::getParameterCount).thenComparing(Method::toGenericString);

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE = Pattern.compile("[-+]?\\d[\\d_]*");
  private static final Pattern CALL = Pattern.compile("([A-Za-z][A-Za-z0-9-]*)\\s*(?:\\((.*)\\))?");

  private TextValues() {}

  /** A value that does not convert; its message says what it is and what was expected. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Calls the one of {@code methods} (overloads of one name) that takes {@code arguments}: the first
   * in {@link #OVERLOAD_ORDER} whose parameter count fits and whose arguments all convert.
   *
   * @param target the object to call them on, null for static methods
   * @param context turns a problem into the message to throw, naming the whole text
   * @param word the name as written, for messages
   * @throws IllegalArgumentException when no overload fits, naming what each expected, or when the
   *     called method rejects its arguments (its exception the cause)
   */
  static Object call(
      List<Method> methods,
      Object target,
      List<String> arguments,
      UnaryOperator<String> context,
      String word) {
    List<Method> fitting = methods.stream().filter(m -> fits(m, arguments.size())).toList();
    if (fitting.isEmpty()) {
      throw new IllegalArgumentException(
          context.apply(
              quote(word)
                  + " takes "
                  + methods.stream().map(TextValues::arguments).collect(Collectors.joining(" or "))
                  + ", but "
                  + (arguments.isEmpty()
                      ? "got none"
                      : "got " + arguments.size() + ": " + String.join(" ", arguments))));
    }
    List<String> problems = new ArrayList<>();
    for (Method method : fitting) {
      Object[] values;
      try {
        values = convertAll(method, arguments);
      } catch (BadValue e) {
        problems.add(
            fitting.size() == 1
                ? word + ": " + e.getMessage()
                : "as " + signature(method) + ": " + e.getMessage());
        continue;
      }
      try {
        return method.invoke(target, values);
      } catch (InvocationTargetException e) {
        throw unwrap(e, context.apply(""));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot call " + method, e);
      }
    }
    throw new IllegalArgumentException(
        context.apply(
            (fitting.size() == 1 ? "" : quote(word) + " has no overload for these arguments: ")
                + String.join("; ", problems)));
  }

  /** {@code 2 arguments (exitCode: int, stderr: String)}. */
  private static String arguments(Method method) {
    int count = method.getParameterCount();
    String number =
        method.isVarArgs()
            ? (count == 1 ? "any number of arguments" : "at least " + (count - 1) + " arguments")
            : count + (count == 1 ? " argument" : " arguments");
    return number + " (" + parameters(method, ", ") + ")";
  }

  /** {@code delay(<duration: Duration>)}. */
  private static String signature(Method method) {
    return FaultText.kebab(method.getName()) + "(" + parameters(method, ", ") + ")";
  }

  private static String parameters(Method method, String separator) {
    return Arrays.stream(method.getParameters())
        .map(p -> (p.isNamePresent() ? p.getName() + ": " : "") + typeName(method, p))
        .collect(Collectors.joining(separator));
  }

  private static boolean fits(Method method, int arguments) {
    int count = method.getParameterCount();
    return method.isVarArgs() ? arguments >= count - 1 : arguments == count;
  }

  private static Object[] convertAll(Method method, List<String> arguments) throws BadValue {
    Class<?>[] types = method.getParameterTypes();
    Object[] values = new Object[types.length];
    int fixed = method.isVarArgs() ? types.length - 1 : types.length;
    for (int i = 0; i < fixed; i++) {
      values[i] = convert(arguments.get(i), types[i]);
    }
    if (method.isVarArgs()) {
      Class<?> element = types[types.length - 1].getComponentType();
      List<String> items = new ArrayList<>();
      for (String argument : arguments.subList(fixed, arguments.size())) {
        items.addAll(element == String.class ? List.of(argument) : splitList(argument));
      }
      Object array = Array.newInstance(element, items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(array, i, convert(items.get(i), element));
      }
      values[types.length - 1] = array;
    }
    return values;
  }

  private static List<String> splitList(String text) {
    return text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * {@code text} as a value of {@code type}.
   *
   * @throws BadValue saying what {@code text} is not and what {@code type} takes
   */
  static Object convert(String text, Class<?> type) throws BadValue {
    if (type == String.class) {
      return text;
    }
    String value = text.strip();
    if (type == int.class || type == Integer.class) {
      return (int) whole(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type == long.class || type == Long.class) {
      return whole(value, type, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == double.class || type == Double.class) {
      try {
        if (value.matches("[-+]?(\\d[\\d_]*)?(\\.\\d+)?([eE][-+]?\\d+)?") && !value.isEmpty()) {
          return Double.parseDouble(value.replace("_", ""));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(text, type, "a number such as 0.25");
    }
    if (type == boolean.class || type == Boolean.class) {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw bad(text, type, "true or false");
    }
    if (type == Duration.class) {
      return duration(text, value);
    }
    if (type == byte[].class) {
      return hex(text, value);
    }
    if (type.isEnum()) {
      return constant(text, value, type);
    }
    if (!factories(type).isEmpty()) {
      return made(text, value, type);
    }
    throw bad(text, type, "no text form: use the Java API for it");
  }

  private static long whole(String value, Class<?> type, long min, long max) throws BadValue {
    if (WHOLE.matcher(value).matches() && !value.endsWith("_")) {
      try {
        long number = Long.parseLong(value.replace("_", ""));
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // too large: reported below
      }
    }
    throw bad(value, type, "a whole number between " + min + " and " + max + " such as 3 or 4096");
  }

  private static Duration duration(String text, String value) throws BadValue {
    Matcher matcher = DURATION.matcher(value);
    if (matcher.matches()) {
      double amount = Double.parseDouble(matcher.group(1));
      long nanosPerUnit =
          switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
          };
      double nanos = amount * nanosPerUnit;
      if (nanos <= Long.MAX_VALUE) {
        return Duration.ofNanos(Math.round(nanos));
      }
    } else if (value.toUpperCase(Locale.ROOT).startsWith("PT")
        || value.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw bad(text, Duration.class, durationForms());
  }

  private static byte[] hex(String text, String value) throws BadValue {
    if (value.regionMatches(true, 0, "hex:", 0, 4)) {
      String digits = value.substring(4).replace("_", "");
      if (!digits.isEmpty() && digits.length() % 2 == 0 && digits.matches("[0-9A-Fa-f]+")) {
        return HexFormat.of().parseHex(digits);
      }
    }
    throw bad(text, byte[].class, hexForm());
  }

  private static String hexForm() {
    return "hex: and an even number of hex digits, such as hex:5353482d00ff0d0a";
  }

  private static String durationForms() {
    return "a number and a unit (ns, us, ms, s, m, h, d) such as 500ms, 2s or 1.5s, or ISO-8601"
        + " such as PT0.5S";
  }

  private static Object constant(String text, String value, Class<?> type) throws BadValue {
    String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    List<String> names = constantNames(type);
    throw bad(
        text,
        type,
        "one of "
            + String.join(", ", names)
            + closest(value.toLowerCase(Locale.ROOT).replace('_', '-'), names)
                .map(n -> " (did you mean " + quote(n) + "?)")
                .orElse(""));
  }

  private static List<String> constantNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList();
  }

  /** A value of one of our types made by its factory: {@code uniform(40ms,60ms)}. */
  private static Object made(String text, String value, Class<?> type) throws BadValue {
    FaultText.Calls calls = FaultText.Calls.of(type, true);
    Matcher matcher = CALL.matcher(value);
    List<Method> methods = matcher.matches() ? calls.named(matcher.group(1)) : List.of();
    if (methods.isEmpty()) {
      throw bad(
          text,
          type,
          "one of " + String.join(", ", calls.callForms()));
    }
    List<String> arguments = matcher.group(2) == null ? List.of() : arguments(matcher.group(2));
    try {
      return call(methods, null, arguments, problem -> problem, matcher.group(1));
    } catch (IllegalArgumentException e) {
      throw bad(text, type, e.getMessage());
    }
  }

  /** Splits {@code a, f(b, c), d} at the commas outside parentheses. */
  private static List<String> arguments(String text) {
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        arguments.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    String last = text.substring(start).strip();
    if (!last.isEmpty() || !arguments.isEmpty()) {
      arguments.add(last);
    }
    return arguments;
  }

  private static List<Method> factories(Class<?> type) {
    if (!type.getName().startsWith("io.github.sshfaults.")) {
      return List.of();
    }
    return Arrays.stream(type.getMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type)
        .toList();
  }

  private static BadValue bad(String text, Class<?> type, String expected) {
    String name = typeName(type);
    String article = "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    return new BadValue(quote(text) + " is not " + article + name + ": expected " + expected);
  }

  /** A type as messages and the vocabulary name it: {@code int}, {@code Duration}. */
  static String typeName(Class<?> type) {
    return type.getSimpleName();
  }

  /** A parameter's type, {@code AuthMethod...} for varargs. */
  static String typeName(Method method, Parameter parameter) {
    return parameter.isVarArgs()
        ? typeName(parameter.getType().getComponentType()) + "..."
        : typeName(parameter.getType());
  }

  /** Adds {@code type}, and the types its factories take, to {@code types}. */
  static void collectTypes(Class<?> type, List<Class<?>> types) {
    if (types.contains(type)) {
      return;
    }
    types.add(type);
    for (Method factory : factories(type)) {
      for (Class<?> parameter : factory.getParameterTypes()) {
        collectTypes(parameter.isArray() ? parameter.getComponentType() : parameter, types);
      }
    }
  }

  /** One line of the vocabulary: what values of {@code type} look like. */
  static String describe(Class<?> type) {
    String name = typeName(type);
    if (type == String.class) {
      return name + ": as written; quote it when it has blanks: 'two words', or \"with \\n escapes\"";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return name + ": a whole number such as 3, 4096 or 1_048_576";
    }
    if (type == double.class || type == Double.class) {
      return name + ": a number such as 0.25";
    }
    if (type == boolean.class || type == Boolean.class) {
      return name + ": true or false";
    }
    if (type == Duration.class) {
      return name + ": " + durationForms();
    }
    if (type == byte[].class) {
      return name + ": " + hexForm();
    }
    if (type.isEnum()) {
      return name + ": " + String.join(", ", constantNames(type));
    }
    if (!factories(type).isEmpty()) {
      return name + ": " + String.join(", ", FaultText.Calls.of(type, true).callForms());
    }
    return name + ": no text form";
  }

  /** The name in {@code names} nearest to {@code word}, if it is near enough to be a typo. */
  static Optional<String> closest(String word, Collection<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      int distance = distance(word.toLowerCase(Locale.ROOT), name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance > 0 && bestDistance <= Math.max(2, word.length() / 4)
        ? Optional.of(best)
        : Optional.empty();
  }

  // Levenshtein distance.
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** What a reflective call threw, with {@code prefix} before its message. */
  static RuntimeException unwrap(InvocationTargetException e, String prefix) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return new IllegalArgumentException(prefix + cause.getMessage(), cause);
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(prefix + cause, cause);
  }
}
