package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import java.nio.file.ClosedFileSystemException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A closed host refuses every change the same way, says why, and can still be read. */
class ClosedHostTest {

  private final FakeSshHost host =
      FakeSshHost.builder().name("web").faults(Fault.dropConnection().onConnection(9)).start();

  @AfterEach
  void closeHost() {
    host.close();
  }

  static Stream<Arguments> mutators() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
    return Stream.of(
        call("user(name, password)", "declare users on", h -> h.user("alice", "secret")),
        call("user(name, key)", "declare users on", h -> h.user("alice", key)),
        call("userWithNewKey", "declare users on", h -> h.userWithNewKey("alice")),
        call(
            "authMethodsFor",
            "declare authentication methods on",
            h -> h.authMethodsFor("alice", AuthMethod.PASSWORD)),
        call(
            "acceptAnyCredentials", "accept any credentials on", FakeSshHost::acceptAnyCredentials),
        call("command", "stub commands on", h -> h.command("uptime").replies("up")),
        call("commandGlob", "stub commands on", h -> h.commandGlob("systemctl *").replies("")),
        call(
            "commandMatching(regex)", "stub commands on", h -> h.commandMatching(".*").replies("")),
        call(
            "commandMatching(pattern)",
            "stub commands on",
            h -> h.commandMatching(Pattern.compile(".*")).replies("")),
        call("faults().add", "add faults to", h -> h.faults().add(Fault.refuse())),
        call(
            "faults().replace",
            "replace the faults of",
            h -> h.faults().replace(FaultPlan.empty())),
        call("faults().clear", "clear the faults of", h -> h.faults().clear()),
        call("partition", "partition", FakeSshHost::partition),
        call("heal", "heal", FakeSshHost::heal),
        call("dropAllSessions", "drop the sessions of", FakeSshHost::dropAllSessions),
        call("stop", "stop", FakeSshHost::stop),
        call("restart", "restart", FakeSshHost::restart),
        call("reset", "reset", FakeSshHost::reset),
        call("markBaseline", "mark the baseline of", FakeSshHost::markBaseline));
  }

  private static Arguments call(String name, String action, Consumer<FakeSshHost> call) {
    return Arguments.of(Named.of(name, call), action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutators")
  void refusesEveryChangeNamingTheHostAndTheCall(Consumer<FakeSshHost> call, String action) {
    host.close();

    assertThatIllegalStateException()
        .isThrownBy(() -> call.accept(host))
        .withMessage("cannot " + action + " " + host + ": it is closed");
  }

  @Test
  void aStubStartedBeforeTheCloseRegistersNothingAfterIt() {
    CommandStubbing<FakeSshHost> stubbing = host.command("uptime");
    host.close();

    assertThatIllegalStateException()
        .isThrownBy(() -> stubbing.replies("up 3 days\n"))
        .withMessage("cannot stub commands on " + host + ": it is closed");
  }

  @Test
  void canStillBeReadForReports() {
    long seed = host.seed();
    int port = host.port();
    host.close();

    assertThat(host.isClosed()).isTrue();
    assertThat(host.isRunning()).isFalse();
    assertThat(host.seed()).isEqualTo(seed);
    assertThat(host.port()).isEqualTo(port);
    assertThat(host).hasToString("FakeSshHost[web, 127.0.0.1:" + port + ", seed=" + seed + "]");
    assertThat(host.displayName()).isEqualTo("web");
    assertThat(host.knownHostsLine()).startsWith("[127.0.0.1]:" + port + " ");
    assertThat(host.journal().events(ConnectionAccepted.class)).isEmpty();
    assertThat(host.faults().plan())
        .isEqualTo(FaultPlan.of(Fault.dropConnection().onConnection(9)));
    assertThat(host.faults().seed()).isEqualTo(seed);
    assertThat(host.faults().describe()).startsWith("seed " + seed + ", faults:");
    assertThat(host.files()).hasToString("HostFiles[closed]");
  }

  static Stream<Arguments> fileCalls() {
    return Stream.of(
        file("write", "write \"/a\" on", f -> f.write("/a", "x")),
        file("write bytes", "write \"/a\" on", f -> f.write("/a", new byte[1])),
        file("read", "read \"/a\" on", f -> f.read("/a")),
        file("readString", "read \"/a\" on", f -> f.readString("/a")),
        file("exists", "look for \"/a\" on", f -> f.exists("/a")),
        file("list", "list \"/d\" on", f -> f.list("/d")),
        file("mkdirs", "create \"/d\" on", f -> f.mkdirs("/d")),
        file("delete", "delete \"/a\" on", f -> f.delete("/a")),
        file("paths", "list the files of", HostFiles::paths),
        file("root", "use the files of", HostFiles::root));
  }

  private static Arguments file(String name, String action, Consumer<HostFiles> call) {
    return Arguments.of(Named.of(name, call), action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fileCalls")
  void itsFilesSayTheyWentWithIt(Consumer<HostFiles> call, String action) {
    host.files().write("/a", "x"); // a file system in use, and one never used: alike once closed
    try (FakeSshHost unused = FakeSshHost.start()) {
      HostFiles files = host.files();
      host.close();
      unused.close();

      for (FakeSshHost closed : new FakeSshHost[] {host, unused}) {
        assertThatExceptionOfType(ClosedFileSystemException.class)
            .isThrownBy(() -> call.accept(closed.files()))
            .isInstanceOf(IllegalStateException.class)
            .withMessage(
                "cannot "
                    + action
                    + " "
                    + closed
                    + ": it is closed, and its files went"
                    + " with it");
      }
      assertThatExceptionOfType(ClosedFileSystemException.class)
          .isThrownBy(() -> call.accept(files))
          .withMessageContaining(host + ": it is closed");
    }
  }
}
