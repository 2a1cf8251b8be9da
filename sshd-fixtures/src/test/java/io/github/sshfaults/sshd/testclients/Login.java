package io.github.sshfaults.sshd.testclients;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;

/**
 * Where and how a test client logs in.
 *
 * @param key the client key, or null for password login
 * @param knownHostsLine the only host key to trust, or null to accept any
 */
public record Login(
    String host, int port, String user, String password, UserKey key, String knownHostsLine) {

  public static Login password(FakeSshHost host, String user, String password) {
    return new Login(host.host(), host.port(), user, password, null, null);
  }

  public static Login key(FakeSshHost host, UserKey key) {
    return new Login(host.host(), host.port(), key.user(), null, key, null);
  }

  public Login trusting(String knownHostsLine) {
    return new Login(host, port, user, password, key, knownHostsLine);
  }
}
