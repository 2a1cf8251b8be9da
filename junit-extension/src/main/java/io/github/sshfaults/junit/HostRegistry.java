package io.github.sshfaults.junit;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.checkState;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.sshd.FakeSshHost;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes hosts the test builds by hand with its other hosts, and shows them in its failure report:
 * a parameter of a {@link SshFaultsTest} test, {@code @BeforeEach} or {@code @BeforeAll} method.
 *
 * <pre>{@code
 * @Test
 * void deploysToALegacyHost(HostRegistry hosts) {
 *   FakeSshHost legacy = hosts.start(host -> host.name("legacy").hostKeyType(HostKeyType.RSA));
 *   FakeSshHost bastion = hosts.register(Bastions.startWithJumpUser()); // built elsewhere
 *   ...                                               // both closed after the test, pass or fail
 * }
 * }</pre>
 *
 * <p>The hosts belong to the test the registry was injected into (a test or {@code @BeforeEach}
 * parameter), or to the class and its {@code @Nested} classes (a {@code @BeforeAll} parameter):
 * they are closed when it ends, newest first, with the hosts the extension started; a class's hosts
 * are reset after each test, as every shared host is. A failed test's report describes each of them
 * under its {@linkplain FakeSshHost#displayName() display name}: name hand-built hosts with {@link
 * FakeSshHost.Builder#name(String)}. Thread-safe.
 */
public final class HostRegistry {

  private final ExtensionContext context;
  private final HostScope scope;

  HostRegistry(ExtensionContext context) {
    this.context = context;
    this.scope = HostScope.of(context);
  }

  /**
   * Adopts {@code host}, running or stopped: it is closed when the registry's test (or class) ends,
   * and appears in its failure report. Returns {@code host}.
   *
   * @throws IllegalArgumentException when {@code host} is closed, or belongs to this test already
   *     (registered before, or started by the extension)
   * @throws IllegalStateException when the registry's test or class has ended
   */
  public FakeSshHost register(FakeSshHost host) {
    notNull(host, "host to register");
    check(
        !host.isClosed(),
        "Cannot register "
            + host
            + ": it is closed already. Register a host while it runs (or is stopped), and let the"
            + " registry close it");
    synchronized (scope) {
      checkState(!scope.isClosed(), this + " is closed: its test or class has ended");
      for (HostScope.Entry entry : HostScope.hostsInReach(context)) {
        check(
            entry.host() != host,
            "Cannot register "
                + host
                + " twice: it belongs to this test already, as "
                + entry.name().source()
                + ", and is closed with it");
      }
      String name = host.displayName();
      scope.addHost(
          new HostName(name, HostName.Origin.DECLARED, "host " + name + " registered by hand"),
          host,
          true);
    }
    return host;
  }

  /**
   * Builds a host with {@code configuration}, starts it and {@linkplain #register registers} it:
   * {@code start(host -> host.name("legacy").hostKeyType(HostKeyType.RSA))}. The builder it gets
   * names the host {@code registered-1}, {@code registered-2}... (unique among the test's hosts)
   * unless the configuration names it.
   *
   * @throws IllegalStateException when the registry's test or class has ended
   */
  public FakeSshHost start(UnaryOperator<FakeSshHost.Builder> configuration) {
    notNull(configuration, "host configuration");
    // One at a time, so that two threads never pick the same default name.
    synchronized (scope) {
      checkState(!scope.isClosed(), this + " is closed: its test or class has ended");
      FakeSshHost.Builder builder =
          notNull(
              configuration.apply(FakeSshHost.builder().name(nextDefaultName())),
              "the builder the host configuration returns");
      FakeSshHost host = builder.start();
      try {
        return register(host);
      } catch (RuntimeException e) {
        host.close();
        throw e;
      }
    }
  }

  private String nextDefaultName() {
    Set<String> taken = new HashSet<>();
    HostScope.hostsInReach(context).forEach(entry -> taken.add(entry.name().value()));
    int n = 1;
    while (taken.contains("registered-" + n)) {
      n++;
    }
    return "registered-" + n;
  }

  /** Names the test or class whose hosts it registers. */
  @Override
  public String toString() {
    return "HostRegistry[" + context.getDisplayName() + "]";
  }
}
