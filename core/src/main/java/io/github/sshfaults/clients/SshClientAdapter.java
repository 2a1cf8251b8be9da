package io.github.sshfaults.clients;

/**
 * One client library behind one interface, for {@link io.github.sshfaults.concurrent.ConcurrentSsh}
 * tasks: connect, log in, run a command, and report every way that can fail as an exception {@link
 * io.github.sshfaults.concurrent.FailureKind#of} classifies faithfully. Adapters ship for JSch
 * ({@link io.github.sshfaults.clients.jsch.JschClientAdapter}), sshj ({@link
 * io.github.sshfaults.clients.sshj.SshjClientAdapter}) and the Apache MINA SSHD client ({@code
 * io.github.sshfaults.clients.mina.MinaClientAdapter} in {@code sshfaults-sshd-fixtures}); the
 * library itself is yours to put on the class path.
 *
 * <pre>{@code
 * RunReport<FakeSshHost, CommandOutput> report = runner.run(hosts, SshjClientAdapter.factory(),
 *     (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 * }</pre>
 *
 * <p>An adapter belongs to one thread at a time, except for {@link #close()}, which any thread may
 * call at any time: it closes the connections in use, so that a call blocked on them fails.
 */
public interface SshClientAdapter extends AutoCloseable {

  /**
   * Connects to {@code target}, logs in, runs {@code command} with empty input, reads its output to
   * the end and disconnects. Each step is bounded by the adapter's timeout.
   *
   * @return the output of a command that exited with status 0
   * @throws CommandFailedException when the command exited with another status ({@link
   *     FailureKind#COMMAND_FAILED})
   * @throws NoExitStatusException when the channel closed without an exit status: the connection
   *     was cut ({@link io.github.sshfaults.concurrent.FailureKind#DISCONNECTED})
   * @throws java.util.concurrent.TimeoutException when the command did not finish within the
   *     timeout ({@link io.github.sshfaults.concurrent.FailureKind#TIMEOUT})
   * @throws Exception what the library throws for everything else, unchanged
   */
  CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception;

  /**
   * Closes every connection this adapter opened and refuses to open more. Thread-safe and
   * idempotent; calls blocked on those connections fail.
   */
  @Override
  void close();
}
