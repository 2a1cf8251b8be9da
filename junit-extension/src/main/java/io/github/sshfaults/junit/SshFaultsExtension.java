package io.github.sshfaults.junit;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link SshFaultsTest}: starts the hosts and fleets that {@link FakeHost}
 * fields and {@link FakeSshHost} / {@code List<FakeSshHost>} parameters ask for, keeps each in the
 * {@link HostScope} of the context it belongs to (a class for static fields and {@code @BeforeAll}
 * parameters, a test otherwise), and runs the shared hosts' {@link HostLifecycle} around each test.
 */
final class SshFaultsExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        LifecycleMethodExecutionExceptionHandler {

  /** Resolves one parameter type. */
  @FunctionalInterface
  private interface ParameterSource {
    Object resolve(ParameterContext parameter, ExtensionContext context);
  }

  /**
   * Every parameter type the extension provides, besides fleets ({@code List<FakeSshHost>}); add a
   * type here to provide another.
   */
  private static final Map<Class<?>, ParameterSource> PARAMETERS =
      Map.of(
          FakeSshHost.class, SshFaultsExtension::fakeHostParameter,
          ConcurrentSsh.class, SshFaultsExtension::runnerParameter,
          HostRegistry.class, SshFaultsExtension::registryParameter);

  private static final String HOST_TYPES =
      FakeSshHost.class.getName() + " or java.util.List<" + FakeSshHost.class.getName() + ">";

  @Override
  public void beforeAll(ExtensionContext context) {
    LeakCheck.startIfWanted(context); // first: the store closes it last
    injectFields(context, null, ModifierSupport::isStatic);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LeakCheck.startIfWanted(context); // first: the store closes it last
    HostLifecycle.beforeEach(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(context, instance, ModifierSupport::isNotStatic);
    }
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Diagnostics.publishForClass(context, failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Diagnostics.publishForClass(context, failure);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    HostLifecycle.afterEach(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter declared = parameter.getParameter();
    boolean fleet = HostName.isFleetType(declared.getParameterizedType());
    if (parameter.isAnnotated(FakeHost.class)
        && declared.getType() != FakeSshHost.class
        && !fleet) {
      throw new ParameterResolutionException(
          "@FakeHost is only for parameters of type "
              + HOST_TYPES
              + ", but "
              + describe(parameter)
              + " is of type "
              + declared.getParameterizedType().getTypeName());
    }
    return fleet || PARAMETERS.containsKey(declared.getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (HostName.isFleetType(parameter.getParameter().getParameterizedType())) {
      return fleetParameter(parameter, context);
    }
    return PARAMETERS.get(parameter.getParameter().getType()).resolve(parameter, context);
  }

  private static FakeSshHost fakeHostParameter(
      ParameterContext parameter, ExtensionContext context) {
    String where = describe(parameter);
    HostSpec spec = HostSpec.forHost(parameter.findAnnotation(FakeHost.class), where);
    HostName name =
        HostName.ofParameter(parameter, context, spec.name()).settleIn(context, 0, where);
    return startHost(spec, name, context);
  }

  private static List<FakeSshHost> fleetParameter(
      ParameterContext parameter, ExtensionContext context) {
    String where = describe(parameter);
    HostSpec spec = HostSpec.forFleet(parameter.findAnnotation(FakeHost.class), where);
    HostName name =
        HostName.ofParameter(parameter, context, spec.name())
            .settleIn(context, spec.count(), where);
    return startFleet(spec, name, context);
  }

  private static FakeSshHost startHost(HostSpec spec, HostName name, ExtensionContext context) {
    HostScope scope = HostScope.of(context);
    FakeSshHost host = spec.start(name.value());
    try {
      // Owned by the scope before anything else can fail, so it is closed whatever happens next.
      scope.addHost(name, host, true);
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  private static List<FakeSshHost> startFleet(
      HostSpec spec, HostName name, ExtensionContext context) {
    HostScope scope = HostScope.of(context);
    long seed = spec.fleetSeed();
    List<HostName> members = name.members(spec.count());
    List<FakeSshHost> hosts = spec.startFleet(name.value(), members, seed);
    try {
      scope.addHosts(members, hosts, true, new HostScope.Fleet(name.value(), hosts.size(), seed));
    } catch (RuntimeException e) {
      hosts.forEach(FakeSshHost::close);
      throw e;
    }
    return hosts;
  }

  /**
   * A runner named after the test method, whose reports the scope keeps so that a failed test's
   * diagnostics show its outcome tables. It holds no resources: each run closes its own.
   */
  private static ConcurrentSsh runnerParameter(
      ParameterContext parameter, ExtensionContext context) {
    String runName = context.getTestMethod().map(Method::getName).orElse("setup");
    HostScope scope = HostScope.of(context);
    HostName name = HostName.ofParameter(parameter, context, null);
    return ConcurrentSsh.create()
        .withName(runName)
        .withReportListener(report -> scope.addReport(name, report));
  }

  /** A registry whose hosts belong to the context the parameter is resolved in. */
  private static HostRegistry registryParameter(
      ParameterContext parameter, ExtensionContext context) {
    return new HostRegistry(context);
  }

  private static void injectFields(
      ExtensionContext context, Object instance, Predicate<Field> which) {
    Class<?> type = instance == null ? context.getRequiredTestClass() : instance.getClass();
    for (Field field : AnnotationSupport.findAnnotatedFields(type, FakeHost.class, which)) {
      String where = "field " + field.getDeclaringClass().getName() + "." + field.getName();
      boolean fleet = HostName.isFleetType(field.getGenericType());
      if (field.getType() != FakeSshHost.class && !fleet) {
        throw new ExtensionConfigurationException(
            "@FakeHost is only for fields of type "
                + HOST_TYPES
                + ", but "
                + where
                + " is of type "
                + field.getGenericType().getTypeName());
      }
      if (ModifierSupport.isFinal(field)) {
        throw new ExtensionConfigurationException(
            "@FakeHost fields must not be final, but " + where + " is");
      }
      Optional<FakeHost> annotation = Optional.of(field.getAnnotation(FakeHost.class));
      Object value;
      if (fleet) {
        HostSpec spec = HostSpec.forFleet(annotation, where);
        HostName name =
            HostName.ofField(field.getName(), where, spec.name())
                .settleIn(context, spec.count(), where);
        value = startFleet(spec, name, context);
      } else {
        HostSpec spec = HostSpec.forHost(annotation, where);
        HostName name =
            HostName.ofField(field.getName(), where, spec.name()).settleIn(context, 0, where);
        value = startHost(spec, name, context);
      }
      try {
        ReflectionSupport.makeAccessible(field).set(instance, value);
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException("Cannot set " + where, e);
      }
    }
  }

  private static String describe(ParameterContext parameter) {
    Parameter p = parameter.getParameter();
    return "parameter ["
        + p
        + "] at index "
        + parameter.getIndex()
        + " of "
        + parameter.getDeclaringExecutable();
  }
}
