package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/** Wrong uses of {@link FakeHost} fail before any test runs, naming the element and attributes. */
class FakeHostValidationTest {

  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  private static Throwable classFailure(Class<?> testClass) {
    EngineExecutionResults results = TestKit.run(testClass);
    Events containers = results.containerEvents();
    containers.assertStatistics(stats -> stats.failed(1));
    return TestKit.firstFailure(containers);
  }

  @Test
  void rejectsUsersTogetherWithAcceptAnyCredentialsNamingBoth() {
    Throwable failure = classFailure(UsersAndAcceptAny.class);

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@FakeHost(users, acceptAnyCredentials = true) contradict each other")
        .hasMessageContaining("field " + UsersAndAcceptAny.class.getName() + ".host");
  }

  @Test
  void rejectsAUserDeclaredTwice() {
    Events tests = TestKit.tests(DuplicateUser.class);

    assertThat(TestKit.firstFailure(tests))
        .isInstanceOf(ParameterResolutionException.class)
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@FakeHost(users) declares user \"alice\" twice")
        .hasMessageContaining("FakeSshHost host");
  }

  @Test
  void rejectsAnAuthMethodNamedTwice() {
    Events tests = TestKit.tests(DuplicateAuthMethod.class);

    assertThat(TestKit.firstFailure(tests))
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "@FakeHost(authMethods): authentication methods must name each method once, but named"
                + " PASSWORD twice: [PASSWORD, PASSWORD]")
        .hasMessageContaining("FakeSshHost host");
  }

  @Test
  void rejectsAJournalCapacityBelowOne() {
    Events tests = TestKit.tests(ZeroCapacity.class);

    assertThat(TestKit.firstFailure(tests))
        .cause()
        .hasMessageContaining("@FakeHost(journalCapacity) must be at least 1, but was 0");
  }

  @Test
  void rejectsAFieldOfAnotherType() {
    assertThat(classFailure(WrongFieldType.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "@FakeHost is only for fields of type io.github.sshfaults.sshd.FakeSshHost")
        .hasMessageContaining(WrongFieldType.class.getName() + ".name is of type java.lang.String");
  }

  @Test
  void rejectsAFinalField() {
    Events tests = TestKit.tests(FinalField.class);

    assertThat(TestKit.firstFailure(tests))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@FakeHost fields must not be final")
        .hasMessageContaining(FinalField.class.getName() + ".host");
  }

  @Test
  void closesSharedHostsWhenBeforeAllFails() {
    Throwable failure = classFailure(FailingBeforeAll.class);

    assertThat(failure).hasMessage("deliberate failure in @BeforeAll");
    assertThat(SEEN).singleElement().satisfies(host -> assertThat(host.isRunning()).isFalse());
  }

  // Run by the test kit only.

  @SshFaultsTest
  static class UsersAndAcceptAny {
    @FakeHost(users = "alice:pw", acceptAnyCredentials = true)
    static FakeSshHost host;

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class DuplicateUser {
    @Test
    void neverRuns(@FakeHost(users = {"alice:one", "alice:two"}) FakeSshHost host) {}
  }

  @SshFaultsTest
  static class DuplicateAuthMethod {
    @Test
    void neverRuns(
        @FakeHost(authMethods = {AuthMethod.PASSWORD, AuthMethod.PASSWORD}) FakeSshHost host) {}
  }

  @SshFaultsTest
  static class ZeroCapacity {
    @Test
    void neverRuns(@FakeHost(journalCapacity = 0) FakeSshHost host) {}
  }

  @SshFaultsTest
  static class WrongFieldType {
    @FakeHost static String name;

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class FinalField {
    @FakeHost final FakeSshHost host = null;

    @Test
    void neverRuns() {}
  }

  @SshFaultsTest
  static class FailingBeforeAll {
    @FakeHost static FakeSshHost shared;

    @BeforeAll
    static void fail() {
      SEEN.add(shared);
      throw new IllegalStateException("deliberate failure in @BeforeAll");
    }

    @Test
    void neverRuns() {}
  }
}
