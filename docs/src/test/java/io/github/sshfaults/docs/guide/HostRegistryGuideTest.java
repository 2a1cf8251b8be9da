package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.junit.HostRegistry;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import org.junit.jupiter.api.Test;

/** The lifecycle page: hosts built by hand, registered with the test. */
@SshFaultsTest
class HostRegistryGuideTest {

  // tag::registry[]
  @Test
  void servesALegacyHostAndABastion(HostRegistry hosts) throws Exception {
    FakeSshHost legacy =
        hosts.start(host -> host.name("legacy")                  // builds, starts, registers
            .algorithms(AlgorithmSet.OPENSSH)
            .hostKeyType(HostKeyType.RSA));
    FakeSshHost bastion = hosts.register(startBastion());       // built by your own code
    legacy.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");

    assertThat(exec(legacy, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
    assertThat(exec(bastion, "jump", "s3cret", "hostname").stdout()).isEqualTo("bastion\n");
  }   // both are closed now, pass or fail, and a failure's report describes them

  static FakeSshHost startBastion() {
    FakeSshHost bastion = FakeSshHost.builder().name("bastion").start();
    bastion.user("jump", "s3cret").command("hostname").replies("bastion\n");
    return bastion;
  }
  // end::registry[]
}
