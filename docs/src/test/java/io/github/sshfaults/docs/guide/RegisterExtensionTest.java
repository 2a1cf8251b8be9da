package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.FakeHostExtension;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle page: hosts configured by a builder, in static and instance fields. */
// tag::class[]
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterExtensionTest {

  @RegisterExtension
  static FakeHostExtension web =                      // one host for the class
      FakeHostExtension.builder()
          .name("web-1")                              // in failure diagnostics; default: field name
          .server(host -> host.algorithms(AlgorithmSet.OPENSSH).hostKeyType(HostKeyType.RSA))
          .setUp(host -> host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n"))
          .build();

  @RegisterExtension
  FakeHostExtension scratch = FakeHostExtension.builder().build();   // a new host for each test

  @Test
  @Order(1)
  void changesTheSharedHostForThisTestOnly() throws Exception {
    web.host().command("uptime").replies("up 5 min\n");

    assertThat(exec(web.host(), "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 5 min\n");
  }

  @Test
  @Order(2)
  void findsItResetToItsSetUp() throws Exception {
    FakeSshHost host = web.host();

    assertThat(exec(host, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
    assertThat(host.hostKeyType()).isEqualTo(HostKeyType.RSA);
    assertThat(scratch.host().port()).isNotEqualTo(host.port());
  }
}
// end::class[]
