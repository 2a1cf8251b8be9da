package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The lifecycle page: one host for the class, reset after each test, seen by nested classes. */
// tag::class[]
@SshFaultsTest
@Execution(ExecutionMode.SAME_THREAD)   // tests that share a host must not run at the same time
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedHostTest {

  @FakeHost(users = "deploy:s3cret")
  static FakeSshHost bastion;                         // one host for the whole class

  @BeforeAll
  static void stubForEveryTest() {
    bastion.command("hostname").replies("bastion\n"); // part of the state every test starts from
  }

  @Test
  @Order(1)
  void addsAUserAndAStub() throws Exception {
    bastion.user("temp", "pw").command("uptime").replies("up 3 days\n");

    assertThat(exec(bastion, "temp", "pw", "uptime").stdout()).isEqualTo("up 3 days\n");
  }

  @Test
  @Order(2)
  void findsTheHostAsBeforeAllLeftIt() throws Exception {
    assertThat(bastion.journal().events()).isEmpty();                          // journal cleared
    assertThat(exec(bastion, "deploy", "s3cret", "uptime").exitCode()).isEqualTo(127); // no stub
    assertThat(exec(bastion, "deploy", "s3cret", "hostname").stdout()).isEqualTo("bastion\n");
  }

  @Nested
  class WhenDeploying {

    @Test
    void usesTheOuterHost() throws Exception {
      assertThat(exec(bastion, "deploy", "s3cret", "hostname").stdout()).isEqualTo("bastion\n");
    }
  }
}
// end::class[]
