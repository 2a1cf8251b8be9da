package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.github.sshfaults.docs.guide.GuideClient.Result;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.UserKey;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.file.ClosedFileSystemException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every feature of fake hosts, users and stubs, as the guide page of that name shows it. */
@SshFaultsTest
class FakeHostsTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @Nested
  class StartingHosts {

    // tag::two-hosts[]
    @Test
    void givesEachParameterAHostOfItsOwn(FakeSshHost web, FakeSshHost db) throws Exception {
      web.user("deploy", "s3cret").command("hostname").replies("web-1\n");
      db.user("deploy", "s3cret").command("hostname").replies("db-1\n");

      assertThat(web.port()).isNotEqualTo(db.port());
      assertThat(exec(web, "deploy", "s3cret", "hostname").stdout()).isEqualTo("web-1\n");
      assertThat(exec(db, "deploy", "s3cret", "hostname").stdout()).isEqualTo("db-1\n");
    }
    // end::two-hosts[]

    // tag::fake-host-annotation[]
    @Test
    void takesUsersAndAlgorithmsFromTheAnnotation(
        @FakeHost(
                users = {"deploy:s3cret", "backup:pass:with:colons"},
                algorithms = AlgorithmSet.OPENSSH)
            FakeSshHost host)
        throws Exception {
      host.command("true").replies("");

      assertThat(exec(host, "deploy", "s3cret", "true").exitCode()).isZero();
      assertThat(exec(host, "backup", "pass:with:colons", "true").exitCode()).isZero();
    }
    // end::fake-host-annotation[]

    @Test
    void runsWithoutJUnit() throws Exception {
      // tag::without-junit[]
      try (FakeSshHost host = FakeSshHost.start()) {
        host.user("alice", "secret").command("uptime").replies("up 3 days\n");

        assertThat(exec(host, "alice", "secret", "uptime").stdout()).isEqualTo("up 3 days\n");
      }
      // end::without-junit[]
    }

    @Test
    void startsWithOtherSettingsFromTheBuilder() throws Exception {
      // tag::builder[]
      FakeSshHost host =
          FakeSshHost.builder()
              .name("web-1")                            // in reports; default 127.0.0.1:<port>
              .algorithms(AlgorithmSet.OPENSSH)         // default FAST
              .hostKeyType(HostKeyType.RSA)             // default ECDSA_P256
              .journalCapacity(100_000)                 // events kept; default 10 000
              .filesQuota(256 * 1024 * 1024)            // bytes of files; default 64 MiB
              .timing(Timing.OPENSSH)                   // sshd + PAM login cost; default FAST
              .start();
      // end::builder[]
      try (host) {
        host.user("alice", "secret").command("uptime").replies("up 3 days\n");

        assertThat(exec(host, "alice", "secret", "uptime").stdout()).isEqualTo("up 3 days\n");
        assertThat(host.knownHostsLine()).contains(" ssh-rsa AAAA");
        assertThat(host.journal().capacity()).isEqualTo(100_000);
        assertThat(host.files().quota()).isEqualTo(256 * 1024 * 1024);
        assertThat(host.displayName()).isEqualTo("web-1");
        assertThat(host.timing()).isEqualTo(Timing.OPENSSH);
      }
    }

    @Test
    void listensOnLoopbackUntilClosed(FakeSshHost host) throws Exception {
      host.user("alice", "secret").command("uptime").replies("up 3 days\n");
      // tag::address[]
      assertThat(host.host()).isEqualTo("127.0.0.1");
      assertThat(host.address()).isEqualTo(new InetSocketAddress("127.0.0.1", host.port()));
      assertThat(host.isRunning()).isTrue();

      host.close();

      assertThat(host.isRunning()).isFalse();
      assertThatThrownBy(() -> exec(host, "alice", "secret", "uptime"))
          .hasRootCauseInstanceOf(ConnectException.class);
      // end::address[]

      // tag::closed[]
      assertThatThrownBy(() -> host.faults().add(Fault.refuse()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot add faults to " + host + ": it is closed");
      assertThatThrownBy(() -> host.files().readString("/etc/motd"))
          .isInstanceOf(ClosedFileSystemException.class)   // an IllegalStateException too
          .hasMessage("cannot read \"/etc/motd\" on " + host
              + ": it is closed, and its files went with it");
      assertThat(host.journal().connections()).isEmpty();  // what it saw can still be read
      // end::closed[]
    }
  }

  @Nested
  class HostKeys {

    @Test
    void describesItsHostKeyForKnownHostsAndFingerprints(FakeSshHost host) {
      // tag::host-key[]
      assertThat(host.hostKey().getAlgorithm()).isEqualTo("EC");
      assertThat(host.knownHostsLine())
          .startsWith("[127.0.0.1]:" + host.port() + " ecdsa-sha2-nistp256 AAAA");
      assertThat(host.hostKeyFingerprint()).startsWith("SHA256:");
      // end::host-key[]
    }

    @Test
    void sharesOneHostKeyAcrossTheJvm(FakeSshHost web, FakeSshHost db) {
      // tag::shared-host-key[]
      assertThat(web.hostKeyFingerprint()).isEqualTo(db.hostKeyFingerprint());
      // end::shared-host-key[]
    }
  }

  @Nested
  class Users {

    @Test
    void letsInDeclaredPasswordUsersOnly(FakeSshHost host) throws Exception {
      // tag::password-users[]
      host.user("alice", "secret").user("bob", "hunter2");
      host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

      assertThat(exec(host, "bob", "hunter2", "whoami").stdout()).isEqualTo("bob\n");
      assertThatThrownBy(() -> exec(host, "alice", "hunter2", "whoami"))
          .hasMessageContaining("No more authentication methods available");
      assertThatThrownBy(() -> exec(host, "carol", "secret", "whoami"))
          .hasMessageContaining("No more authentication methods available");
      // end::password-users[]
    }

    @Test
    void replacesThePasswordOfAUserDeclaredAgain(FakeSshHost host) throws Exception {
      host.command("true").replies("");
      // tag::replace-password[]
      host.user("alice", "before-rotation");
      host.user("alice", "after-rotation");

      assertThat(exec(host, "alice", "after-rotation", "true").exitCode()).isZero();
      assertThatThrownBy(() -> exec(host, "alice", "before-rotation", "true"))
          .hasMessageContaining("No more authentication methods available");
      // end::replace-password[]
    }

    @Test
    void letsNobodyInByDefault(FakeSshHost host) {
      // tag::nobody[]
      assertThatThrownBy(() -> exec(host, "root", "root", "id"))
          .hasMessageContaining("No more authentication methods available");
      // end::nobody[]
    }

    @Test
    void letsInAGeneratedKeyWithMina(FakeSshHost host) throws Exception {
      // tag::user-key[]
      UserKey carol = host.userWithNewKey("carol");
      host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

      assertThat(exec(host, carol, "whoami").stdout()).isEqualTo("carol\n");
      // end::user-key[]
    }

    @Test
    void letsInAGeneratedKeyWithJsch(FakeSshHost host) throws Exception {
      UserKey carol = host.userWithNewKey("carol");
      host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

      JSch jsch = new JSch();
      // tag::user-key-jsch[]
      jsch.addIdentity(carol.user(), carol.privateKeyOpenSsh().getBytes(UTF_8), null, null);
      // end::user-key-jsch[]
      jsch.setKnownHosts(new ByteArrayInputStream(host.knownHostsLine().getBytes(UTF_8)));
      Session session = jsch.getSession(carol.user(), host.host(), host.port());
      session.setConfig("StrictHostKeyChecking", "yes");
      session.connect(TIMEOUT_MILLIS);
      try {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand("whoami");
        InputStream stdout = channel.getInputStream();
        channel.connect(TIMEOUT_MILLIS);
        assertThat(new String(stdout.readAllBytes(), UTF_8)).isEqualTo("carol\n");
      } finally {
        session.disconnect();
      }
    }

    @Test
    void letsInAGeneratedKeyWithSshj(FakeSshHost host) throws Exception {
      UserKey carol = host.userWithNewKey("carol");
      host.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));

      try (SSHClient ssh = new SSHClient()) {
        ssh.setConnectTimeout(TIMEOUT_MILLIS);
        ssh.setTimeout(TIMEOUT_MILLIS);
        ssh.addHostKeyVerifier(host.hostKeyFingerprint());
        ssh.connect(host.host(), host.port());
        // tag::user-key-sshj[]
        ssh.authPublickey(carol.user(), ssh.loadKeys(carol.keyPair()));
        // end::user-key-sshj[]
        try (net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession()) {
          String stdout = IOUtils.readFully(session.exec("whoami").getInputStream()).toString();
          assertThat(stdout).isEqualTo("carol\n");
        }
      }
    }

    @Test
    void letsInAKeyTheTestBringsAndDescribesKeys(FakeSshHost host) throws Exception {
      host.command("true").replies("");
      // tag::own-key[]
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair deployKey = generator.generateKeyPair();
      host.user("deploy", deployKey.getPublic());

      assertThat(exec(host, "deploy", deployKey, "true").exitCode()).isZero();
      // end::own-key[]
    }

    @Test
    void turnsAwayAKeyItDoesNotKnow(FakeSshHost host) {
      host.userWithNewKey("carol");
      // tag::unknown-key[]
      UserKey stranger = UserKey.generate("carol");

      assertThatThrownBy(() -> exec(host, stranger, "true"))
          .hasMessageContaining("No more authentication methods available");
      // end::unknown-key[]
    }

    @Test
    void describesAKeyForAuthorizedKeysAndFingerprints(FakeSshHost host) {
      // tag::key-forms[]
      UserKey carol = host.userWithNewKey("carol");

      assertThat(carol.authorizedKeysLine())
          .startsWith("ecdsa-sha2-nistp256 AAAA")
          .endsWith(" carol");
      assertThat(carol.privateKeyOpenSsh()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
      assertThat(carol.fingerprint()).startsWith("SHA256:");
      assertThat(carol.publicKey()).isEqualTo(carol.keyPair().getPublic());
      // end::key-forms[]
    }

    @Test
    void offersPublicKeyAndPasswordAsOpenSshDoes(FakeSshHost host) {
      // tag::auth-methods[]
      host.user("deploy", "s3cret")
          .user("ci", "s3cret")
          .authMethodsFor("ci", AuthMethod.PUBLIC_KEY);   // Match User ci: keys only

      assertThat(host.authMethods()).containsExactly(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD);
      assertThatThrownBy(() -> jschLogin(host, "deploy", "wrong"))
          .hasMessage("Auth fail for methods 'publickey,password'");
      assertThatThrownBy(() -> jschLogin(host, "ci", "s3cret"))
          .hasMessage("Auth fail for methods 'publickey'");
      // end::auth-methods[]
    }

    @Test
    void offersTheMethodsItsBuilderNames() throws Exception {
      // tag::auth-methods-builder[]
      try (FakeSshHost appliance =
          FakeSshHost.builder()
              .authMethods(AuthMethod.KEYBOARD_INTERACTIVE, AuthMethod.PASSWORD)
              .start()) {
        appliance.user("admin", "admin");

        assertThatThrownBy(() -> jschLogin(appliance, "admin", "wrong"))
            .hasMessage("Auth fail for methods 'keyboard-interactive,password'");
      }
      // end::auth-methods-builder[]
    }

    private static void jschLogin(FakeSshHost host, String user, String password)
        throws Exception {
      Session session = new JSch().getSession(user, host.host(), host.port());
      session.setConfig("StrictHostKeyChecking", "no");
      session.setPassword(password);
      try {
        session.connect(TIMEOUT_MILLIS);
      } finally {
        session.disconnect();
      }
    }

    @Test
    void letsAnybodyInOnlyWhenAsked(FakeSshHost host) throws Exception {
      // tag::accept-any[]
      host.acceptAnyCredentials().command("id").replies("uid=0(root)\n");

      assertThat(exec(host, "anyone", "anything", "id").stdout()).isEqualTo("uid=0(root)\n");
      // end::accept-any[]
    }
  }

  @Nested
  class Stubs {

    @Test
    void answersAnExactCommandLine(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::exact[]
      host.command("uptime").replies("up 3 days\n");

      assertThat(exec(host, "alice", "secret", "uptime"))
          .isEqualTo(new Result("up 3 days\n", "", 0));
      assertThat(exec(host, "alice", "secret", "uptime -p"))
          .isEqualTo(new Result("", "uptime: command not found\n", 127));
      // end::exact[]
    }

    @Test
    void sendsStdoutStderrAndExitCode(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::result[]
      host.command("make")
          .replies(
              CommandResult.exit(2)
                  .withStdout("cc -c main.c\n")
                  .withStderr("make: *** [all] Error 1\n"));
      host.command("cat /etc/shadow").exitWith(1, "cat: /etc/shadow: Permission denied\n");

      assertThat(exec(host, "alice", "secret", "make"))
          .isEqualTo(new Result("cc -c main.c\n", "make: *** [all] Error 1\n", 2));
      assertThat(exec(host, "alice", "secret", "cat /etc/shadow"))
          .isEqualTo(new Result("", "cat: /etc/shadow: Permission denied\n", 1));
      // end::result[]
    }

    @Test
    void answersCommandLinesThatAGlobMatchesAsAWhole(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::glob[]
      host.commandGlob("systemctl * nginx").replies("");
      host.commandGlob("cat /var/log/*").replies("a log line\n");

      assertThat(exec(host, "alice", "secret", "systemctl restart nginx").exitCode()).isZero();
      assertThat(exec(host, "alice", "secret", "cat /var/log/app/today.log").stdout())
          .isEqualTo("a log line\n");   // in a command line, * crosses slashes
      assertThat(exec(host, "alice", "secret", "sudo systemctl restart nginx").exitCode())
          .isEqualTo(127);   // the whole line must match
      // end::glob[]
    }

    @Test
    void answersCommandLinesThatARegexMatchesAsAWhole(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::regex[]
      host.commandMatching("systemctl (start|stop|restart) [\\w.-]+").replies("");
      host.commandMatching(Pattern.compile("LS .*", Pattern.CASE_INSENSITIVE)).replies("a.log\n");

      assertThat(exec(host, "alice", "secret", "systemctl restart nginx").exitCode()).isZero();
      assertThat(exec(host, "alice", "secret", "sudo systemctl restart nginx").exitCode())
          .isEqualTo(127);
      assertThat(exec(host, "alice", "secret", "ls /var/log").stdout()).isEqualTo("a.log\n");
      // end::regex[]
    }

    @Test
    void letsTheNewestMatchingStubAnswer(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::newest-wins[]
      host.commandMatching("systemctl .*").exitWith(1, "Failed to connect to bus\n");
      host.command("systemctl is-active nginx").replies("active\n");

      assertThat(exec(host, "alice", "secret", "systemctl is-active nginx").stdout())
          .isEqualTo("active\n");
      assertThat(exec(host, "alice", "secret", "systemctl is-active redis").exitCode())
          .isEqualTo(1);
      // end::newest-wins[]
    }

    @Test
    void computesAnswersFromTheInvocation(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::handler[]
      host.commandMatching("echo .*")
          .answers(call -> CommandResult.success(call.commandLine().substring(5) + "\n"));
      host.command("locale")
          .answers(call -> CommandResult.success("LANG=" + call.environment().get("LANG") + "\n"));
      host.command("wc -l")
          .answers(call -> CommandResult.success(call.stdinAsString().lines().count() + "\n"));

      assertThat(exec(host, "alice", "secret", "echo hello world").stdout())
          .isEqualTo("hello world\n");
      assertThat(exec(host, "alice", "secret", "locale", "", Map.of("LANG", "C.UTF-8")).stdout())
          .isEqualTo("LANG=C.UTF-8\n");
      assertThat(exec(host, "alice", "secret", "wc -l", "one\ntwo\nthree\n", Map.of()).stdout())
          .isEqualTo("3\n");
      // end::handler[]
    }

    @Test
    void turnsAThrowingHandlerIntoExitStatusOne(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::handler-throws[]
      host.command("deploy").answers(call -> {
        throw new IllegalStateException("disk full");
      });

      Result deploy = exec(host, "alice", "secret", "deploy");

      assertThat(deploy.exitCode()).isEqualTo(1);
      assertThat(deploy.stderr())
          .isEqualTo(
              "sshfaults: the stub for 'deploy' threw"
                  + " java.lang.IllegalStateException: disk full\n");
      // end::handler-throws[]
    }

    @Test
    void finishesACommandWhenTheTestSaysSo(FakeSshHost host) throws Exception {
      host.user("alice", "secret");
      // tag::blocking-handler[]
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      host.command("deploy").answers(call -> {
        started.countDown();
        release.await();
        return CommandResult.success("deployed\n");
      });
      ExecutorService client =
          Executors.newSingleThreadExecutor(task -> new Thread(task, "deploy-client"));
      try {
        Future<Result> deploy = client.submit(() -> exec(host, "alice", "secret", "deploy"));

        assertThat(started.await(10, SECONDS)).isTrue();
        assertThat(deploy).isNotDone();   // the client waits for as long as the test wants

        release.countDown();
        assertThat(deploy.get(10, SECONDS).stdout()).isEqualTo("deployed\n");
      } finally {
        client.shutdownNow();
      }
      // end::blocking-handler[]
    }

    @Test
    void describesResultsAsImmutableValues() {
      // tag::command-result[]
      CommandResult ok = CommandResult.success("up 3 days\n");
      CommandResult failed = ok.withExitCode(1).withStderr("uptime: /proc must be mounted\n");
      CommandResult binary = CommandResult.exit(0).withStdout(new byte[] {0x1f, (byte) 0x8b});

      assertThat(ok.exitCode()).isZero();
      assertThat(failed.stdout()).isEqualTo(ok.stdout());
      assertThat(failed.exitCode()).isEqualTo(1);
      assertThat(binary.stdout()).containsExactly(0x1f, 0x8b);
      assertThat(CommandResult.success("x")).isEqualTo(CommandResult.exit(0).withStdout("x"));
      // end::command-result[]
    }
  }

  @Test
  void rejectsBadConfigurationAtOnce(FakeSshHost host) {
    // tag::validation[]
    assertThatThrownBy(() -> host.user(" ", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user name must not be blank, but was \" \"");
    assertThatThrownBy(() -> host.user("alice", ""))
        .hasMessage("password of user \"alice\" must not be empty");
    assertThatThrownBy(() -> host.commandMatching("systemctl (start"))
        .hasMessageStartingWith(
            "command regex \"systemctl (start\" does not compile: Unclosed group");
    assertThatThrownBy(() -> host.command("make").exitWith(256, "make: *** Error\n"))
        .hasMessage("exit code must be between 0 and 255, but was 256");
    // end::validation[]
  }
}
