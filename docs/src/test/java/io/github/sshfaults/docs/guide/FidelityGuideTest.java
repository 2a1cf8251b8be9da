package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Timing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of fidelity.md: a host that costs what sshd with PAM costs. */
class FidelityGuideTest {

  @Test
  void costsWhatSshdWithPamCosts() throws Exception {
    // tag::openssh-timing[]
    try (FakeSshHost host = FakeSshHost.builder().timing(Timing.OPENSSH).start()) {
      host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");

      long start = System.nanoTime();
      assertThat(exec(host, "deploy", "s3cret", "uptime").stdout()).isEqualTo("up 3 days\n");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(285));   // 25 + 230 + 30 ms at least

      start = System.nanoTime();
      assertThatThrownBy(() -> exec(host, "deploy", "wrong", "uptime"))
          .hasMessageContaining("No more authentication methods available");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));    // PAM's failure delay
    }
    // end::openssh-timing[]
  }

  @Test
  void refusesWrongPasswordsAsLateAsPam() throws Exception {
    try (FakeSshHost host = FakeSshHost.start()) {
      host.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");
      // tag::pam-like-refusal[]
      host.faults()
          .add(
              Fault.delayAuthFailures(
                  Delay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                  AuthMethod.PASSWORD,
                  AuthMethod.KEYBOARD_INTERACTIVE));
      // end::pam-like-refusal[]
      long start = System.nanoTime();
      assertThatThrownBy(() -> exec(host, "deploy", "wrong", "uptime"));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }
}
