package com.example.fleet.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fleet.FleetUptime;
import com.jcraft.jsch.JSchException;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * This project's tests are a module of their own on the module path ({@code module-info.java}
 * next to them): they use sshfaults through {@code requires io.github.sshfaults.junit}, and its
 * internals are out of reach.
 */
@SshFaultsTest
class JavaModulesTest {

  @Test
  void runsOnTheModulePathWithSshfaultsAsNamedModules() {
    assertThat(getClass().getModule().getName()).isEqualTo("com.example.fleet.test");
    assertThat(FleetUptime.class.getModule().getName()).isEqualTo("com.example.fleet");
    assertThat(SshFaultsTest.class.getModule().getName()).isEqualTo("io.github.sshfaults.junit");
    assertThat(FakeSshHost.class.getModule().getName()).isEqualTo("io.github.sshfaults.sshd");
    assertThat(Fault.class.getModule().getName()).isEqualTo("io.github.sshfaults.core");
  }

  @Test
  void testsTheirCodeAgainstFakeHosts(
      @FakeHost(name = "web", users = "deploy:s3cret") FakeSshHost web,
      @FakeHost(name = "locked", users = "deploy:s3cret") FakeSshHost locked) throws Exception {
    web.command("uptime").replies("up 3 days\n");
    locked.faults().add(Fault.rejectAuth());
    FleetUptime fleet = new FleetUptime("deploy", "s3cret", 10_000);

    assertThat(fleet.uptime(web.host(), web.port())).isEqualTo("up 3 days\n");
    assertThatThrownBy(() -> fleet.uptime(locked.host(), locked.port()))
        .isInstanceOf(JSchException.class)
        .hasMessageStartingWith("Auth fail");
  }

  @Test
  void exportsTheApiAndNoInternalPackageToUsers() {
    Module user = getClass().getModule();
    Module core = Fault.class.getModule();
    Module fixtures = FakeSshHost.class.getModule();

    assertThat(core.isExported("io.github.sshfaults.faults", user)).isTrue();
    assertThat(fixtures.isExported("io.github.sshfaults.sshd", user)).isTrue();
    assertThat(core.isExported("io.github.sshfaults.faults.internal", user)).isFalse();
    assertThat(core.isExported("io.github.sshfaults.faults.internal", fixtures)).isTrue();
    assertThat(fixtures.isExported("io.github.sshfaults.sshd.internal", user)).isFalse();
    assertThat(core.getPackages())
        .filteredOn(name -> name.contains("internal"))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(core.isExported(name, user)).as(name).isFalse());
  }

  @Test
  void cannotCallAnInternalClassEvenByReflection() throws Exception {
    Class<?> seeds = Class.forName("io.github.sshfaults.faults.internal.Seeds");
    Method resolve = seeds.getMethod("resolve", Long.class);

    assertThatThrownBy(() -> resolve.invoke(null, 7L)).isInstanceOf(IllegalAccessException.class);
  }
}
