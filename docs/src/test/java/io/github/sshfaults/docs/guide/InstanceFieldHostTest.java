package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.Test;

/** The lifecycle page: a host in an instance field, new for each test. */
// tag::class[]
@SshFaultsTest
class InstanceFieldHostTest {

  @FakeHost(users = "deploy:s3cret")
  FakeSshHost web;                                    // a new host for each test

  @Test
  void readsUptime() throws Exception {
    web.command("uptime").replies("up 3 days\n");

    assertThat(exec(web, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
  }

  @Test
  void startsFromScratch() {
    assertThat(web.journal().events()).isEmpty();     // another host than readsUptime's
  }
}
// end::class[]
