package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.sshd.internal.SharedThreads;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A fake host's identity, configuration checks and clean shutdown. */
@Isolated("counts the JVM's threads")
class FakeSshHostTest {

  @Test
  void listensOnLoopbackOnAnEphemeralPort() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThat(host.host()).isEqualTo("127.0.0.1");
      assertThat(host.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(host.port()).isBetween(1024, 65535);
      assertThat(host.isRunning()).isTrue();
    }
  }

  @Test
  void sharesOneEcdsaHostKeyAcrossHosts() {
    try (FakeSshHost one = FakeSshHost.start();
        FakeSshHost two = FakeSshHost.start()) {
      PublicKey key = one.hostKey();
      assertThat(key.getAlgorithm()).isEqualTo("EC");
      assertThat(two.hostKey()).isEqualTo(key);
      assertThat(one.hostKeyFingerprint())
          .startsWith("SHA256:")
          .isEqualTo(two.hostKeyFingerprint());
    }
  }

  @Test
  void describesItselfInKnownHostsFormat() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThat(host.knownHostsLine())
          .matches(
              "\\[127\\.0\\.0\\.1]:" + host.port() + " ecdsa-sha2-nistp256 AAAA[A-Za-z0-9+/=]+");
      assertThat(host)
          .hasToString("FakeSshHost[127.0.0.1:" + host.port() + ", seed=" + host.seed() + "]");
    }
  }

  @Test
  void refusesConnectionsAndLeavesNoThreadAfterClose() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    FakeSshHost host = FakeSshHost.start();
    host.user("alice", "secret").command("uptime").replies("up\n");
    SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "uptime");

    host.close();
    host.close(); // idempotent

    assertThat(host.isRunning()).isFalse();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), host.port()).close())
        .isInstanceOf(ConnectException.class);
    Awaitility.await("threads of the closed host to end")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
  }

  private static Set<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> name.startsWith("sshd-") || name.startsWith("sshfaults-"))
        .filter(name -> !SharedThreads.isShared(name))
        .collect(Collectors.toSet());
  }

  @Test
  void rejectsBlankOrNullUserNamesNamingTheValue() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatThrownBy(() -> host.user("  ", "secret"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("user name must not be blank, but was \"  \"");
      assertThatThrownBy(() -> host.user(null, "secret"))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("user name must not be null");
      assertThatThrownBy(() -> host.userWithNewKey(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("user name must not be blank");
    }
  }

  @Test
  void rejectsEmptyPasswordNamingTheUser() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatThrownBy(() -> host.user("alice", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("password of user \"alice\" must not be empty");
      assertThatThrownBy(() -> host.user("alice", (String) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("password of user \"alice\" must not be null");
      assertThatThrownBy(() -> host.user("alice", (PublicKey) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("public key of user \"alice\" must not be null");
    }
  }

  @Test
  void rejectsRegexThatDoesNotCompileNamingIt() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatThrownBy(() -> host.commandMatching("ls ("))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("command regex \"ls (\" does not compile: ");
    }
  }

  @Test
  void rejectsBlankCommandLines() {
    try (FakeSshHost host = FakeSshHost.start()) {
      assertThatThrownBy(() -> host.command(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("command line must not be blank, but was \"\"");
    }
  }

  @Test
  void rejectsNullAlgorithmSet() {
    assertThatThrownBy(() -> FakeSshHost.builder().algorithms(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("algorithm set must not be null");
  }
}
