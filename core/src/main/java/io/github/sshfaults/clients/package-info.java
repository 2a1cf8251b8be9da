/**
 * SSH clients behind one interface, for tests that drive JSch, sshj or the Apache MINA SSHD client
 * the same way: where to connect, how to log in, what came back.
 *
 * <ul>
 *   <li>{@link io.github.sshfaults.clients.SshTarget} is a host and a port ({@code FakeSshHost} is
 *       one), {@link io.github.sshfaults.clients.SshLogin} a user with a password or a key and the
 *       host keys it trusts;
 *   <li>{@link io.github.sshfaults.clients.SshClientAdapter} runs a command and transfers files
 *       over SFTP with one library, and reports every failure as an exception that {@code
 *       FailureKind.of} classifies faithfully: {@link
 *       io.github.sshfaults.clients.CommandFailedException} for a non-zero exit, {@link
 *       io.github.sshfaults.clients.NoExitCodeException} for a command whose connection was cut;
 *   <li>{@link io.github.sshfaults.clients.ClientFactory} makes one client per worker thread of the
 *       concurrent runner ({@code io.github.sshfaults.concurrent}).
 * </ul>
 *
 * <p>The adapters live in a package per library, which you put on the class path yourself: {@code
 * io.github.sshfaults.clients.jsch}, {@code io.github.sshfaults.clients.sshj} (both in {@code
 * sshfaults-core}) and {@code io.github.sshfaults.clients.mina} (in {@code
 * sshfaults-sshd-fixtures}).
 *
 * <pre>{@code
 * try (SshClientAdapter sshj = SshjClientAdapter.factory().create()) {
 *   CommandOutput uptime = sshj.exec(host, SshLogin.password("alice", "secret"), "uptime");
 * }
 * }</pre>
 *
 * <p>Copies and setters, as in every package of sshfaults but the fault DSL: an immutable value
 * returns a modified copy from {@code withX(..)} and stays as it was; a {@code with} method for a
 * setting that takes several values adds to the earlier ones ({@code
 * login.withKnownHostsLine(line)}, once per trusted host key, read back with {@code
 * knownHostsLines()}). No method is named for how it reads in a sentence instead ({@code trusting}
 * would have been one): one rule is easier to remember than a rule and its exceptions. Mutable
 * builders ({@code ...Builder}) use bare setter names; getters are plain nouns and never share a
 * name with a copy method.
 */
package io.github.sshfaults.clients;
