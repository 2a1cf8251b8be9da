package io.github.sshfaults.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of the annotated class (or the annotated test method) fake SSH hosts: as
 * parameters, in {@link FakeHost} fields, shared or per test.
 *
 * <pre>{@code
 * @SshFaultsTest
 * class DeployTest {
 *   @FakeHost(users = "deploy:s3cret")
 *   static FakeSshHost bastion;                 // one host for the class, reset after each test
 *
 *   @Test
 *   void runsUptime(FakeSshHost host) throws Exception {   // a new host for this test
 *     host.user("alice", "secret");
 *     host.command("uptime").replies("up 3 days\n");
 *     // point the code under test at host.host(), host.port()
 *   }
 * }
 * }</pre>
 *
 * <p>Every {@link io.github.sshfaults.sshd.FakeSshHost} parameter of a test or {@code @BeforeEach}
 * method, and every {@link FakeHost} instance field, is a new host of its own, started before the
 * test and closed after it, whether the test passes or fails. A {@code static} {@link FakeHost}
 * field or a {@code @BeforeAll} parameter is one host for the class and its {@code @Nested}
 * classes; after each test it is reset to how it was before that test (users and stubs the test
 * added are gone, the journal is empty) unless the test is annotated {@link KeepHostState}. Tests
 * that share a host must not run concurrently; under JUnit's parallel execution, a test that finds
 * a shared host in use by another fails with a message saying so. For configuration beyond the
 * annotation, use a {@link FakeHostExtension}.
 *
 * <p>The other parameters it provides: a {@code List<FakeSshHost>} annotated {@code @FakeHost(count
 * = N)}, a fleet of N hosts alike; a {@link io.github.sshfaults.concurrent.ConcurrentSsh} runner
 * named after the test, whose outcome tables a failed test reports; a {@link HostRegistry}, which
 * closes and reports hosts the test builds by hand.
 *
 * <p>When a test fails, each host it could reach is described in a report entry ({@code
 * sshfaults.host.<name>}, named as {@link FakeHost} says) and in the log at WARN: address, host
 * key, algorithms, seed, fault plan and the last events of its journal. Everything is closed
 * through the extension store, newest first.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(SshFaultsExtension.class)
public @interface SshFaultsTest {

  /**
   * Whether each test, and the class, must leave nothing running: once a test (or the class) is
   * over and everything it owned was closed, no thread of a fake host, a concurrent run, a client
   * adapter or a MINA SSHD, JSch or sshj client that it started may still run after a few seconds
   * of grace; if one does, the test fails, listing each such thread and where it stands. Off
   * unless set, here or for a whole run with the JUnit configuration parameter {@code
   * sshfaults.checkLeaks=true} (in {@code junit-platform.properties}, say). Meant for tests that
   * run one at a time: under JUnit's parallel execution, another test's threads would count too.
   */
  boolean checkLeaks() default false;
}
