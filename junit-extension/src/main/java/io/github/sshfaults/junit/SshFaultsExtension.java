package io.github.sshfaults.junit;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
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
 * The extension behind {@link SshFaultsTest}: starts the hosts that {@link FakeHost} fields and
 * {@link FakeSshHost} parameters ask for, keeps each in the {@link HostScope} of the context it
 * belongs to (a class for static fields and {@code @BeforeAll} parameters, a test otherwise), and
 * runs the shared hosts' {@link HostLifecycle} around each test.
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

  /** Every parameter type the extension provides; add a type here to provide another. */
  private static final Map<Class<?>, ParameterSource> PARAMETERS =
      Map.of(
          FakeSshHost.class, SshFaultsExtension::fakeHostParameter,
          ConcurrentSsh.class, SshFaultsExtension::runnerParameter);

  @Override
  public void beforeAll(ExtensionContext context) {
    injectFields(context, null, ModifierSupport::isStatic);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
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
    Class<?> type = parameter.getParameter().getType();
    if (parameter.isAnnotated(FakeHost.class) && type != FakeSshHost.class) {
      throw new ParameterResolutionException(
          "@FakeHost is only for parameters of type "
              + FakeSshHost.class.getName()
              + ", but "
              + describe(parameter)
              + " is of type "
              + type.getName());
    }
    return PARAMETERS.containsKey(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return PARAMETERS.get(parameter.getParameter().getType()).resolve(parameter, context);
  }

  private static FakeSshHost fakeHostParameter(
      ParameterContext parameter, ExtensionContext context) {
    HostSpec spec = HostSpec.of(parameter.findAnnotation(FakeHost.class), describe(parameter));
    Parameter declared = parameter.getParameter();
    // Without -parameters, names are arg0, arg1...: no better than the address.
    FakeSshHost host = spec.start(declared.isNamePresent() ? declared.getName() : null);
    // Owned by the scope before anything else can fail, so it is closed whatever happens next.
    HostScope.of(context).addHost(declared.getName(), host, true);
    return host;
  }

  /**
   * A runner named after the test method, whose reports the scope keeps so that a failed test's
   * diagnostics show its outcome tables. It holds no resources: each run closes its own.
   */
  private static ConcurrentSsh runnerParameter(
      ParameterContext parameter, ExtensionContext context) {
    String name = context.getTestMethod().map(Method::getName).orElse("setup");
    HostScope scope = HostScope.of(context);
    String parameterName = parameter.getParameter().getName();
    return ConcurrentSsh.create()
        .withName(name)
        .withReportListener(report -> scope.addReport(parameterName, report));
  }

  private static void injectFields(
      ExtensionContext context, Object instance, Predicate<Field> which) {
    Class<?> type = instance == null ? context.getRequiredTestClass() : instance.getClass();
    for (Field field : AnnotationSupport.findAnnotatedFields(type, FakeHost.class, which)) {
      String where = "field " + field.getDeclaringClass().getName() + "." + field.getName();
      if (field.getType() != FakeSshHost.class) {
        throw new ExtensionConfigurationException(
            "@FakeHost is only for fields of type "
                + FakeSshHost.class.getName()
                + ", but "
                + where
                + " is of type "
                + field.getType().getName());
      }
      if (ModifierSupport.isFinal(field)) {
        throw new ExtensionConfigurationException(
            "@FakeHost fields must not be final, but " + where + " is");
      }
      HostSpec spec = HostSpec.of(Optional.of(field.getAnnotation(FakeHost.class)), where);
      FakeSshHost host = spec.start(field.getName());
      HostScope.of(context).addHost(field.getName(), host, true);
      try {
        ReflectionSupport.makeAccessible(field).set(instance, host);
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
