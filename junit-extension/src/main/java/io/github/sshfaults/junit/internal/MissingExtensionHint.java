package io.github.sshfaults.junit.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains JUnit's bare {@code No ParameterResolver registered for parameter
 * [io.github.sshfaults.sshd.FakeSshHost arg0]}: logs, once per test run, that the test's class
 * lacks {@code @SshFaultsTest}. The JUnit Platform launcher loads it through {@code
 * META-INF/services}; users never call it. Not API.
 */
public final class MissingExtensionHint implements TestExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(MissingExtensionHint.class);

  /**
   * The parameter types that only {@code @SshFaultsTest} resolves, as JUnit's message prints them.
   */
  private static final List<String> TYPES =
      List.of(
          "io.github.sshfaults.sshd.FakeSshHost ",
          "java.util.List<io.github.sshfaults.sshd.FakeSshHost> ",
          "io.github.sshfaults.concurrent.ConcurrentSsh ",
          "io.github.sshfaults.junit.HostRegistry ");

  private static final String NO_RESOLVER = "No ParameterResolver registered for parameter [";

  private final Consumer<String> out;
  private final AtomicBoolean told = new AtomicBoolean();

  /** The listener the launcher loads: it logs its hint at WARN. */
  public MissingExtensionHint() {
    this(LOG::warn);
  }

  MissingExtensionHint(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    told.set(false);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Optional<String> message =
        result.getThrowable().flatMap(MissingExtensionHint::missingResolverMessage);
    if (message.isPresent() && told.compareAndSet(false, true)) {
      out.accept(
          test.getDisplayName()
              + " failed with \""
              + message.get()
              + "\": sshfaults' parameters (FakeSshHost, List<FakeSshHost>, ConcurrentSsh,"
              + " HostRegistry) need its extension. Annotate the test class (or method) with"
              + " @io.github.sshfaults.junit.SshFaultsTest. (Said once per run; other tests may"
              + " fail for the same reason.)");
    }
  }

  /** The message of JUnit's "no resolver" failure for one of our types, in the cause chain. */
  static Optional<String> missingResolverMessage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (t instanceof ParameterResolutionException
          && message != null
          && message.startsWith(NO_RESOLVER)
          && TYPES.stream().anyMatch(type -> message.startsWith(type, NO_RESOLVER.length()))) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }
}
