package io.github.sshfaults.concurrent;

/**
 * The work {@link ConcurrentSsh} runs for one target with the client of the worker thread running
 * it.
 *
 * <pre>{@code
 * RunReport<FakeSshHost, CommandOutput> report = runner.run(hosts, JschClientAdapter.factory(),
 *     (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * @param <C> the type of the clients
 * @param <T> the type of the targets
 * @param <R> what the task returns on success
 */
@FunctionalInterface
public interface SshClientTask<C, T, R> {

  /**
   * Does the work for {@code target} with {@code client}, which belongs to the current thread.
   * Whatever it throws, checked or not, {@code Error}s included, is kept in the report as a failed
   * outcome with its cause chain.
   */
  R run(C client, T target) throws Exception;
}
