package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The troubleshooting page: a test class without {@code @SshFaultsTest}, and the same class with
 * it. Both run through JUnit's test kit only.
 */
class ForgottenExtensionTest {

  @Tag("test-kit-only")
  // tag::forgotten[]
  static class DeployTest {                     // no @SshFaultsTest

    @Test
    void deploys(FakeSshHost host) {}
  }
  // end::forgotten[]

  @Tag("test-kit-only")
  // tag::cured[]
  @SshFaultsTest
  static class CuredDeployTest {

    @Test
    void deploys(FakeSshHost host) {}
  }
  // end::cured[]

  @Test
  void failsWithoutTheExtensionAndPassesWithIt() {
    EngineExecutionResults forgotten = run(DeployTest.class);

    forgotten.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(
            forgotten.testEvents().failed().stream()
                .findFirst()
                .orElseThrow()
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow())
        .isExactlyInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith(
            "No ParameterResolver registered for parameter [io.github.sshfaults.sshd.FakeSshHost"
                + " host] in method [void io.github.sshfaults.docs.guide.ForgottenExtensionTest"
                + "$DeployTest.deploys(io.github.sshfaults.sshd.FakeSshHost)]");
    run(CuredDeployTest.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }
}
