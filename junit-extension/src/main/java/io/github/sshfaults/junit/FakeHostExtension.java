package io.github.sshfaults.junit;

import static io.github.sshfaults.internal.Preconditions.checkState;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * One fake SSH host with full configuration, for {@code @RegisterExtension}: in a {@code static}
 * field, one host for the class (and its {@code @Nested} classes), reset after each test; in an
 * instance field, a new host for each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeHostExtension web =
 *     FakeHostExtension.builder()
 *         .server(host -> host.algorithms(AlgorithmSet.OPENSSH).hostKeyType(HostKeyType.RSA))
 *         .setUp(host -> host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n"))
 *         .build();
 *
 * @Test
 * void readsUptime() {
 *   web.host().command("hostname").replies("web-1\n"); // gone again after this test
 *   ...
 * }
 * }</pre>
 *
 * <p>The host starts before the first test (static field) or before each test (instance field), and
 * is closed through the extension store when its class or test ends, pass or fail. {@link
 * Builder#setUp} runs once on each new host; what it declares stays across resets. Failure
 * diagnostics name the host after the field that holds the extension, unless {@link Builder#name}
 * says otherwise. It works with or without {@link SshFaultsTest} on the class.
 */
public final class FakeHostExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        LifecycleMethodExecutionExceptionHandler {

  private final String name;
  private final UnaryOperator<FakeSshHost.Builder> server;
  private final Consumer<FakeSshHost> setUp;
  private final boolean resetBetweenTests;
  private volatile FakeSshHost host;

  private FakeHostExtension(Builder builder) {
    this.name = builder.name;
    this.server = builder.server;
    this.setUp = builder.setUp;
    this.resetBetweenTests = builder.resetBetweenTests;
  }

  /** A builder for an extension whose host is configured beyond the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The host, from its start until it is closed (a test may {@linkplain FakeSshHost#stop() stop}
   * it; that is reset after the test).
   *
   * @throws IllegalStateException outside the tests the extension serves (before the host starts or
   *     after it closed)
   */
  public FakeSshHost host() {
    FakeSshHost current = host;
    checkState(
        current != null && !current.isClosed(),
        "The host of "
            + this
            + " is not available: it runs from before all tests (static field) or"
            + " before each test (instance field) until the class or test ends");
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startUnlessRunning(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startUnlessRunning(context);
    HostLifecycle.beforeEach(context);
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

  // A static extension is also called for each @Nested class, whose tests share the outer host.
  private synchronized void startUnlessRunning(ExtensionContext context) {
    FakeSshHost current = host;
    if (current != null && !current.isClosed()) {
      return;
    }
    String hostName = nameIn(context);
    FakeSshHost started = server.apply(FakeSshHost.builder().name(hostName)).start();
    HostScope.of(context)
        .addHost(
            new HostName(hostName, HostName.Origin.DECLARED, "FakeHostExtension " + hostName),
            started,
            resetBetweenTests);
    setUp.accept(started);
    host = started;
  }

  /** The configured name, or the name of the field holding this extension. */
  private String nameIn(ExtensionContext context) {
    if (name != null) {
      return name;
    }
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      ExtensionContext scope = c.get();
      Optional<Class<?>> testClass = scope.getTestClass();
      if (testClass.isEmpty()) {
        continue;
      }
      for (Field field :
          ReflectionSupport.findFields(
              testClass.get(),
              f -> f.getType() == FakeHostExtension.class,
              HierarchyTraversalMode.TOP_DOWN)) {
        Optional<Object> owner =
            ModifierSupport.isStatic(field)
                ? Optional.empty()
                : scope
                    .getTestInstances()
                    .flatMap(all -> all.findInstance(field.getDeclaringClass()));
        if ((owner.isPresent() || ModifierSupport.isStatic(field))
            && ReflectionSupport.tryToReadFieldValue(field, owner.orElse(null))
                    .toOptional()
                    .orElse(null)
                == this) {
          return field.getName();
        }
      }
    }
    return "FakeHostExtension";
  }

  @Override
  public String toString() {
    return "FakeHostExtension" + (name == null ? "" : "[" + name + "]");
  }

  /**
   * Configures a {@link FakeHostExtension}. Each setter checks its argument at once; {@link
   * #build()} returns an immutable extension.
   */
  public static final class Builder {

    private String name;
    private UnaryOperator<FakeSshHost.Builder> server = UnaryOperator.identity();
    private Consumer<FakeSshHost> setUp = host -> {};
    private boolean resetBetweenTests = true;

    private Builder() {}

    /** Names the host in failure diagnostics; the name of the extension's field unless set. */
    public Builder name(String name) {
      this.name = notBlank(name, "host name");
      return this;
    }

    /**
     * Configures how each host starts: {@code server(b -> b.algorithms(...).hostKeyType(...))}. The
     * function gets a fresh {@link FakeSshHost.Builder} for each host and returns it.
     */
    public Builder server(UnaryOperator<FakeSshHost.Builder> server) {
      this.server = notNull(server, "server configuration");
      return this;
    }

    /**
     * Declares what every test starts with (users, stubs), once on each new host. A shared host is
     * reset to this state (plus what {@code @BeforeAll} methods added) after each test.
     */
    public Builder setUp(Consumer<FakeSshHost> setUp) {
      this.setUp = notNull(setUp, "host set-up");
      return this;
    }

    /**
     * Whether a host shared by the tests of a class is reset after each test; true unless set. With
     * false, users, stubs and journal carry over from test to test.
     */
    public Builder resetBetweenTests(boolean resetBetweenTests) {
      this.resetBetweenTests = resetBetweenTests;
      return this;
    }

    /** The extension, for a {@code @RegisterExtension} field. */
    public FakeHostExtension build() {
      return new FakeHostExtension(this);
    }
  }
}
