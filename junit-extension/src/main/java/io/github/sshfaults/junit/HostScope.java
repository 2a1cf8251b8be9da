package io.github.sshfaults.junit;

import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The hosts (and any other resources) one extension context, a test or a class, started, in order.
 * It lives in that context's store, so JUnit closes it when the context ends, pass or fail; it
 * closes what it holds in reverse order of start, every one even when some fail to close. Other
 * parameter types (a concurrent runner, say) add their resources here to be closed in the same
 * order.
 */
final class HostScope implements AutoCloseable {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HostScope.class);

  /**
   * One host and what the lifecycle needs to know about it.
   *
   * @param name the field, parameter or extension it belongs to, as diagnostics name it
   * @param resource what to close
   * @param host the host, or null for a resource that is not a host
   * @param resettable whether it is a host shared by tests and reset after each
   * @param testsRunning how many tests use it right now, to catch concurrent use of a shared host
   */
  record Entry(
      String name,
      AutoCloseable resource,
      FakeSshHost host,
      boolean resettable,
      AtomicInteger testsRunning) {}

  /**
   * The report of one run of an injected runner.
   *
   * @param name the parameter the runner was injected as
   */
  record Report(String name, RunReport<?, ?> report) {}

  private final boolean shared;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final List<Report> reports = new CopyOnWriteArrayList<>();

  HostScope(boolean shared) {
    this.shared = shared;
  }

  /** The scope of {@code context}, created on first use: shared when it is a class's context. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the name both JUnit 5.14 and 6 have
  static HostScope of(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            context.getUniqueId(),
            id -> new HostScope(context.getTestMethod().isEmpty()),
            HostScope.class);
  }

  /** The scopes of {@code context} and of every context around it, innermost first. */
  static List<HostScope> enclosing(ExtensionContext context) {
    List<HostScope> scopes = new ArrayList<>();
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      // Keyed by the context's own id, so a lookup never finds a parent's scope by mistake.
      HostScope scope = c.get().getStore(NAMESPACE).get(c.get().getUniqueId(), HostScope.class);
      if (scope != null) {
        scopes.add(scope);
      }
    }
    return scopes;
  }

  /**
   * Adds a host this scope now owns and will close. A shared scope resets it between tests unless
   * {@code resetBetweenTests} is false.
   */
  void addHost(String name, FakeSshHost host, boolean resetBetweenTests) {
    entries.add(new Entry(name, host, host, shared && resetBetweenTests, new AtomicInteger()));
  }

  /** Adds a resource that is not a host, to be closed in order with the hosts. */
  void addResource(String name, AutoCloseable resource) {
    entries.add(new Entry(name, resource, null, false, new AtomicInteger()));
  }

  /** Keeps the report of a run made in this scope, for the diagnostics of a failed test. */
  void addReport(String name, RunReport<?, ?> report) {
    reports.add(new Report(name, report));
  }

  /** The reports of the runs made in this scope, oldest first. */
  List<Report> reports() {
    return List.copyOf(reports);
  }

  /** The hosts of this scope, oldest first. */
  List<Entry> hosts() {
    return entries.stream().filter(entry -> entry.host() != null).toList();
  }

  /**
   * Closes everything, newest first. Throws the first failure with the later ones suppressed; a
   * checked exception comes wrapped, naming what failed to close.
   */
  @Override
  public void close() {
    List<Entry> newestFirst = new ArrayList<>(entries);
    Collections.reverse(newestFirst);
    RuntimeException failure = null;
    for (Entry entry : newestFirst) {
      try {
        entry.resource().close();
      } catch (Exception e) {
        RuntimeException unchecked =
            e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("Could not close " + entry.name(), e);
        if (failure == null) {
          failure = unchecked;
        } else {
          failure.addSuppressed(unchecked);
        }
      }
    }
    entries.clear();
    reports.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
