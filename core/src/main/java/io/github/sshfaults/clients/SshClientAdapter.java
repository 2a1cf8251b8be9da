package io.github.sshfaults.clients;

import java.util.List;

/**
 * One client library behind one interface: connect, log in, run a command or transfer a file over
 * SFTP, and report every way that can fail as an exception that {@link
 * io.github.sshfaults.concurrent.FailureKind#of} classifies faithfully. Adapters ship for JSch
 * ({@link io.github.sshfaults.clients.jsch.JschClientAdapter}), sshj ({@link
 * io.github.sshfaults.clients.sshj.SshjClientAdapter}) and the Apache MINA SSHD client ({@code
 * io.github.sshfaults.clients.mina.MinaClientAdapter} in {@code sshfaults-sshd-fixtures}); the
 * library itself is yours to put on the class path. Each has {@code connect(target, login)} for
 * anything else, which returns the library's own logged-in session.
 *
 * <pre>{@code
 * RunReport<FakeSshHost, CommandOutput> report = runner.run(hosts, SshjClientAdapter.factory(),
 *     (client, host) -> client.exec(host, SshLogin.password("alice", "secret"), "uptime"));
 *
 * try (SshClientAdapter jsch = JschClientAdapter.factory().create()) {
 *   jsch.upload(host, login, "/data/report.csv", bytes);
 *   List<String> names = jsch.list(host, login, "/data");   // [report.csv]
 * }
 * }</pre>
 *
 * <p>Each call opens its own connection and closes it before it returns; each step (connect, key
 * exchange and login, channel open, the command or the transfer) is bounded by the adapter's
 * timeout. An adapter belongs to one thread at a time, except for {@link #close()}, which any
 * thread may call at any time: it closes the connections in use, so that a call blocked on them
 * fails.
 *
 * <p>The SFTP operations fail with the library's own SFTP exception when the server answers with a
 * status ({@link io.github.sshfaults.concurrent.FailureKind#SFTP}: no such file, permission
 * denied...), and with an exception that classifies as {@link
 * io.github.sshfaults.concurrent.FailureKind#DISCONNECTED} when the connection ends during the
 * transfer, never as a success with part of the file.
 */
public interface SshClientAdapter extends AutoCloseable {

  /**
   * Connects to {@code target}, logs in, runs {@code command} with empty input, reads its output to
   * the end and disconnects.
   *
   * @return the output of a command that exited with code 0
   * @throws CommandFailedException when the command exited with another code ({@link
   *     io.github.sshfaults.concurrent.FailureKind#COMMAND_FAILED})
   * @throws NoExitCodeException when the channel closed without an exit code: the connection
   *     was cut ({@link io.github.sshfaults.concurrent.FailureKind#DISCONNECTED})
   * @throws java.util.concurrent.TimeoutException when the command did not finish within the
   *     timeout ({@link io.github.sshfaults.concurrent.FailureKind#TIMEOUT})
   * @throws Exception what the library throws for everything else, unchanged
   */
  CommandOutput exec(SshTarget target, SshLogin login, String command) throws Exception;

  /**
   * Connects to {@code target}, logs in, writes {@code content} to the file at {@code path} over
   * SFTP (creating it, or replacing what it held; its directory must exist) and disconnects.
   *
   * @throws java.util.concurrent.TimeoutException when the transfer did not finish within the
   *     timeout, with what the library threw when the connection was cut as its cause
   * @throws Exception what the library throws for everything else, unchanged (see above)
   */
  void upload(SshTarget target, SshLogin login, String path, byte[] content) throws Exception;

  /**
   * Connects to {@code target}, logs in, reads the whole file at {@code path} over SFTP and
   * disconnects.
   *
   * @return the file's content
   * @throws java.util.concurrent.TimeoutException when the transfer did not finish within the
   *     timeout, with what the library threw when the connection was cut as its cause
   * @throws Exception what the library throws for everything else, unchanged (see above)
   */
  byte[] download(SshTarget target, SshLogin login, String path) throws Exception;

  /**
   * Connects to {@code target}, logs in, lists the directory {@code directory} over SFTP and
   * disconnects.
   *
   * @return the names of the directory's entries (files, directories, links), without {@code .} and
   *     {@code ..}, sorted; unmodifiable
   * @throws java.util.concurrent.TimeoutException when the listing did not finish within the
   *     timeout, with what the library threw when the connection was cut as its cause
   * @throws Exception what the library throws for everything else, unchanged (see above)
   */
  List<String> list(SshTarget target, SshLogin login, String directory) throws Exception;

  /**
   * Closes every connection this adapter opened and refuses to open more. Thread-safe and
   * idempotent; calls blocked on those connections fail.
   */
  @Override
  void close();
}
