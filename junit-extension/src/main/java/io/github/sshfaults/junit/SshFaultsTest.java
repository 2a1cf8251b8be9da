package io.github.sshfaults.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets tests in the annotated class (or the annotated test method) take fake SSH hosts as
 * parameters.
 *
 * <pre>{@code
 * @SshFaultsTest
 * class DeployTest {
 *   @Test
 *   void runsUptime(FakeSshHost host) throws Exception {
 *     host.user("alice", "secret");
 *     host.command("uptime").replies("up 3 days\n");
 *     // point the code under test at host.host(), host.port()
 *   }
 * }
 * }</pre>
 *
 * <p>Every {@link io.github.sshfaults.sshd.FakeSshHost} parameter is a new host of its own, started
 * before the test and closed after it, whether the test passes or fails. Annotate a parameter with
 * {@link FakeHost} to configure it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(SshFaultsExtension.class)
public @interface SshFaultsTest {}
