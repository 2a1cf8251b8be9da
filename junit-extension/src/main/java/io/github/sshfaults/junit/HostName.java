package io.github.sshfaults.junit;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * What failure reports and outcome tables call a host, a fleet or a runner, and where that name
 * comes from. Immutable.
 *
 * <p>A name given by {@code @FakeHost(name)} wins; else the parameter's or field's own name; else,
 * for a parameter of a class compiled without {@code -parameters} (whose names are {@code arg0},
 * {@code arg1}...), a stand-in that says which parameter it is: {@code host-1} for the first {@code
 * FakeSshHost} parameter of the test method, {@code fleet-1} for its first fleet, {@code runner-1}
 * for its first runner; prefixed with the method's name for a lifecycle method ({@code
 * setUp-host-1}), and made unique among the hosts the test reaches.
 *
 * @param value the name
 * @param origin where it comes from
 * @param source the parameter, field or extension it names, as messages describe it
 */
record HostName(String value, Origin origin, String source) {

  /** Where a name comes from. */
  enum Origin {
    /** {@code @FakeHost(name = "...")}: must be unique among the hosts a test reaches. */
    NAMED,
    /** The parameter's or field's name, a {@code FakeHostExtension}'s, or a hand-built host's. */
    DECLARED,
    /** A stand-in for a parameter whose name the class file does not keep. */
    STAND_IN
  }

  /** The stem of the stand-in names of each kind of parameter. */
  static final String HOST = "host";

  static final String FLEET = "fleet";
  static final String RUNNER = "runner";

  /**
   * The name of a parameter: {@code explicit} when not null, else the parameter's name, else a
   * stand-in {@code <stem>-<n>}, n counting the parameters of that kind of its method.
   */
  static HostName ofParameter(
      ParameterContext parameter, ExtensionContext context, String explicit) {
    Parameter declared = parameter.getParameter();
    String source = describe(parameter);
    if (explicit != null) {
      return new HostName(explicit, Origin.NAMED, source);
    }
    if (declared.isNamePresent()) {
      return new HostName(declared.getName(), Origin.DECLARED, source);
    }
    Executable executable = parameter.getDeclaringExecutable();
    String stem = kindOf(declared);
    long position =
        Arrays.stream(executable.getParameters())
                .limit(parameter.getIndex())
                .filter(other -> stem.equals(kindOf(other)))
                .count()
            + 1;
    boolean ofTheTest = context.getTestMethod().map(executable::equals).orElse(false);
    String prefix = ofTheTest ? "" : executableName(executable) + "-";
    return new HostName(prefix + stem + "-" + position, Origin.STAND_IN, source);
  }

  /** The name of a field: {@code explicit} when not null, else the field's name. */
  static HostName ofField(String fieldName, String where, String explicit) {
    return explicit != null
        ? new HostName(explicit, Origin.NAMED, where)
        : new HostName(fieldName, Origin.DECLARED, where);
  }

  /** Whether {@code type} is {@code List<FakeSshHost>}, the type of a fleet. */
  static boolean isFleetType(Type type) {
    return type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] == FakeSshHost.class;
  }

  /**
   * This name, fit for a new host (or, with {@code fleetSize} above 0, a new fleet) among the hosts
   * the test in {@code context} reaches: a stand-in made unique, a name from
   * {@code @FakeHost(name)} checked to be unique.
   *
   * @param where the annotated element, as messages name it
   * @throws ExtensionConfigurationException when {@code @FakeHost(name)} gives a host the name that
   *     {@code @FakeHost(name)} gave another host the test reaches
   */
  HostName settleIn(ExtensionContext context, int fleetSize, String where) {
    List<HostScope.Entry> inReach = HostScope.hostsInReach(context);
    return switch (origin) {
      case DECLARED -> this;
      case NAMED -> {
        List<String> wanted = values(value, fleetSize);
        for (HostScope.Entry entry : inReach) {
          if (entry.name().origin() == Origin.NAMED && wanted.contains(entry.name().value())) {
            throw new ExtensionConfigurationException(
                "@FakeHost(name = \""
                    + value
                    + "\") gives "
                    + (fleetSize > 0 ? "host \"" + entry.name().value() + "\" of the fleet" : "it")
                    + " the name of another host of the same test, on "
                    + entry.name().source()
                    + ": each host needs a name of its own, on "
                    + where);
          }
        }
        yield this;
      }
      case STAND_IN -> {
        Set<String> taken = new HashSet<>();
        inReach.forEach(entry -> taken.add(entry.name().value()));
        String unique = value;
        for (int n = 2; values(unique, fleetSize).stream().anyMatch(taken::contains); n++) {
          unique = value + "_" + n;
        }
        yield new HostName(unique, origin, source);
      }
    };
  }

  /**
   * The names of the hosts of a fleet of this name: {@code <value>-1} to {@code <value>-<size>}.
   */
  List<HostName> members(int size) {
    List<HostName> members = new ArrayList<>(size);
    values(value, size).forEach(member -> members.add(new HostName(member, origin, source)));
    return members;
  }

  private static List<String> values(String stem, int fleetSize) {
    if (fleetSize == 0) {
      return List.of(stem);
    }
    List<String> values = new ArrayList<>(fleetSize);
    for (int i = 1; i <= fleetSize; i++) {
      values.add(stem + "-" + i);
    }
    return values;
  }

  private static String kindOf(Parameter parameter) {
    if (parameter.getType() == FakeSshHost.class) {
      return HOST;
    }
    if (isFleetType(parameter.getParameterizedType())) {
      return FLEET;
    }
    return parameter.getType() == ConcurrentSsh.class ? RUNNER : "";
  }

  private static String executableName(Executable executable) {
    return executable instanceof Method method
        ? method.getName()
        : executable.getDeclaringClass().getSimpleName();
  }

  /** The parameter as messages describe it: {@code parameter at index 0 of readsUptime(...)}. */
  static String describe(ParameterContext parameter) {
    Executable executable = parameter.getDeclaringExecutable();
    return "parameter at index "
        + parameter.getIndex()
        + " of "
        + executableName(executable)
        + Arrays.stream(executable.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
