package io.github.sshfaults.sshd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.testclients.ExecResult;
import io.github.sshfaults.sshd.testclients.Login;
import io.github.sshfaults.sshd.testclients.SshClientLibrary;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Late answers to public-key requests: MINA SSHD 2.20 closes the connection of a public-key method
 * that answers asynchronously, with an {@code IllegalStateException} that only its log and its
 * session listeners see. The service lets every method answer late; these tests listen to the
 * sessions for such exceptions, which no client can show.
 */
class UserAuthServiceTest {

  private final Credentials credentials = new Credentials();
  private final UserKey carol = UserKey.generate("carol");
  private final List<Throwable> sessionFailures = new CopyOnWriteArrayList<>();
  private HostTasks commands;
  private FaultEngine engine;
  private SshServer server;

  private void start(Fault fault) throws Exception {
    credentials.addKey("carol", carol.publicKey());
    CommandStubs stubs = new CommandStubs();
    stubs.add(CommandStubs.exact("id", call -> CommandResult.success("uid=1000\n")));
    commands = HostTasks.forCommands();
    engine = new FaultEngine(42, FaultPlan.of(fault));
    server =
        ServerFactory.create(
            0,
            AlgorithmSet.FAST,
            Keys.sharedHostKey(HostKeyType.ECDSA_P256),
            credentials,
            stubs,
            commands,
            engine);
    server.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionException(Session session, Throwable failure) {
            sessionFailures.add(failure);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop(true);
    }
    if (commands != null) {
      commands.shutdownNow();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private Login login(UserKey key, Duration timeout) {
    return new Login(ServerFactory.LOOPBACK, server.getPort(), key.user(), null, key, null)
        .withTimeout(timeout);
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void answersAPublicKeyRequestLate(SshClientLibrary client) throws Exception {
    start(Fault.delay(Duration.ofMillis(300)).at(Stage.AUTH));
    long start = System.nanoTime();

    assertThat(client.exec(login(carol, Duration.ofSeconds(10)), "id"))
        .isEqualTo(new ExecResult("uid=1000\n", "", 0));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(sessionFailures).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void neverAnswersAHungPublicKeyRequest(SshClientLibrary client) throws Exception {
    start(Fault.hang().at(Stage.AUTH));

    assertThatThrownBy(() -> client.exec(login(carol, Duration.ofMillis(500)), "id"));
    assertThat(sessionFailures).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SshClientLibrary.class)
  void disconnectsAfterTooManyPublicKeyFailuresAndDoesNothingElse(SshClientLibrary client)
      throws Exception {
    start(Fault.tooManyAuthFailures(1));
    UserKey stranger = UserKey.generate("carol");

    assertThatThrownBy(() -> client.exec(login(stranger, Duration.ofSeconds(10)), "id"));
    assertThat(sessionFailures).isEmpty();
  }
}
