package io.github.sshfaults.docs.guide;

import io.github.sshfaults.sshd.FakeSshHost;

/**
 * One host of the worked example's fleet: a name for reports, where to connect, how to log in. The
 * code under test knows nothing of fake hosts; only the test builds targets from them.
 */
record Target(String name, String host, int port, String user, String password) {

  static Target of(String name, FakeSshHost host) {
    return new Target(name, host.host(), host.port(), "deploy", "s3cret");
  }

  @Override
  public String toString() {
    return name + " (" + host + ":" + port + ")";
  }
}
