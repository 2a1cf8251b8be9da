package io.github.sshfaults.sshd.testclients;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import java.time.Duration;

/**
 * Where and how a test client logs in.
 *
 * @param key the client key, or null for password login
 * @param password the password, or null for key login; with a key too, the client offers both
 * @param knownHostsLine the only host key to trust, or null to accept any
 * @param timeout bounds every step of the client: connect, each read, authentication, the command
 * @param sshjKeyboardInteractive whether sshj also offers the password by keyboard-interactive, as
 *     MINA SSHD and JSch do by themselves where the host offers it; off by default, since sshj then
 *     tries it even on a transport a disconnect has killed
 */
public record Login(
    String host,
    int port,
    String user,
    String password,
    UserKey key,
    String knownHostsLine,
    Duration timeout,
    boolean sshjKeyboardInteractive) {

  public Login(
      String host, int port, String user, String password, UserKey key, String knownHostsLine) {
    this(host, port, user, password, key, knownHostsLine, SshClientLibrary.TIMEOUT);
  }

  public Login(
      String host,
      int port,
      String user,
      String password,
      UserKey key,
      String knownHostsLine,
      Duration timeout) {
    this(host, port, user, password, key, knownHostsLine, timeout, false);
  }

  /** The same login, by which sshj also tries keyboard-interactive with the password. */
  public Login withSshjKeyboardInteractive() {
    return new Login(host, port, user, password, key, knownHostsLine, timeout, true);
  }

  public static Login password(FakeSshHost host, String user, String password) {
    return new Login(host.host(), host.port(), user, password, null, null);
  }

  public static Login key(FakeSshHost host, UserKey key) {
    return new Login(host.host(), host.port(), key.user(), null, key, null);
  }

  public Login trusting(String knownHostsLine) {
    return new Login(
        host, port, user, password, key, knownHostsLine, timeout, sshjKeyboardInteractive);
  }

  /** The same login that also offers {@code password} after the key. */
  public Login andPassword(String password) {
    return new Login(
        host, port, user, password, key, knownHostsLine, timeout, sshjKeyboardInteractive);
  }

  /** The same login with every step bounded by {@code timeout} instead of the default. */
  public Login withTimeout(Duration timeout) {
    return new Login(
        host, port, user, password, key, knownHostsLine, timeout, sshjKeyboardInteractive);
  }

  int timeoutMillis() {
    return (int) timeout.toMillis();
  }
}
