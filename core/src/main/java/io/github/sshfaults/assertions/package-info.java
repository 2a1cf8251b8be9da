/**
 * AssertJ assertions on the reports of {@link io.github.sshfaults.concurrent.ConcurrentSsh}, and
 * bounded, described waits built on Awaitility. With fake hosts, the entry point is {@code
 * io.github.sshfaults.sshd.assertions.SshFaultsAssertions} of {@code sshfaults-sshd-fixtures},
 * which extends {@link io.github.sshfaults.assertions.SshAssertions}.
 *
 * <pre>{@code
 * import static io.github.sshfaults.assertions.SshAssertions.assertThat;
 *
 * assertThat(report).succeededOn(good).failedOn(locked, FailureKind.AUTH).noneHung();
 * SshAwait.atMost(Duration.ofSeconds(5)).until("the job finished", job::isDone);
 * }</pre>
 *
 * <p>Copies and setters, as in every package of sshfaults but the fault DSL: an immutable
 * configuration value returns a modified copy from {@code withX(..)} and stays as it was ({@code
 * SshAwait.atMost(timeout).withPollInterval(interval)}); mutable builders ({@code ...Builder}) use
 * bare setter names; getters are plain nouns and never share a name with a copy method.
 */
package io.github.sshfaults.assertions;
