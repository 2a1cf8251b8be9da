package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

/** {@link FakeHostExtension} in static and instance {@code @RegisterExtension} fields. */
class FakeHostExtensionTest {

  static final List<FakeSshHost> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  private static String exec(FakeSshHost host, String command) throws Exception {
    return SshClientLibrary.MINA.exec(Login.password(host, "deploy", "pw"), command).stdout();
  }

  @Test
  void startsOneConfiguredHostForTheClassAndResetsItToItsSetUp() {
    Events tests = TestKit.tests(StaticExtension.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
    assertThat(SEEN.get(0).isRunning()).isFalse();
  }

  @Test
  void keepsStateWhenToldNotToReset() {
    TestKit.tests(NotResetting.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void startsAHostPerTestInAnInstanceField() {
    Events tests = TestKit.tests(InstanceExtension.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThat(SEEN).allSatisfy(host -> assertThat(host.isRunning()).isFalse());
  }

  @Test
  void refusesAccessOutsideTheTestsItServes() {
    FakeHostExtension unused = FakeHostExtension.builder().name("web").build();

    assertThatThrownBy(unused::host)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The host of FakeHostExtension[web] is not available");
  }

  @Test
  void validatesItsBuilderEagerly() {
    assertThatThrownBy(() -> FakeHostExtension.builder().name(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host name must not be blank, but was \" \"");
    assertThatThrownBy(() -> FakeHostExtension.builder().server(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("server configuration must not be null");
    assertThatThrownBy(() -> FakeHostExtension.builder().setUp(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host set-up must not be null");
  }

  // Run by the test kit only; no @SshFaultsTest: the extension works on its own.

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticExtension {
    @RegisterExtension
    static FakeHostExtension web =
        FakeHostExtension.builder()
            .server(
                host -> host.algorithms(AlgorithmSet.OPENSSH).hostKeyType(HostKeyType.RSA))
            .setUp(host -> host.user("deploy", "pw").command("uptime").replies("up 3 days\n"))
            .build();

    @Test
    @Order(1)
    void startsWithTheConfigurationAndSetUp() throws Exception {
      SEEN.add(web.host());
      assertThat(web.host().hostKeyType()).isEqualTo(HostKeyType.RSA);
      assertThat(web.host().algorithms()).isEqualTo(AlgorithmSet.OPENSSH);
      web.host().command("uptime").replies("overridden\n");

      assertThat(exec(web.host(), "uptime")).isEqualTo("overridden\n");
    }

    @Test
    @Order(2)
    void isResetToTheSetUpAfterEachTest() throws Exception {
      SEEN.add(web.host());
      assertThat(exec(web.host(), "uptime")).isEqualTo("up 3 days\n");
    }

    @Nested
    class Inner {
      @Test
      void sharesTheOuterHost() {
        SEEN.add(web.host());
        assertThat(web.host().journal().events()).isEmpty();
      }
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NotResetting {
    @RegisterExtension
    static FakeHostExtension web =
        FakeHostExtension.builder()
            .setUp(host -> host.user("deploy", "pw"))
            .resetBetweenTests(false)
            .build();

    @Test
    @Order(1)
    void addsAStub() {
      web.host().command("deploy").replies("done\n");
    }

    @Test
    @Order(2)
    void stillSeesItAndTheJournal() throws Exception {
      assertThat(exec(web.host(), "deploy")).isEqualTo("done\n");
    }
  }

  static class InstanceExtension {
    @RegisterExtension FakeHostExtension mine = FakeHostExtension.builder().build();

    @Test
    void one() {
      SEEN.add(mine.host());
    }

    @Test
    void two() {
      SEEN.add(mine.host());
    }
  }
}
