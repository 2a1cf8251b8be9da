package io.github.sshfaults.concurrent;

/**
 * The work {@link ConcurrentSsh} runs for one target, on one of its worker threads.
 *
 * <pre>{@code
 * RunReport<FakeSshHost, String> report =
 *     runner.run(hosts, host -> myFleetCode.uptime(host.host(), host.port()));
 * }</pre>
 *
 * @param <T> the type of the targets
 * @param <R> what the task returns on success
 */
@FunctionalInterface
public interface SshTask<T, R> {

  /**
   * Does the work for {@code target}. Whatever it throws, checked or not, {@code Error}s included,
   * is kept in the report as a failed outcome with its cause chain.
   *
   * <p>A task past its deadline is interrupted and its client closed: tasks should let {@link
   * InterruptedException} and I/O errors end them.
   */
  R run(T target) throws Exception;
}
