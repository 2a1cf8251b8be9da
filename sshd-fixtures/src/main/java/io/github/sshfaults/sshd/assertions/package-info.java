/**
 * Assertions for tests with fake hosts, all from one entry point, {@link
 * io.github.sshfaults.sshd.assertions.SshFaultsAssertions}: {@code verify(host, count)} checks
 * what a host saw ({@link io.github.sshfaults.sshd.assertions.Verification}), {@code
 * assertThat(host)} what it holds ({@link io.github.sshfaults.sshd.assertions.FakeSshHostAssert}),
 * and the runner's report assertions and all of AssertJ's come with them.
 *
 * <pre>{@code
 * import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.*;
 *
 * assertThat(report).succeededOn(web).failedOn(db, FailureKind.AUTH);
 * verify(web, times(2)).ranCommand("systemctl restart nginx");
 * verify(db, never()).authenticated("deploy");
 * assertThat(web).hasFile("/etc/nginx/nginx.conf");
 * }</pre>
 */
package io.github.sshfaults.sshd.assertions;
