package io.github.sshfaults.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What happens to shared hosts around each test: their state before the test becomes their
 * baseline, and after it they are reset to it, once the failure diagnostics are out. Every
 * extension that owns hosts calls both methods; the first call per test does the work.
 */
final class HostLifecycle {

  /** The shared hosts one test uses; stored in the test's own context. */
  private static final class Claims {
    final List<HostScope.Entry> owned = new ArrayList<>();
    final List<HostScope.Entry> contended = new ArrayList<>();
    boolean finished;
  }

  private HostLifecycle() {}

  /**
   * Marks the baseline of every shared host around the test.
   *
   * @throws ExtensionConfigurationException when another test uses a shared host at the same time:
   *     resetting it would pull the ground from under that test
   */
  static void beforeEach(ExtensionContext test) {
    ExtensionContext.Store store = test.getStore(HostScope.NAMESPACE);
    if (store.get(Claims.class) != null) {
      return;
    }
    Claims claims = new Claims();
    store.put(Claims.class, claims);
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Entry entry : scope.hosts()) {
        if (!entry.resettable()) {
          continue;
        }
        if (entry.testsRunning().incrementAndGet() > 1) {
          claims.contended.add(entry);
          throw new ExtensionConfigurationException(
              "Shared host '"
                  + entry.name().value()
                  + "' ("
                  + entry.host()
                  + ") is in use by another test running at the same time. Shared hosts are reset"
                  + " after each test, so tests that share one must not run concurrently: annotate"
                  + " the class with @Execution(ExecutionMode.SAME_THREAD), or give each test its"
                  + " own host");
        }
        claims.owned.add(entry);
        entry.host().markBaseline();
      }
    }
  }

  /**
   * Publishes diagnostics if the test failed, then resets the shared hosts it used, unless the test
   * or its class is annotated {@link KeepHostState}.
   */
  static void afterEach(ExtensionContext test) {
    Claims claims = test.getStore(HostScope.NAMESPACE).get(Claims.class, Claims.class);
    if (claims == null || claims.finished) {
      return;
    }
    claims.finished = true;
    try {
      test.getExecutionException().ifPresent(failure -> Diagnostics.publish(test, failure));
      if (!keepsState(test)) {
        // The single place where a shared host is returned to its baseline between tests.
        claims.owned.forEach(entry -> entry.host().reset());
      }
    } finally {
      claims.owned.forEach(entry -> entry.testsRunning().decrementAndGet());
      claims.contended.forEach(entry -> entry.testsRunning().decrementAndGet());
    }
  }

  private static boolean keepsState(ExtensionContext test) {
    for (Optional<ExtensionContext> c = Optional.of(test); c.isPresent(); c = c.get().getParent()) {
      if (AnnotationSupport.isAnnotated(c.get().getElement(), KeepHostState.class)) {
        return true;
      }
    }
    return false;
  }
}
