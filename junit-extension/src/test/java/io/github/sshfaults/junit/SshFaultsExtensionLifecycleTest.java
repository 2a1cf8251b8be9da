package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle seen from outside, through {@link EngineTestKit}: hosts are closed
 * after passing and failing tests, and misuse fails with a message naming the parameter.
 */
class SshFaultsExtensionLifecycleTest {

  /** Hosts the tests run by the test kit saw; static because the test kit instantiates them. */
  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetHosts() {
    SEEN.clear();
  }

  @Test
  void closesHostsAfterPassingAndFailingTests() {
    Events tests = run(PassingAndFailing.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    assertThat(SEEN).hasSize(3);
    for (FakeSshHost host : SEEN) {
      assertThat(host.isRunning()).as("%s is running", host).isFalse();
      assertThatThrownBy(() -> new Socket(host.host(), host.port()).close())
          .as("connecting to closed %s", host)
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void closesHostsWhenBeforeEachFails() {
    Events tests = run(FailingBeforeEach.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(SEEN).singleElement().satisfies(host -> assertThat(host.isRunning()).isFalse());
  }

  @Test
  void rejectsFakeHostAnnotationOnAnotherTypeNamingTheParameter() {
    Events tests = run(FakeHostOnString.class);

    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("annotatedString"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("@FakeHost") && m.contains("java.lang.String name")))));
  }

  @Test
  void rejectsMalformedUserEntryNamingTheAttributeAndCleansUp() {
    Events tests = run(MalformedUser.class);

    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("malformedUser"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("@FakeHost(users)") && m.contains("\"alice\"")))));
    Throwable failure =
        tests.failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(failure).hasCauseInstanceOf(ExtensionConfigurationException.class);
  }

  @Test
  void leavesOtherParameterTypesToOtherResolvers() {
    Events tests = run(UnsupportedType.class);

    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("wantsAString"),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("java.lang.String text")))));
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  // The classes below are run by the test kit only; Surefire skips nested non-static-member classes
  // because they are not named *Test.

  @SshFaultsTest
  static class PassingAndFailing {
    @Test
    void passes(FakeSshHost host) {
      SEEN.add(host);
      assertThat(host.isRunning()).isTrue();
    }

    @Test
    void fails(FakeSshHost first, FakeSshHost second) throws IOException {
      SEEN.add(first);
      SEEN.add(second);
      new Socket(first.host(), first.port()).close();
      throw new AssertionError("deliberate failure");
    }
  }

  @SshFaultsTest
  static class FailingBeforeEach {
    @BeforeEach
    void setUp(FakeSshHost host) {
      SEEN.add(host);
      throw new IllegalStateException("deliberate failure in @BeforeEach");
    }

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class FakeHostOnString {
    @Test
    void annotatedString(@FakeHost String name) {}
  }

  @SshFaultsTest
  static class MalformedUser {
    @Test
    void malformedUser(@FakeHost(users = "alice") FakeSshHost host) {}
  }

  @SshFaultsTest
  static class UnsupportedType {
    @Test
    void wantsAString(String text) {}
  }
}
