package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.Events;

/**
 * Hosts shared by the tests of a class: static fields, {@code @BeforeAll} parameters,
 * {@code @Nested} classes, reset between tests and the {@link KeepHostState} opt-out; and per-test
 * instance fields.
 */
class SharedHostsTest {

  /**
   * Hosts the classes run by the test kit saw, in order; static because the kit instantiates them.
   */
  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  private static String exec(FakeSshHost host, String user, String command) throws Exception {
    return SshClientLibrary.MINA.exec(Login.password(host, user, "pw"), command).stdout();
  }

  private static Integer exitStatus(FakeSshHost host, String user, String command)
      throws Exception {
    return SshClientLibrary.MINA.exec(Login.password(host, user, "pw"), command).exitStatus();
  }

  @Test
  void sharesAStaticFieldHostAndResetsWhatEachTestAdded() {
    Events tests = TestKit.tests(StaticField.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(0).isRunning()).as("closed after the class").isFalse();
  }

  @Test
  void keepsWhatAKeepHostStateTestLeft() {
    TestKit.tests(KeepingState.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void sharesAHostFromABeforeAllParameter() {
    Events tests = TestKit.tests(BeforeAllParameter.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
    assertThat(SEEN.get(0).isRunning()).isFalse();
  }

  @Test
  void letsNestedClassesUseTheOuterSharedHostsAndResetsThemToo() {
    Events tests = TestKit.tests(Outer.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(4);
    FakeSshHost outer = SEEN.get(0);
    assertThat(SEEN).filteredOn(host -> host == outer).hasSize(3);
    assertThat(SEEN).allSatisfy(host -> assertThat(host.isRunning()).isFalse());
  }

  @Test
  void givesEachTestItsOwnHostInAnInstanceField() {
    Events tests = TestKit.tests(InstanceField.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThat(SEEN).allSatisfy(host -> assertThat(host.isRunning()).isFalse());
  }

  // Run by the test kit only: Surefire skips nested classes.

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticField {
    @FakeHost(users = "deploy:pw")
    static FakeSshHost shared;

    @BeforeAll
    static void stubForAllTests() {
      shared.command("hostname").replies("shared\n");
      shared.files().write("/etc/motd", "welcome\n");
    }

    @Test
    @Order(1)
    void addsAStubAndAUser() throws Exception {
      SEEN.add(shared);
      shared.command("extra").replies("x\n").user("temp", "pw");
      shared.files().write("/etc/motd", "changed\n").write("/tmp/upload.bin", "x");

      assertThat(exec(shared, "temp", "extra")).isEqualTo("x\n");
    }

    @Test
    @Order(2)
    void seesOnlyWhatTheAnnotationAndBeforeAllDeclared() throws Exception {
      SEEN.add(shared);
      assertThat(shared.journal().events()).as("journal cleared").isEmpty();

      assertThat(exec(shared, "deploy", "hostname")).isEqualTo("shared\n");
      assertThat(exitStatus(shared, "deploy", "extra")).isEqualTo(127);
      assertThatThrownBy(() -> exec(shared, "temp", "hostname"));
      assertThat(shared.files().paths()).containsExactly("/etc", "/etc/motd");
      assertThat(shared.files().readString("/etc/motd")).isEqualTo("welcome\n");
    }
  }

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class KeepingState {
    @FakeHost(users = "deploy:pw")
    static FakeSshHost shared;

    @Test
    @Order(1)
    @KeepHostState
    void registersAStub() {
      shared.command("deploy").replies("done\n");
    }

    @Test
    @Order(2)
    void stillSeesTheStub() throws Exception {
      assertThat(exec(shared, "deploy", "deploy")).isEqualTo("done\n");
      assertThat(shared.journal().commands()).hasSize(1);
    }
  }

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class BeforeAllParameter {
    static FakeSshHost shared;

    @BeforeAll
    static void start(@FakeHost(users = "deploy:pw") FakeSshHost host) {
      shared = host;
      SEEN.add(host);
    }

    @Test
    @Order(1)
    void addsAStub() {
      SEEN.add(shared);
      shared.command("extra").replies("x\n");
    }

    @Test
    @Order(2)
    void doesNotSeeIt() throws Exception {
      SEEN.add(shared);
      assertThat(exitStatus(shared, "deploy", "extra")).isEqualTo(127);
    }
  }

  @SshFaultsTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Outer {
    @FakeHost(users = "deploy:pw")
    static FakeSshHost gateway;

    @Test
    @Order(1)
    void usesTheGateway() {
      SEEN.add(gateway);
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Inner {
      @FakeHost(users = "deploy:pw")
      static FakeSshHost innerShared;

      @Test
      @Order(1)
      void addsAStubToTheOuterHost() throws Exception {
        SEEN.add(gateway);
        SEEN.add(innerShared);
        gateway.command("route").replies("via gateway\n");

        assertThat(exec(gateway, "deploy", "route")).isEqualTo("via gateway\n");
      }

      @Test
      @Order(2)
      void findsTheOuterHostResetAndRunning() throws Exception {
        SEEN.add(gateway);
        assertThat(gateway.isRunning()).isTrue();
        assertThat(exitStatus(gateway, "deploy", "route")).isEqualTo(127);
      }
    }
  }

  @SshFaultsTest
  static class InstanceField {
    @FakeHost FakeSshHost mine;

    @Test
    void one() {
      SEEN.add(mine);
      assertThat(mine.isRunning()).isTrue();
    }

    @Test
    void two() {
      SEEN.add(mine);
      assertThat(mine.isRunning()).isTrue();
    }
  }
}
