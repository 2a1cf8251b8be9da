package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The lifecycle page's leak check: a host left open fails the test that left it. */
class LeakCheckGuideTest {

  @Tag("test-kit-only")
  // tag::leak[]
  @SshFaultsTest(checkLeaks = true)
  static class DeployTest {

    @Test
    void deploysToTheStagingHost() {
      FakeSshHost staging = FakeSshHost.builder().name("staging").start();
      staging.user("deploy", "s3cret");
      // ... the code under test deploys, but nobody closes the host
    }
  }
  // end::leak[]

  @Test
  void failsTheTestThatLeftAHostOpen() {
    List<Throwable> failures =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(DeployTest.class))
            .execute()
            .testEvents()
            .failed()
            .stream()
            .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
            .map(result -> result.getThrowable().orElseThrow())
            .toList();

    assertThat(failures)
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith(
                        "deploysToTheStagingHost() left running what it started (closed when it"
                            + " ended?):\n  open host FakeSshHost[staging, 127.0.0.1:"));
  }
}
