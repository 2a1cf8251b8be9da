package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts started from plan files, and what a plan file that cannot be used says. */
class FakeSshHostPlanTest {

  @TempDir Path dir;

  @Test
  void startsTheHostAPlanDescribesWithItsUsersStubsFilesAndFaults() throws Exception {
    UserKey deploy = UserKey.generate("deploy");
    Files.writeString(dir.resolve("deploy.pub"), deploy.authorizedKeysLine() + "\n");
    Files.createDirectories(dir.resolve("files/etc"));
    Files.writeString(dir.resolve("files/etc/hostname"), "web-1\n");
    Path plan =
        write(
            "web.yaml",
            """
            hosts:
              web:
                seed: 42
                algorithms: openssh
                host-key-type: rsa
                users:
                  alice: {password: secret}
                  deploy: {authorized-keys: deploy.pub}
                commands:
                  - command: uptime
                    stdout: "up 3 days\\n"
                  - command-matching: 'systemctl (start|stop) \\w+'
                    stderr: "Failed\\n"
                    exit-code: 3
                files: files
                files-quota: 65536
                timing: openssh
                faults:
                  - reject-auth for-user=bob
                  - exit-with 2 'no such unit' for-command='systemctl stop db'
            """);

    try (FakeSshHost web = FakeSshHost.fromPlan(plan)) {
      assertThat(web.displayName()).isEqualTo("web");
      assertThat(web.seed()).isEqualTo(42);
      assertThat(web.algorithms()).isEqualTo(AlgorithmSet.OPENSSH);
      assertThat(web.hostKeyType()).isEqualTo(HostKeyType.RSA);
      assertThat(web.timing()).isEqualTo(Timing.OPENSSH);
      assertThat(web.faults().plan().faults())
          .containsExactly(
              Fault.rejectAuth().forUser("bob"),
              Fault.exitWith(2, "no such unit").forCommand("systemctl stop db"));
      assertThat(web.files().readString("/etc/hostname")).isEqualTo("web-1\n");
      assertThat(web.files().quota()).isEqualTo(65_536);

      assertThat(SshClientLibrary.MINA.exec(Login.password(web, "alice", "secret"), "uptime"))
          .isEqualTo(new ExecResult("up 3 days\n", "", 0));
      assertThat(SshClientLibrary.MINA.exec(Login.key(web, deploy), "systemctl start web"))
          .isEqualTo(new ExecResult("", "Failed\n", 3));
      assertThat(SshClientLibrary.MINA.exec(Login.key(web, deploy), "systemctl stop db"))
          .isEqualTo(new ExecResult("", "no such unit", 2));
    }
  }

  @Test
  void offersTheMethodsThePlanDeclaresForTheHostAndForAUser() throws Exception {
    Path plan =
        write(
            "methods.yaml",
            """
            hosts:
              web:
                auth-methods: [password, keyboard-interactive, publickey]
                users:
                  alice: {password: secret}
                  ci: {password: pw, auth-methods: [publickey]}
            """);

    try (FakeSshHost web = FakeSshHost.fromPlan(plan)) {
      assertThat(web.authMethods())
          .containsExactly(
              AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE, AuthMethod.PUBLIC_KEY);
      assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(Login.password(web, "alice", "x"), "id"))
          .hasMessage("Auth fail for methods 'password,keyboard-interactive,publickey'");
      assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(Login.password(web, "ci", "pw"), "id"))
          .hasMessage("Auth fail for methods 'publickey'");
    }
  }

  @Test
  void makesThePlanTheHostsBaseline() throws Exception {
    Path plan =
        write(
            "one.yaml",
            """
            hosts:
              one:
                users: {alice: {password: secret}}
                commands: [{command: uptime, stdout: up}]
            """);

    try (FakeSshHost host = FakeSshHost.fromPlan(plan)) {
      host.command("uptime").replies("changed");
      host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH));
      host.reset();

      assertThat(host.faults().plan().isEmpty()).isTrue();
      assertThat(SshClientLibrary.MINA.exec(Login.password(host, "alice", "secret"), "uptime"))
          .isEqualTo(new ExecResult("up", "", 0));
    }
  }

  @Test
  void readsJsonToo() throws Exception {
    Path plan =
        write(
            "plan.json",
            """
            {"hosts": {"db": {"seed": 7, "faults": ["delay 500ms at=banner"]}}}
            """);

    try (FakeSshHost db = FakeSshHost.fromPlan(plan)) {
      assertThat(db.seed()).isEqualTo(7);
      assertThat(db.faults().plan().faults()).hasSize(1);
    }
  }

  @Test
  void startsEveryHostOfAPlanOrOneByName() throws Exception {
    Path plan = write("fleet.yaml", "hosts:\n  web: {seed: 1}\n  db: {seed: 2}\n  cache:\n");

    List<FakeSshHost> hosts = FakeSshHost.allFromPlan(plan);
    try {
      assertThat(hosts).extracting(FakeSshHost::displayName).containsExactly("web", "db", "cache");
      assertThat(hosts).extracting(FakeSshHost::port).doesNotHaveDuplicates();
    } finally {
      hosts.forEach(FakeSshHost::close);
    }
    try (FakeSshHost db = FakeSshHost.builder().plan(plan, "db").start()) {
      assertThat(db.seed()).isEqualTo(2);
    }
    assertThatThrownBy(() -> FakeSshHost.fromPlan(plan))
        .hasMessage(
            plan
                + " describes 3 hosts (web, db, cache), not one: name the host to start, or"
                + " start them all");
    assertThatThrownBy(() -> FakeSshHost.builder().plan(plan, "dbx"))
        .hasMessage(plan + " has no host \"dbx\"; its hosts are web, db, cache");
  }

  @Test
  void closesTheHostsItStartedWhenOneFailsToStart() throws Exception {
    Path plan =
        write(
            "broken.yaml",
            """
            hosts:
              web: {}
              db:
                commands:
                  - command-matching: 'systemctl ('
            """);

    assertThatThrownBy(() -> FakeSshHost.allFromPlan(plan))
        .hasMessageStartingWith(
            plan + ":5: hosts.db.commands[0].command-matching: command regex \"systemctl (\"");
  }

  @Test
  void listensWhereItsBuilderSays() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (FakeSshHost host = FakeSshHost.builder().bindAddress("127.0.0.1").port(free).start()) {
      assertThat(host.port()).isEqualTo(free);
      assertThat(host.knownHostsLine()).startsWith("[127.0.0.1]:" + free + " ");
    }
    assertThatThrownBy(() -> FakeSshHost.builder().port(70000))
        .hasMessage("port must be between 0 and 65535, but was 70000");
    assertThatThrownBy(() -> FakeSshHost.builder().bindAddress("localhost"))
        .hasMessage(
            "bind address must be an IPv4 or IPv6 address such as 127.0.0.1, ::1 or 0.0.0.0"
                + " (names are not looked up), but was \"localhost\"");
    assertThatThrownBy(() -> FakeSshHost.builder().bindAddress("300.0.0.1"))
        .hasMessageStartingWith("bind address must be");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
