package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link FakeSshHost} parameters. Each host goes into the extension store of the context
 * that asked for it, so JUnit closes it (in reverse order of creation) when that context ends,
 * also when the test or a lifecycle method fails.
 */
final class SshFaultsExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SshFaultsExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(FakeHost.class)
        && parameter.getParameter().getType() != FakeSshHost.class) {
      throw new ParameterResolutionException(
          "@FakeHost is only for parameters of type "
              + FakeSshHost.class.getName()
              + ", but "
              + describe(parameter)
              + " is of type "
              + parameter.getParameter().getType().getName());
    }
    return parameter.getParameter().getType() == FakeSshHost.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<FakeHost> config = parameter.findAnnotation(FakeHost.class);
    FakeSshHost.Builder builder = FakeSshHost.builder();
    config.ifPresent(c -> builder.algorithms(c.algorithms()));
    FakeSshHost host = builder.start();
    // Stored before anything else can fail, so the host is closed whatever happens next.
    context.getStore(NAMESPACE).put(new Object(), host);
    config.ifPresent(c -> declareUsers(c, host, parameter));
    return host;
  }

  private static void declareUsers(FakeHost config, FakeSshHost host, ParameterContext parameter) {
    for (String entry : config.users()) {
      int colon = entry.indexOf(':');
      if (colon < 1 || colon == entry.length() - 1) {
        throw new ExtensionConfigurationException(
            "@FakeHost(users) entries must be \"name:password\" with both parts non-empty, but "
                + describe(parameter)
                + " has \""
                + entry
                + "\"");
      }
      try {
        host.user(entry.substring(0, colon), entry.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            "@FakeHost(users) entry \"" + entry + "\" of " + describe(parameter) + ": " + e.getMessage(),
            e);
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
