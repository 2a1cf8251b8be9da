package io.github.sshfaults.sshd;

import static io.github.sshfaults.sshd.testclients.Causes.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientConnectionServiceFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientUserAuthService;
import org.apache.sshd.client.session.ClientUserAuthServiceFactory;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The authentication methods a host offers, and in which order: what each client reads in {@code
 * SSH_MSG_USERAUTH_FAILURE}, and the method it then logs in by.
 */
class AuthMethodsTest {

  private static final ExecResult ID = new ExecResult("uid=1000\n", "", 0);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<FakeSshHost> hosts = new ArrayList<>();

  @AfterEach
  void closeHosts() {
    hosts.forEach(FakeSshHost::close);
  }

  private FakeSshHost start(FakeSshHost.Builder builder) {
    FakeSshHost host = builder.start();
    hosts.add(host);
    host.user("alice", "secret").command("id").replies("uid=1000\n");
    return host;
  }

  private FakeSshHost start() {
    return start(FakeSshHost.builder());
  }

  // ------------------------------------------------------------ what clients read

  @Test
  void offersPublicKeyThenPasswordAsOpenSshDoesByDefault() {
    FakeSshHost host = start();

    assertThat(host.authMethods()).containsExactly(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD);
    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "alice", "wrong"), "id"))
        .isInstanceOf(com.jcraft.jsch.JSchException.class)
        .hasMessage("Auth fail for methods 'publickey,password'");
    assertThat(minaSeesMethods(host, "alice", "wrong")).containsOnly("publickey,password");
    assertThat(sshjSeesMethods(host, "alice", "wrong")).containsExactly("publickey", "password");
  }

  @Test
  void offersTheBuildersMethodsInItsOrder() {
    FakeSshHost host =
        start(
            FakeSshHost.builder()
                .authMethods(
                    AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE, AuthMethod.PUBLIC_KEY));

    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "alice", "wrong"), "id"))
        .hasMessage("Auth fail for methods 'password,keyboard-interactive,publickey'");
    assertThat(minaSeesMethods(host, "alice", "wrong"))
        .containsOnly("password,keyboard-interactive,publickey");
    assertThat(sshjSeesMethods(host, "alice", "wrong"))
        .containsExactly("password", "keyboard-interactive", "publickey");
  }

  @Test
  void offersAUserTheirOwnMethods() {
    FakeSshHost host = start();
    host.user("ci", "pw").authMethodsFor("ci", AuthMethod.PUBLIC_KEY);

    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "ci", "pw"), "id"))
        .hasMessage("Auth fail for methods 'publickey'");
    assertThat(minaSeesMethods(host, "ci", "pw")).containsOnly("publickey");
    assertThat(sshjSeesMethods(host, "ci", "pw")).containsExactly("publickey");
    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "alice", "wrong"), "id"))
        .hasMessage("Auth fail for methods 'publickey,password'");
  }

  // ------------------------------------------------------------ logging in by each method

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void everyClientLogsInByPasswordWithoutAKeyboardInteractiveRoundTrip(SshClientLibrary client)
      throws Exception {
    FakeSshHost host = start();

    assertThat(client.exec(login(host, "alice", "secret"), "id")).isEqualTo(ID);
    assertThat(host.journal().authAttempts("alice"))
        .singleElement()
        .extracting(AuthAttempt::method)
        .isEqualTo(AuthMethod.PASSWORD);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void everyClientLogsInByKey(SshClientLibrary client) throws Exception {
    FakeSshHost host = start();
    UserKey bob = host.userWithNewKey("bob");

    assertThat(client.exec(Login.key(host, bob).withTimeout(TIMEOUT), "id")).isEqualTo(ID);
    assertThat(host.journal().authAttempts("bob"))
        .singleElement()
        .extracting(AuthAttempt::method)
        .isEqualTo(AuthMethod.PUBLIC_KEY);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void everyClientLogsInByKeyboardInteractiveWhereItIsTheOnlyMethod(SshClientLibrary client)
      throws Exception {
    FakeSshHost host = start(FakeSshHost.builder().authMethods(AuthMethod.KEYBOARD_INTERACTIVE));

    assertThat(client.exec(login(host, "alice", "secret").withSshjKeyboardInteractive(), "id"))
        .isEqualTo(ID);
    assertThat(host.journal().authAttempts("alice"))
        .singleElement()
        .extracting(AuthAttempt::method)
        .isEqualTo(AuthMethod.KEYBOARD_INTERACTIVE);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void aPasswordGetsNoOneInWherePasswordsAreNotOffered(SshClientLibrary client) {
    FakeSshHost host = start(FakeSshHost.builder().authMethods(AuthMethod.PUBLIC_KEY));

    assertThatThrownBy(() -> client.exec(login(host, "alice", "secret"), "id"))
        .satisfies(
            thrown -> {
              switch (client) {
                case MINA ->
                    assertCausedBy(
                        thrown, SshException.class, "No more authentication methods available");
                case JSCH ->
                    assertCausedBy(
                        thrown,
                        com.jcraft.jsch.JSchException.class,
                        "Auth fail for methods 'publickey'");
                case SSHJ ->
                    assertCausedBy(
                        thrown,
                        UserAuthException.class,
                        "Exhausted available authentication methods");
              }
            });
    assertThat(host.journal().authAttempts()).isEmpty();
  }

  @Test
  void aRequiredChainOfMethodsReplacesTheOfferedOnes() {
    FakeSshHost host = start();
    host.faults().add(Fault.requireAuthMethods(AuthMethod.PASSWORD, AuthMethod.PUBLIC_KEY));

    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "alice", "wrong"), "id"))
        .hasMessage("Auth fail for methods 'password'");
  }

  // ------------------------------------------------------------ declarations

  @Test
  void rejectsAMethodNamedTwiceOrNull() {
    assertThatThrownBy(
            () ->
                FakeSshHost.builder()
                    .authMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD, AuthMethod.PUBLIC_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "authentication methods must name each method once, but named PUBLIC_KEY twice:"
                + " [PUBLIC_KEY, PASSWORD, PUBLIC_KEY]");
    assertThatThrownBy(() -> FakeSshHost.builder().authMethods(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "authentication methods must not name null, but were [null]; the methods are"
                + " PASSWORD, PUBLIC_KEY, KEYBOARD_INTERACTIVE");
    FakeSshHost host = start();
    assertThatThrownBy(
            () -> host.authMethodsFor("ci", AuthMethod.PASSWORD, AuthMethod.PASSWORD))
        .hasMessage(
            "authentication methods of user \"ci\" must name each method once, but named"
                + " PASSWORD twice: [PASSWORD, PASSWORD]");
    assertThatThrownBy(() -> host.authMethodsFor(" ", AuthMethod.PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user name");
  }

  @Test
  void resetForgetsMethodsDeclaredAfterTheBaseline() {
    FakeSshHost host = start();
    host.authMethodsFor("alice", AuthMethod.PASSWORD).markBaseline();
    host.authMethodsFor("alice", AuthMethod.PUBLIC_KEY);

    host.reset();

    assertThatThrownBy(() -> SshClientLibrary.JSCH.exec(login(host, "alice", "wrong"), "id"))
        .hasMessage("Auth fail for methods 'password'");
  }

  // ------------------------------------------------------------ helpers

  private static Login login(FakeSshHost host, String user, String password) {
    return Login.password(host, user, password).withTimeout(TIMEOUT);
  }

  /**
   * The method lists MINA SSHD's client read in each {@code SSH_MSG_USERAUTH_FAILURE} of a login
   * with {@code password}: it keeps them to itself, so a client whose user-auth service notes them.
   */
  private static List<String> minaSeesMethods(FakeSshHost host, String user, String password) {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.setServiceFactories(
          List.of(
              new ClientUserAuthServiceFactory() {
                @Override
                public Service create(Session session) {
                  return new ClientUserAuthService(session) {
                    @Override
                    protected void tryNext(int cmd, AuthFuture future) throws Exception {
                      if (serverMethods != null) {
                        seen.add(String.join(",", serverMethods));
                      }
                      super.tryNext(cmd, future);
                    }
                  };
                }
              },
              ClientConnectionServiceFactory.INSTANCE));
      client.start();
      try (ClientSession session =
          client.connect(user, host.host(), host.port()).verify(TIMEOUT).getSession()) {
        session.addPasswordIdentity(password);
        assertThatThrownBy(() -> session.auth().verify(TIMEOUT))
            .hasMessageContaining("No more authentication methods available");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return seen;
  }

  /** The methods sshj says the host allows after a failed login with {@code password}. */
  private static List<String> sshjSeesMethods(FakeSshHost host, String user, String password) {
    try (SSHClient ssh = new SSHClient()) {
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.setTimeout((int) TIMEOUT.toMillis());
      ssh.connect(host.host(), host.port());
      assertThatThrownBy(() -> ssh.authPassword(user, password))
          .isInstanceOf(UserAuthException.class);
      return List.copyOf(ssh.getUserAuth().getAllowedMethods());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
