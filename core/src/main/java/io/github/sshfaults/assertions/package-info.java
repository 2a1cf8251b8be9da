/**
 * AssertJ assertions on the reports of {@link io.github.sshfaults.concurrent.ConcurrentSsh}, and
 * bounded, described waits built on Awaitility.
 *
 * <pre>{@code
 * import static io.github.sshfaults.assertions.SshAssertions.assertThat;
 *
 * assertThat(report).succeededOn(good).failedOn(locked, FailureKind.AUTH).noneHung();
 * SshAwait.atMost(Duration.ofSeconds(5)).until("the job finished", job::isDone);
 * }</pre>
 */
package io.github.sshfaults.assertions;
