/**
 * The concurrent-execution helper: run an SSH task against many targets at once and get every
 * outcome back, classified.
 *
 * <ul>
 *   <li>{@link io.github.sshfaults.concurrent.ConcurrentSsh} runs the tasks, with deadlines,
 *       retries and one client per worker thread from a {@link
 *       io.github.sshfaults.clients.ClientFactory};
 *   <li>{@link io.github.sshfaults.concurrent.RunReport} and {@link
 *       io.github.sshfaults.concurrent.Outcome} are what comes back;
 *   <li>{@link io.github.sshfaults.concurrent.FailureKind} says what went wrong, whichever client
 *       library reported it, and {@link io.github.sshfaults.concurrent.FailureClassifier} teaches
 *       it your own exceptions;
 *   <li>{@link io.github.sshfaults.clients.SshClientAdapter} puts JSch, sshj and the MINA SSHD
 *       client behind one {@code exec} that reports failing and cut commands faithfully.
 * </ul>
 *
 * <pre>{@code
 * RunReport<FakeSshHost, CommandOutput> report = ConcurrentSsh.create().run(
 *     List.of(good, locked, down), SshjClientAdapter.factory(),
 *     (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * report.failuresByKind();   // {AUTH=[...], CONNECT_REFUSED=[...]}
 * }</pre>
 *
 * <p>Copies and setters, as in every package of sshfaults but the fault DSL: an immutable
 * configuration value returns a modified copy from {@code withX(..)} and stays as it was ({@code
 * runner.withThreads(4)}, {@code policy.withMaxAttempts(3)}); a {@code with} method for a setting
 * that takes several values ({@code withClassifier}, {@code withReportListener}) adds to the
 * earlier ones. Mutable builders ({@code ...Builder}) use bare setter names. Getters are plain nouns
 * ({@code maxAttempts()}) and never share a name with a copy method.
 */
package io.github.sshfaults.concurrent;
