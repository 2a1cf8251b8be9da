package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;

/** {@code @FakeHost(plan = ...)}: a host a plan file describes, as the standalone server reads it. */
@SshFaultsTest
class FakeHostPlanTest {

  @FakeHost(plan = "plans/fleet.yaml", name = "web")
  static FakeSshHost shared;

  @Test
  void startsTheHostOfThePlanNamedByName(
      @FakeHost(plan = "src/test/resources/plans/fleet.yaml", name = "db") FakeSshHost db) {
    assertThat(db.displayName()).isEqualTo("db");
    assertThat(db.seed()).isEqualTo(7);
  }

  @Test
  void resetsASharedHostToThePlan() {
    assertThat(shared.seed()).isEqualTo(42);
    assertThat(shared.faults().plan().faults()).containsExactly(Fault.rejectAuth().forUser("bob"));
    shared.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));

    shared.reset();

    assertThat(shared.faults().plan().faults()).containsExactly(Fault.rejectAuth().forUser("bob"));
  }

  @Test
  void rejectsAttributesThePlanDecides() {
    Events tests = TestKit.tests(PlanAndSeed.class);

    assertThat(TestKit.firstFailure(tests))
        .isInstanceOf(ParameterResolutionException.class)
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "@FakeHost(plan) describes the host, so users, seed, authMethods, timing are the"
                + " plan's to say; leave them"
                + " out of the annotation and put them in plans/fleet.yaml");
  }

  @Test
  void namesThePlansHostsWhenItCannotTellWhichOne() {
    Events tests = TestKit.tests(PlanWithSeveralHosts.class);

    assertThat(TestKit.firstFailure(tests))
        .cause()
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "describes 2 hosts (web, db), not one: name the host to start, or start them all")
        .hasMessageContaining("FakeSshHost host");
  }

  @Test
  void rejectsAPlanOnAFleet() {
    Events tests = TestKit.tests(PlanOnAFleet.class);

    assertThat(TestKit.firstFailure(tests))
        .cause()
        .hasMessageContaining(
            "for every host of a plan, call FakeSshHost.allFromPlan and register each host with a"
                + " HostRegistry");
  }

  @SshFaultsTest
  static class PlanAndSeed {
    @Test
    void test(
        @FakeHost(
                plan = "plans/fleet.yaml",
                name = "web",
                users = "a:b",
                seed = "1",
                authMethods = AuthMethod.PASSWORD,
                timing = Timing.OPENSSH)
            FakeSshHost host) {}
  }

  @SshFaultsTest
  static class PlanWithSeveralHosts {
    @Test
    void test(@FakeHost(plan = "plans/fleet.yaml") FakeSshHost host) {}
  }

  @SshFaultsTest
  static class PlanOnAFleet {
    @Test
    void test(@FakeHost(plan = "plans/fleet.yaml") List<FakeSshHost> hosts) {}
  }
}
