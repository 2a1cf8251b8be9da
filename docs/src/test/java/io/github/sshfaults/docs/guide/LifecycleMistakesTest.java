package io.github.sshfaults.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The lifecycle page: wrong use of {@code @FakeHost} fails before the test runs, naming what is
 * wrong. The examples run through JUnit's test kit only.
 */
class LifecycleMistakesTest {

  @Tag("test-kit-only")
  // tag::mistakes[]
  @SshFaultsTest
  static class Mistakes {

    @Test
    void userWithoutPassword(@FakeHost(users = "deploy") FakeSshHost host) {}

    @Test
    void usersAndAnybody(
        @FakeHost(users = "deploy:s3cret", acceptAnyCredentials = true) FakeSshHost host) {}

    @Test
    void notAHost(@FakeHost String host) {}
  }
  // end::mistakes[]

  @Test
  void failsEachTestBeforeItRunsNamingTheMistake() {
    Map<String, Throwable> failures =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Mistakes.class))
            .execute()
            .testEvents()
            .failed()
            .stream()
            .collect(
                Collectors.toMap(
                    event -> event.getTestDescriptor().getDisplayName(),
                    LifecycleMistakesTest::failureOf));

    assertThat(failures.get("userWithoutPassword(FakeSshHost)"))
        .isInstanceOf(ParameterResolutionException.class)
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@FakeHost(users) entries must be \"name:password\" with both parts non-empty, but"
                + " one is \"deploy\", on parameter [io.github.sshfaults.sshd.FakeSshHost host] at"
                + " index 0 of void io.github.sshfaults.docs.guide.LifecycleMistakesTest$Mistakes"
                + ".userWithoutPassword(");
    assertThat(failures.get("usersAndAnybody(FakeSshHost)"))
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@FakeHost(users, acceptAnyCredentials = true) contradict each other: accepting any"
                + " credentials makes the declared users meaningless; use one or the other, on"
                + " parameter [io.github.sshfaults.sshd.FakeSshHost host]");
    assertThat(failures.get("notAHost(String)"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith(
            "@FakeHost is only for parameters of type io.github.sshfaults.sshd.FakeSshHost or"
                + " java.util.List<io.github.sshfaults.sshd.FakeSshHost>, but"
                + " parameter [java.lang.String host] at index 0 of void"
                + " io.github.sshfaults.docs.guide.LifecycleMistakesTest$Mistakes.notAHost("
                + "java.lang.String) is of type java.lang.String");
    assertThat(failures).hasSize(3);
  }

  private static Throwable failureOf(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }
}
