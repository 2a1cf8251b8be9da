package io.github.sshfaults.clients;

/**
 * Makes the client of each worker thread of {@link io.github.sshfaults.concurrent.ConcurrentSsh},
 * and closes it when the run ends.
 *
 * <pre>{@code
 * ClientFactory<SSHClient> sshj = () -> {
 *   SSHClient client = new SSHClient();
 *   client.addHostKeyVerifier(new PromiscuousVerifier());
 *   return client;
 * };
 * }</pre>
 *
 * <p>Each worker thread creates its client the first time it needs one and keeps it for the tasks
 * it runs after; clients are never shared between threads. When the run ends (pass, fail or hang),
 * and whenever a task of that thread exceeds its deadline, the client is closed with {@link
 * #close}, possibly from another thread: closing must be thread-safe and should make a blocked call
 * on the client fail promptly. The adapters ({@link
 * io.github.sshfaults.clients.jsch.JschClientAdapter#factory()}, {@link
 * io.github.sshfaults.clients.sshj.SshjClientAdapter#factory()}, and the MINA SSHD adapter of
 * {@code sshfaults-sshd-fixtures}) do all of this.
 *
 * @param <C> the type of the clients
 */
@FunctionalInterface
public interface ClientFactory<C> {

  /**
   * Creates a client for the current worker thread. If it throws, the task that needed the client
   * fails with that exception, and the thread tries again for its next task.
   */
  C create() throws Exception;

  /**
   * Closes {@code client}; by default calls {@link AutoCloseable#close()} if the client has it.
   * Called once per client.
   */
  default void close(C client) throws Exception {
    if (client instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
