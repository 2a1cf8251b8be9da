package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.docs.server.ServerProcess;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One plan file, two servers: the standalone server (a process of its own, as tests in other
 * languages use it) and a Java test's host fail the same connections, drawing from the same seed.
 */
@SshFaultsTest
@Tag("standalone-server")
class PlanSharedWithJavaTest {

  // tag::same-plan[]
  @Test
  void failsTheSameConnectionsAsTheStandaloneServer(
      @FakeHost(plan = "src/test/server/flaky.yaml") FakeSshHost inJava) throws Exception {
    try (ServerProcess server = ServerProcess.start("--plan", "src/test/server/flaky.yaml")) {
      ServerProcess.Host standalone = server.host("flaky");
      assertThat(standalone.seed()).isEqualTo(inJava.seed()).isEqualTo(42);

      List<String> outcomes = twentyLogins(SshTarget.of(standalone.host(), standalone.port()));

      assertThat(twentyLogins(inJava)).isEqualTo(outcomes).contains("ok", "dropped");
      assertThat(connectionsFaulted(inJava.journal().toJsonLines()))
          .isEqualTo(connectionsFaulted(server.journal("flaky")))
          .hasSize((int) outcomes.stream().filter("dropped"::equals).count());
    }
  }

  /** Logs in 20 times, one connection after the other: "ok" or "dropped" for each. */
  private static List<String> twentyLogins(SshTarget host) throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      try (MinaClientAdapter client = MinaClientAdapter.factory().create()) {
        client.exec(host, SshLogin.password("deploy", "s3cret"), "uptime");
        outcomes.add("ok");
      } catch (Exception e) {
        assertThat(FailureKind.of(e)).as("%s", e).isEqualTo(FailureKind.DISCONNECTED);
        outcomes.add("dropped");
      }
    }
    return outcomes;
  }
  // end::same-plan[]

  /** The connections of the journal's fault events, from its JSON Lines. */
  private static List<Integer> connectionsFaulted(String journal) {
    return journal
        .lines()
        .filter(line -> line.contains("\"type\":\"fault\""))
        .map(line -> Integer.parseInt(line.replaceFirst(".*\"connection\":(\\d+).*", "$1")))
        .toList();
  }
}
