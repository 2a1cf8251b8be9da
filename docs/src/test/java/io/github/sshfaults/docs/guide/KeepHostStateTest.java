package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.once;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.verify;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.KeepHostState;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The lifecycle page: a test that leaves a shared host as it was for the next test. */
// tag::class[]
@SshFaultsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepHostStateTest {

  @FakeHost(users = "deploy:s3cret")
  static FakeSshHost web;

  @Test
  @Order(1)
  @KeepHostState                          // what this test adds stays for the next one
  void installsTheRelease() throws Exception {
    web.command("cat /srv/app/VERSION").replies("2.4.1\n");
    exec(web, "deploy", "s3cret", "true");
  }

  @Test
  @Order(2)
  void seesTheReleaseAndTheJournalOfTheTestBefore() throws Exception {
    assertThat(exec(web, "deploy", "s3cret", "cat /srv/app/VERSION").stdout()).isEqualTo("2.4.1\n");
    verify(web, once()).ranCommand("true");
  }
}
// end::class[]
