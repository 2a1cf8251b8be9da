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
 * order. Once closed, it takes nothing more: what came later would never be closed.
 */
final class HostScope implements AutoCloseable {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HostScope.class);

  /**
   * One host and what the lifecycle needs to know about it.
   *
   * @param name how diagnostics name it, and where that name comes from
   * @param resource what to close
   * @param host the host, or null for a resource that is not a host
   * @param resettable whether it is a host shared by tests and reset after each
   * @param testsRunning how many tests use it right now, to catch concurrent use of a shared host
   * @param fleet the fleet it belongs to, or null
   */
  record Entry(
      HostName name,
      AutoCloseable resource,
      FakeSshHost host,
      boolean resettable,
      AtomicInteger testsRunning,
      Fleet fleet) {}

  /**
   * The fleet a host belongs to: its hosts are named {@code <name>-1} to {@code <name>-<size>} and
   * their seeds derive from {@code seed}.
   */
  record Fleet(String name, int size, long seed) {}

  /**
   * The report of one run of an injected runner.
   *
   * @param name the parameter the runner was injected as
   */
  record Report(HostName name, RunReport<?, ?> report) {}

  private final boolean shared;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private boolean closed;

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

  /** The hosts of {@code context} and of every context around it, innermost scope first. */
  static List<Entry> hostsInReach(ExtensionContext context) {
    List<Entry> hosts = new ArrayList<>();
    enclosing(context).forEach(scope -> hosts.addAll(scope.hosts()));
    return hosts;
  }

  /**
   * Adds a host this scope now owns and will close. A shared scope resets it between tests unless
   * {@code resetBetweenTests} is false.
   *
   * @throws IllegalStateException when the scope is closed already (the host is not adopted)
   */
  void addHost(HostName name, FakeSshHost host, boolean resetBetweenTests) {
    addHosts(List.of(name), List.of(host), resetBetweenTests, null);
  }

  /**
   * Adds hosts this scope now owns and will close, all or none, each named by the name at the same
   * index; {@code fleet} is the fleet they form, or null.
   *
   * @throws IllegalStateException when the scope is closed already (no host is adopted)
   */
  synchronized void addHosts(
      List<HostName> names, List<FakeSshHost> hosts, boolean resetBetweenTests, Fleet fleet) {
    checkOpen();
    List<Entry> added = new ArrayList<>(hosts.size());
    for (int i = 0; i < hosts.size(); i++) {
      added.add(
          new Entry(
              names.get(i),
              hosts.get(i),
              hosts.get(i),
              shared && resetBetweenTests,
              new AtomicInteger(),
              fleet));
    }
    entries.addAll(added);
  }

  /**
   * Adds a resource that is not a host, to be closed in order with the hosts.
   *
   * @throws IllegalStateException when the scope is closed already
   */
  synchronized void addResource(String name, AutoCloseable resource) {
    checkOpen();
    entries.add(
        new Entry(
            new HostName(name, HostName.Origin.DECLARED, name),
            resource,
            null,
            false,
            new AtomicInteger(),
            null));
  }

  /** Keeps the report of a run made in this scope, for the diagnostics of a failed test. */
  void addReport(HostName name, RunReport<?, ?> report) {
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

  /** Whether this scope has closed what it held, and takes nothing more. */
  synchronized boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "The test or class this host would belong to has ended, and closed its hosts; a host"
              + " added now would never be closed");
    }
  }

  /**
   * Closes everything, newest first. Throws the first failure with the later ones suppressed; a
   * checked exception comes wrapped, naming what failed to close.
   */
  @Override
  public void close() {
    List<Entry> newestFirst;
    synchronized (this) {
      closed = true;
      newestFirst = new ArrayList<>(entries);
    }
    Collections.reverse(newestFirst);
    RuntimeException failure = null;
    for (Entry entry : newestFirst) {
      try {
        entry.resource().close();
      } catch (Exception e) {
        RuntimeException unchecked =
            e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("Could not close " + entry.name().value(), e);
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
