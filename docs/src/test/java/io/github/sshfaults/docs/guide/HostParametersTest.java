package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle page: hosts as parameters of test and {@code @BeforeEach} methods. */
@SshFaultsTest
class HostParametersTest {

  private FakeSshHost gateway;

  // tag::per-test[]
  @Test
  void readsUptime(FakeSshHost host) throws Exception {   // a new host, closed after the test
    host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");

    assertThat(exec(host, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
  }
  // end::per-test[]

  // tag::several[]
  @Test
  void givesEveryParameterItsOwnHost(FakeSshHost web, FakeSshHost db, FakeSshHost cache) {
    assertThat(web.port()).isNotIn(db.port(), cache.port());
    assertThat(db.port()).isNotEqualTo(cache.port());
  }
  // end::several[]

  // tag::attributes[]
  @Test
  void configuresEachHostByAnnotation(
      @FakeHost(
              users = {"deploy:s3cret", "backup:pass:with:colons"},  // name, then all after ':'
              algorithms = AlgorithmSet.OPENSSH,               // default FAST
              hostKeyType = HostKeyType.RSA,                         // default ECDSA_P256
              authMethods = AuthMethod.PASSWORD,                     // default publickey,password
              journalCapacity = 100)                                 // default 10 000 events
          FakeSshHost legacy,
      @FakeHost(acceptAnyCredentials = true, timing = Timing.OPENSSH) FakeSshHost open)
      throws Exception {
    legacy.command("true").replies("");
    open.command("id").replies("uid=0(root)\n");

    assertThat(exec(legacy, "backup", "pass:with:colons", "true").exitCode()).isZero();
    assertThat(legacy.hostKeyType()).isEqualTo(HostKeyType.RSA);
    assertThat(legacy.knownHostsLine()).contains(" ssh-rsa AAAA");
    assertThat(legacy.journal().capacity()).isEqualTo(100);
    assertThat(exec(open, "anyone", "anything", "id").stdout()).isEqualTo("uid=0(root)\n");
    assertThat(open.timing()).isEqualTo(Timing.OPENSSH);            // a login costs ~0.4 s
    assertThatThrownBy(() -> exec(legacy, "deploy", "wrong", "true"))
        .hasMessageContaining("No more authentication methods available");
  }
  // end::attributes[]

  // tag::before-each[]
  @BeforeEach
  void startGateway(@FakeHost(users = "deploy:s3cret") FakeSshHost host) {
    gateway = host;                   // new for each test, closed after it
    gateway.command("route").replies("via gateway\n");
  }

  @Test
  void usesTheGatewayOfThisTest() throws Exception {
    assertThat(exec(gateway, "deploy", "s3cret", "route").stdout()).isEqualTo("via gateway\n");
  }
  // end::before-each[]
}
