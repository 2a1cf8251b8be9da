package io.github.sshfaults.docs.server;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * paramiko against the standalone server, from {@code src/test/server/paramiko_fleet.py}, the
 * script the guide shows in full: a thread pool runs one client per host of {@code fleet.yaml}
 * (healthy, rejecting logins, resetting after login) and classifies each outcome as paramiko
 * raises it; then a silent host ends in paramiko's banner timeout, and an SFTP fault in its {@code
 * PermissionError} with errno 13.
 */
@Tag("standalone-server")
class ParamikoProofTest {

  private static final List<String> CHECKS =
      List.of(
          "healthy-host-answers",
          "rejected-login-is-authentication-exception",
          "reset-after-login-is-disconnected",
          "silent-host-is-banner-timeout",
          "sftp-serves-the-files-folder",
          "sftp-permission-denied-is-errno-13");

  @TestFactory
  Stream<DynamicTest> paramikoSeesEachFaultAsFromARealServer() {
    String python = Tools.requireParamiko();
    Tools.Run run =
        Tools.run(
            Duration.ofMinutes(2), python, "paramiko_fleet.py", Tools.serverJar(), "fleet.yaml");
    return ScriptChecks.of(run, CHECKS);
  }
}
