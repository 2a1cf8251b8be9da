package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lifecycle page: a shared host from a {@code @BeforeAll} parameter. */
// tag::class[]
@SshFaultsTest
class BeforeAllHostTest {

  private static FakeSshHost web;
  private static FakeSshHost db;

  @BeforeAll
  static void startFleet(
      @FakeHost(users = "deploy:s3cret") FakeSshHost webHost,
      @FakeHost(users = "deploy:s3cret") FakeSshHost dbHost) {
    web = webHost;                        // shared by every test, closed after the class
    db = dbHost;
    web.command("hostname").replies("web-1\n");
    db.command("hostname").replies("db-1\n");
  }

  @Test
  void readsBothHostnames() throws Exception {
    assertThat(exec(web, "deploy", "s3cret", "hostname").stdout()).isEqualTo("web-1\n");
    assertThat(exec(db, "deploy", "s3cret", "hostname").stdout()).isEqualTo("db-1\n");
  }
}
// end::class[]
