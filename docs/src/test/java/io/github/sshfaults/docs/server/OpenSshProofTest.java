package io.github.sshfaults.docs.server;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * OpenSSH's {@code ssh} against the standalone server, started as a process of its own by {@code
 * src/test/server/openssh-proof.sh}, the script the guide shows in full: a stub's stdout, exit code
 * and stderr pass through; a rejected login, a drop after login, a banner later than {@code
 * ConnectTimeout} and a changed host key end as ssh ends them against a real server.
 */
@Tag("standalone-server")
class OpenSshProofTest {

  private static final List<String> CHECKS =
      List.of(
          "stdout-passes-through",
          "exit-code-passes-through",
          "stderr-passes-through",
          "rejected-login",
          "dropped-after-login",
          "banner-timeout",
          "changed-host-key");

  @TestFactory
  Stream<DynamicTest> sshSeesEachFaultAsFromARealServer() {
    Tools.requireOpenSsh();
    Tools.Run run =
        Tools.run(Duration.ofMinutes(2), "bash", "openssh-proof.sh", Tools.serverJar());
    return ScriptChecks.of(run, CHECKS);
  }
}
