package io.github.sshfaults.docs.guide;

import static io.github.sshfaults.docs.guide.GuideClient.exec;
import static io.github.sshfaults.docs.guide.UptimeWorker.parseDays;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThat;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.assertThatThrownBy;
import static io.github.sshfaults.sshd.assertions.SshFaultsAssertions.tuple;

import com.jcraft.jsch.JSchException;
import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.DeadlineExceededException;
import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.Outcome;
import io.github.sshfaults.concurrent.RetryPolicy;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.UserKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The concurrent helper page: the runner, its clients, outcomes, deadlines, retries, checks. */
@SshFaultsTest
class ConcurrentHelperTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  // tag::login-constant[]
  private static final SshLogin DEPLOY = SshLogin.password("deploy", "s3cret");
  // end::login-constant[]

  // tag::first-run[]
  @Test
  void runsUptimeOnEveryHost(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web1,
      @FakeHost(users = "deploy:rotated-yesterday") FakeSshHost web2,
      FakeSshHost web3,
      ConcurrentSsh runner) {
    web1.command("uptime").replies("up 3 days\n");
    web3.close();   // nothing listens on its port any more

    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(web1, web2, web3),
            JschClientAdapter.factory(),                           // one JSch client per thread
            (jsch, host) -> jsch.exec(host, SshLogin.password("deploy", "s3cret"), "uptime"));

    assertThat(report)
        .succeededOn(web1)
        .failedOn(web2, FailureKind.AUTH)
        .failedOn(web3, FailureKind.CONNECT_REFUSED)
        .noneHung();
    assertThat(report.values()).extracting(CommandOutput::stdout).containsExactly("up 3 days\n");
  }
  // end::first-run[]

  @Nested
  class Clients {

    @Test
    void runsWithTheMinaAdapter(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      db.command("uptime").replies("up 9 days\n");
      List<FakeSshHost> hosts = List.of(web, db);
      // tag::mina[]
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              hosts,
              MinaClientAdapter.factory(),                 // one adapter per worker thread
              (mina, host) -> mina.exec(host, DEPLOY, "uptime"));
      // end::mina[]

      assertThat(report).allSucceeded();
    }

    @Test
    void runsWithTheJschAdapter(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      db.command("uptime").replies("up 9 days\n");
      List<FakeSshHost> hosts = List.of(web, db);
      // tag::jsch[]
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              hosts,
              JschClientAdapter.factory(),                 // one adapter per worker thread
              (jsch, host) -> jsch.exec(host, DEPLOY, "uptime"));
      // end::jsch[]

      assertThat(report).allSucceeded();
    }

    @Test
    void runsWithTheSshjAdapterAndItsOwnTimeout(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      db.command("uptime").replies("up 9 days\n");
      List<FakeSshHost> hosts = List.of(web, db);
      // tag::sshj[]
      RunReport<FakeSshHost, CommandOutput> report =
          runner.run(
              hosts,
              SshjClientAdapter.factory(Duration.ofSeconds(5)),   // bounds every step; default 10 s
              (sshj, host) -> sshj.exec(host, DEPLOY, "uptime"));
      // end::sshj[]

      assertThat(report).allSucceeded();
    }

    @Test
    void logsInWithAPasswordOrAKeyAndVerifiesTheHostKey(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web, ConcurrentSsh runner) {
      web.command("whoami").answers(call -> CommandResult.success(call.user() + "\n"));
      // tag::login[]
      UserKey backupKey = web.userWithNewKey("backup");

      List<SshLogin> logins =
          List.of(
              SshLogin.password("deploy", "s3cret"),                       // any host key
              SshLogin.key("backup", backupKey.keyPair()),
              SshLogin.password("deploy", "s3cret").withKnownHostsLine(web.knownHostsLine()));

      RunReport<SshLogin, CommandOutput> report =
          runner.run(
              logins,
              SshjClientAdapter.factory(),
              (sshj, login) -> sshj.exec(web, login, "whoami"));

      assertThat(report.values())
          .extracting(CommandOutput::stdout)
          .containsExactly("deploy\n", "backup\n", "deploy\n");
      // end::login[]
    }

    @Test
    void connectsForMoreThanOneCommand(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web, ConcurrentSsh runner) {
      web.command("hostname").replies("web-1\n");
      web.command("uptime").replies("up 3 days\n");
      List<FakeSshHost> hosts = List.of(web);
      // tag::connect[]
      RunReport<FakeSshHost, String> report =
          runner.run(
              hosts,
              MinaClientAdapter.factory(),
              (mina, host) -> {
                try (ClientSession session = mina.connect(host, DEPLOY)) {   // logged in
                  return session.executeRemoteCommand("hostname", TIMEOUT).strip()
                      + ": "
                      + session.executeRemoteCommand("uptime", TIMEOUT).strip();
                }
              });

      assertThat(report.values()).containsExactly("web-1: up 3 days");
      // end::connect[]
    }

    @Test
    void makesEachThreadsClientWithAFactoryOfYourOwn(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("hostname").replies("web-1\n");
      db.command("hostname").replies("db-1\n");
      List<FakeSshHost> hosts = List.of(web, db);
      // tag::own-factory[]
      ClientFactory<SshClient> minaClients =
          () -> {
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(new RequiredServerKeyVerifier(web.hostKey()));
            client.start();
            return client;   // closed by the runner when the run ends: SshClient is AutoCloseable
          };

      RunReport<FakeSshHost, String> report =
          runner.run(
              hosts,
              minaClients,
              (client, host) -> {
                try (ClientSession session =
                    client.connect("deploy", host.host(), host.port())
                        .verify(TIMEOUT)
                        .getSession()) {
                  session.addPasswordIdentity("s3cret");
                  session.auth().verify(TIMEOUT);
                  return session.executeRemoteCommand("hostname", TIMEOUT);
                }
              });
      // end::own-factory[]

      assertThat(report.values()).containsExactly("web-1\n", "db-1\n");
    }

    @Test
    void runsYourOwnCodeWithoutAClientPerThread(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("hostname").replies("web-1\n");
      db.command("hostname").replies("db-1\n");
      List<FakeSshHost> hosts = List.of(web, db);
      // tag::own-code[]
      RunReport<FakeSshHost, String> report =
          runner.run(hosts, host -> exec(host, "deploy", "s3cret", "hostname").stdout());
      // end::own-code[]

      assertThat(report.values()).containsExactly("web-1\n", "db-1\n");
    }
  }

  @Nested
  class Targets {

    @Test
    void takesFakeHostsAndAnyHostAndPort(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        FakeSshHost gone,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      db.command("uptime").replies("up 9 days\n");
      gone.close();
      // tag::targets[]
      List<SshTarget> targets =
          List.of(
              web,                                          // a fake host is a target, named "web"
              SshTarget.of("db-1", "127.0.0.1", db.port()), // any host and port, named in reports
              SshTarget.of("127.0.0.1", gone.port()),       // named "127.0.0.1:<port>"
              SshTarget.of(web.address()));                 // from an InetSocketAddress

      RunReport<SshTarget, CommandOutput> report =
          runner.run(
              targets,
              JschClientAdapter.factory(),
              (jsch, target) -> jsch.exec(target, DEPLOY, "uptime"));

      assertThat(report.outcomes())
          .extracting(Outcome::targetName)
          .containsExactly(
              "web",
              "db-1",
              "127.0.0.1:" + gone.port(),
              "127.0.0.1:" + web.port());
      assertThat(report)
          .failedOn(SshTarget.of("127.0.0.1", gone.port()), FailureKind.CONNECT_REFUSED);
      // end::targets[]
      assertThat(report).succeededOn(web).succeededOn(SshTarget.of("db-1", "127.0.0.1", db.port()));
    }

    @Test
    void reachesTargetsThroughAJumpHostAndNamesTheHopThatFailed(
        @FakeHost(users = "deploy:s3cret") FakeSshHost bastion,
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        @FakeHost(users = "deploy:s3cret") FakeSshHost gone,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      // tag::jump-host[]
      bastion.allowForwarding(
          "deploy",
          TunnelDestination.host(web),
          TunnelDestination.host(db),
          TunnelDestination.host(gone));
      db.faults().add(Fault.rejectAuth()); // the inner host rejects the login
      gone.stop(); //                        the inner host is down

      List<SshTarget> targets =
          List.of(
              web.withJumpHost(bastion, DEPLOY), // web, as the bastion reaches it
              db.withJumpHost(bastion, DEPLOY),
              gone.withJumpHost(bastion, DEPLOY));
      RunReport<SshTarget, CommandOutput> report =
          runner.run(
              targets,
              SshjClientAdapter.factory(),
              (sshj, target) -> sshj.exec(target, DEPLOY, "uptime"));

      assertThat(report)
          .succeededOn(targets.get(0))
          .failedOn(targets.get(1), FailureKind.AUTH)
          .failedOn(targets.get(2), FailureKind.CONNECT_REFUSED);
      Outcome<SshTarget, CommandOutput> rejected = report.outcomes().get(1);
      assertThat(rejected.targetName()).isEqualTo("db via bastion");
      assertThat(rejected.message())
          .startsWith("inner host db (127.0.0.1:" + db.port() + ") via bastion: UserAuthException");
      assertThat(report.outcomes().get(2).message())
          .startsWith(
              "jump host bastion (127.0.0.1:"
                  + bastion.port()
                  + ") could not open a tunnel to inner host gone (127.0.0.1:"
                  + gone.port()
                  + "): OpenFailException");
      assertThat(rejected.failure().orElseThrow())
          .isInstanceOfSatisfying(
              HopFailedException.class, e -> assertThat(e.hop()).isEqualTo(Hop.INNER_HOST));
      // end::jump-host[]
    }

    @Test
    void takesIndices(
        @FakeHost(users = "deploy:s3cret") FakeSshHost web,
        @FakeHost(users = "deploy:s3cret") FakeSshHost db,
        ConcurrentSsh runner) {
      web.command("uptime").replies("up 3 days\n");
      db.command("uptime").replies("up 9 days\n");
      // tag::indices[]
      List<FakeSshHost> fleet = List.of(web, db);
      List<Integer> requests = IntStream.range(0, 40).boxed().toList();

      RunReport<Integer, CommandOutput> report =
          runner
              .withThreads(8)
              .run(
                  requests,
                  SshjClientAdapter.factory(),
                  (sshj, i) -> sshj.exec(fleet.get(i % fleet.size()), DEPLOY, "uptime"));

      assertThat(report).hasOutcomeCount(40).allSucceeded();
      assertThat(web.journal().commands("uptime")).hasSize(20);
      // end::indices[]
    }
  }

  @Test
  void keepsEverythingAboutEachOutcome(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web,
      @FakeHost(users = "deploy:rotated-yesterday") FakeSshHost locked,
      ConcurrentSsh runner) {
    web.command("uptime").replies("up 3 days\n");
    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(web, locked),
            JschClientAdapter.factory(),
            (jsch, host) -> jsch.exec(host, DEPLOY, "uptime"));
    // tag::outcome[]
    Outcome<FakeSshHost, CommandOutput> ok = report.outcomes().get(0);
    assertThat(ok.status()).isEqualTo(Outcome.Status.SUCCEEDED);
    assertThat(ok.target()).isSameAs(web);
    assertThat(ok.index()).isZero();                         // position in the list of targets
    assertThat(ok.value().stdout()).isEqualTo("up 3 days\n");
    assertThat(ok.threadName()).startsWith("sshfaults-keepsEverythingAboutEachOutcome-");
    assertThat(ok.attempt()).isEqualTo(1);
    assertThat(ok.start()).isBefore(Instant.now());
    assertThat(ok.duration()).isPositive();

    Outcome<FakeSshHost, CommandOutput> failed = report.outcomes().get(1);
    assertThat(failed.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(failed.kind()).contains(FailureKind.AUTH);
    assertThat(failed.failure()).containsInstanceOf(JSchException.class);   // untouched
    assertThat(failed.message()).startsWith("JSchException: Auth fail for methods");
    assertThatThrownBy(failed::value).isInstanceOf(IllegalStateException.class);
    // end::outcome[]
  }

  @Test
  void classifiesEveryFailure(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web1,
      @FakeHost(users = "deploy:rotated-yesterday") FakeSshHost web2,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web3,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web4,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web5,
      @FakeHost(users = "deploy:s3cret") FakeSshHost web6,
      ConcurrentSsh runner) {
    // tag::kinds[]
    web1.command("uptime").replies(" 10:14:03 up 3 days,  2:01,  1 user,  load average: 0.10\n");
    // web2 knows deploy by another password
    web3.close();
    String staleKey =
        "[127.0.0.1]:" + web4.port() + " " + UserKey.generate("old").authorizedKeysLine();
    web5.command("uptime").exitWith(1, "uptime: /proc must be mounted\n");
    web6.command("uptime").replies(" 10:14:03 up 7 min,  0 users,  load average: 0.52\n");

    RunReport<FakeSshHost, Integer> report =
        runner.run(
            List.of(web1, web2, web3, web4, web5, web6),
            MinaClientAdapter.factory(),
            (mina, host) -> {
              String trusted = host == web4 ? staleKey : host.knownHostsLine();
              SshLogin login = DEPLOY.withKnownHostsLine(trusted);
              return parseDays(mina.exec(host, login, "uptime").stdout());   // our parser
            });

    assertThat(report)
        .succeededOn(web1)
        .failedOn(web2, FailureKind.AUTH)
        .failedOn(web3, FailureKind.CONNECT_REFUSED)
        .failedOn(web4, FailureKind.HOST_KEY)
        .failedOn(web5, FailureKind.COMMAND_FAILED)
        .failedOn(web6, FailureKind.UNEXPECTED);   // parseDays cannot read "up 7 min"
    // end::kinds[]

    // tag::report[]
    assertThat(report.values()).containsExactly(3);                      // what succeeded returned
    assertThat(report.successes()).extracting(Outcome::target).containsExactly(web1);
    assertThat(report.failures()).hasSize(5);
    assertThat(report.failures(FailureKind.AUTH)).extracting(Outcome::target).containsExactly(web2);
    assertThat(report.failuresByKind())
        .containsOnlyKeys(
            FailureKind.AUTH,
            FailureKind.CONNECT_REFUSED,
            FailureKind.HOST_KEY,
            FailureKind.COMMAND_FAILED,
            FailureKind.UNEXPECTED);
    assertThat(report.outcomesOn(web5).get(0).message())
        .endsWith("exited with code 1: uptime: /proc must be mounted");
    assertThat(report.outcomesOn(web3).get(0).message())             // root cause first
        .startsWith("ConnectException: Connection refused (in SshException: ");
    assertThat(report.byTarget()).containsOnlyKeys(web1, web2, web3, web4, web5, web6);
    assertThat(report.slowest(2)).hasSize(2);
    assertThat(report.hung()).isEmpty();
    assertThat(report.deadlineReached()).isFalse();
    assertThat(report.leakedThreads()).isEmpty();
    assertThat(report.elapsed()).isPositive();
    assertThat(report.summary())
        .startsWith("run classifiesEveryFailure-")
        .contains(": 6 tasks, 1 succeeded, 5 failed"
            + " (AUTH 1, CONNECT_REFUSED 1, HOST_KEY 1, COMMAND_FAILED 1, UNEXPECTED 1), 0 hung");
    assertThat(report.table()).startsWith("target");          // toString(): summary and table
    // end::report[]

    // tag::assertion-message[]
    assertThatThrownBy(() -> assertThat(report).allSucceeded())
        .hasMessageStartingWith("Expecting every task to succeed, but 5 tasks did not:")
        .hasMessageContaining("web2 FAILED AUTH in ")
        .hasMessageContaining(report.table());
    // end::assertion-message[]
  }

  @Test
  void assertsOnRunsAndOutcomes(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web,
      @FakeHost(users = "deploy:s3cret") FakeSshHost db,
      FakeSshHost down,
      ConcurrentSsh runner) {
    web.command("uptime").replies("up 3 days\n");
    db.command("uptime").exitWith(1, "uptime: /proc must be mounted\n");
    down.close();
    RunReport<FakeSshHost, CommandOutput> report =
        runner.run(
            List.of(web, db, down),
            SshjClientAdapter.factory(),
            (sshj, host) -> sshj.exec(host, DEPLOY, "uptime"));
    // tag::assertions[]
    assertThat(report)
        .hasOutcomeCount(3)                               // one final outcome per target
        .succeededOn(web)
        .failedOn(db)                                     // any kind
        .failedOn(db, FailureKind.COMMAND_FAILED)
        .hasFailuresOfKind(FailureKind.CONNECT_REFUSED, 1)
        .noneHung()                                       // else: each hung thread's stack
        .leftNoThreads()                                  // every worker thread stopped
        .completedWithin(Duration.ofSeconds(30));         // cleanup included

    assertThat(report.outcomesOn(web).get(0)).succeeded().isAttempt(1);
    assertThat(report.outcomesOn(down).get(0))
        .failedWith(FailureKind.CONNECT_REFUSED)
        .failure()                                        // AssertJ's Throwable assertions
        .isInstanceOf(java.net.ConnectException.class);  // sshj throws the bare JDK exception
    // end::assertions[]
  }

  @Nested
  class Deadlines {

    @Test
    void reportsATaskStillRunningAtItsDeadlineWithItsStack(
        @FakeHost(users = "deploy:s3cret") FakeSshHost stuck, ConcurrentSsh runner) {
      // tag::hung[]
      stuck.command("backup").answers(call -> {
        new CountDownLatch(1).await();   // never finishes; the host interrupts it when it closes
        return CommandResult.exit(0);
      });

      RunReport<FakeSshHost, CommandOutput> report =
          runner
              .withTaskDeadline(Duration.ofSeconds(1))   // each attempt; the run's is one minute
              .run(
                  List.of(stuck),
                  SshjClientAdapter.factory(),
                  (sshj, host) -> sshj.exec(host, DEPLOY, "backup"));

      assertThat(report).failedOn(stuck, FailureKind.TIMEOUT).leftNoThreads();
      Outcome<FakeSshHost, CommandOutput> hung = report.hung().get(0);
      assertThat(hung).hung();                   // status HUNG, kind TIMEOUT
      assertThat(hung.failure()).containsInstanceOf(DeadlineExceededException.class);
      StackTraceElement[] stack = hung.failure().orElseThrow().getStackTrace();  // the worker's
      assertThat(stack).anyMatch(frame -> frame.getClassName().endsWith("SshjClientAdapter")
          && frame.getMethodName().equals("exec"));
      // end::hung[]

      // tag::none-hung-message[]
      assertThatThrownBy(() -> assertThat(report).noneHung())
          .hasMessageStartingWith("Expecting no task to hang, but 1 attempt did:")
          .hasMessageContaining("DeadlineExceededException")
          .hasMessageContaining("io.github.sshfaults.clients.sshj.SshjClientAdapter.exec(");
      // end::none-hung-message[]
    }

    @Test
    void reportsTasksThatNeverStartedBeforeTheRunsDeadline(
        @FakeHost(users = "deploy:s3cret") FakeSshHost stuck, ConcurrentSsh runner) {
      stuck.command("backup").answers(call -> {
        new CountDownLatch(1).await();
        return CommandResult.exit(0);
      });
      // tag::not-started[]
      RunReport<FakeSshHost, CommandOutput> report =
          runner
              .withThreads(1)
              .withRunDeadline(Duration.ofSeconds(1))
              .run(
                  List.of(stuck, stuck),
                  JschClientAdapter.factory(),
                  (jsch, host) -> jsch.exec(host, DEPLOY, "backup"));

      assertThat(report.deadlineReached()).isTrue();
      assertThat(report.outcomes())
          .extracting(Outcome::status)
          .containsExactly(Outcome.Status.HUNG, Outcome.Status.NOT_STARTED);
      assertThat(report).hasFailuresOfKind(FailureKind.TIMEOUT, 2);
      // end::not-started[]
    }
  }

  @Test
  void retriesAHostThatFailsTwiceThenSucceeds(
      @FakeHost(users = "deploy:s3cret") FakeSshHost flaky, ConcurrentSsh runner) {
    // tag::retry[]
    AtomicInteger calls = new AtomicInteger();
    flaky.command("deploy").answers(call -> calls.incrementAndGet() <= 2
        ? CommandResult.exit(75).withStderr("deploy: lock held, try again\n")
        : CommandResult.success("deployed\n"));

    RunReport<FakeSshHost, CommandOutput> report =
        runner
            .withRetry(
                RetryPolicy.on(FailureKind.COMMAND_FAILED, FailureKind.DISCONNECTED)
                    .withMaxAttempts(3)                  // the first attempt and two retries
                    .withBackoff(Duration.ofMillis(50))  // 50 ms before the 2nd attempt,
                    .withBackoffMultiplier(2.0))         // 100 ms before the 3rd
            .run(
                List.of(flaky),
                JschClientAdapter.factory(),
                (jsch, host) -> jsch.exec(host, DEPLOY, "deploy"));

    assertThat(report).succeededOn(flaky);
    assertThat(report.attempts())
        .extracting(Outcome::attempt, Outcome::status)
        .containsExactly(
            tuple(1, Outcome.Status.FAILED),
            tuple(2, Outcome.Status.FAILED),
            tuple(3, Outcome.Status.SUCCEEDED));
    assertThat(flaky.journal().commands("deploy")).hasSize(3);
    // end::retry[]
  }

  /** Stands for an exception of the code under test. */
  // tag::vault-exception[]
  static class VaultDeniedException extends Exception {
    VaultDeniedException(String message) {
      super(message);
    }
  }
  // end::vault-exception[]

  @Test
  void classifiesYourOwnExceptions(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web, ConcurrentSsh runner) {
    // tag::classifier[]
    RunReport<FakeSshHost, String> report =
        runner
            .withClassifier(FailureClassifier.byType(VaultDeniedException.class, FailureKind.AUTH))
            .run(List.of(web), host -> {
              throw new VaultDeniedException("vault: token expired");   // your code, failing
            });

    assertThat(report).failedOn(web, FailureKind.AUTH);
    // end::classifier[]
  }

  @Test
  void combinesRulesAndWalksCauses() {
    // tag::classifier-rules[]
    FailureClassifier rules =
        FailureClassifier.byType(VaultDeniedException.class, FailureKind.AUTH)
            .orElse(
                FailureClassifier.byTypeName(
                    "com.example.fleet.HostDownException", FailureKind.CONNECT_REFUSED))
            .orElse(FailureClassifier.byMessage("maintenance mode", FailureKind.DISCONNECTED))
            .orElse(failure -> failure instanceof ArithmeticException
                ? Optional.of(FailureKind.PROTOCOL)
                : Optional.empty());

    Exception denied = new VaultDeniedException("vault: token expired");
    assertThat(FailureKind.of(denied, rules)).isEqualTo(FailureKind.AUTH);
    assertThat(FailureKind.of(new IOException("deploy failed", denied), rules))
        .isEqualTo(FailureKind.AUTH);                                   // causes are searched
    assertThat(FailureKind.of(new IllegalStateException("web-2 is in maintenance mode"), rules))
        .isEqualTo(FailureKind.DISCONNECTED);
    assertThat(FailureKind.of(denied)).isEqualTo(FailureKind.UNEXPECTED);   // built-in rules only
    // end::classifier-rules[]
  }

  @Test
  void awaitsAnEffectInTheBackground(
      @FakeHost(users = "deploy:s3cret") FakeSshHost web) throws Exception {
    web.command("backup").replies("done\n");
    // tag::await[]
    ExecutorService jobs =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "nightly-job"));
    try {
      Future<String> nightly = jobs.submit(() -> exec(web, "deploy", "s3cret", "backup").stdout());

      web.journal().awaitCommands(1);                  // the journal's own wait, on SshAwait
      assertThat(SshAwait.await().untilDone("the nightly job", nightly)).isEqualTo("done\n");

      assertThatThrownBy(() -> SshAwait.atMost(Duration.ofMillis(200))
              .until("the backup's marker on web", () -> web.files().exists("/backup/done")))
          .isInstanceOf(ConditionTimeoutException.class)
          .hasMessage("Waited 200 ms for the backup's marker on web; last value: false");
    } finally {
      jobs.shutdownNow();
    }
    // end::await[]
  }

  @Test
  void runsWithoutJUnit() {
    // tag::without-junit[]
    try (FakeSshHost web = FakeSshHost.start(); FakeSshHost db = FakeSshHost.start()) {
      web.user("deploy", "s3cret").command("uptime").replies("up 3 days\n");
      db.user("deploy", "s3cret").command("uptime").replies("up 9 days\n");

      RunReport<FakeSshHost, CommandOutput> report =
          ConcurrentSsh.create()
              .withName("nightly")
              .withThreads(4)
              .withRunDeadline(Duration.ofSeconds(30))
              .run(
                  List.of(web, db),
                  SshjClientAdapter.factory(),
                  (sshj, host) -> sshj.exec(host, DEPLOY, "uptime"));

      System.out.println(report);   // the summary, then the table
      if (!report.failures().isEmpty()) {
        throw new IllegalStateException(report.summary());
      }
    }
    // end::without-junit[]
  }

  @Test
  void rejectsBadConfigurationAtOnce(FakeSshHost web) {
    // tag::validation[]
    assertThatThrownBy(() -> ConcurrentSsh.create().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be between 1 and 1024, but was 0");
    assertThatThrownBy(() -> ConcurrentSsh.create().withTaskDeadline(Duration.ofSeconds(-1)))
        .hasMessage("task deadline must be longer than zero, but was PT-1S");
    assertThatThrownBy(() -> ConcurrentSsh.create().run(List.of(web), null, (client, host) -> ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("client factory must not be null");
    assertThatThrownBy(() -> RetryPolicy.on(FailureKind.TIMEOUT).withMaxAttempts(0))
        .hasMessage("max attempts must be between 1 and 100, but was 0");
    assertThatThrownBy(() -> SshLogin.password("deploy", ""))
        .hasMessage("password of \"deploy\" must not be empty");
    assertThatThrownBy(() -> DEPLOY.withKnownHostsLine("web-1 ssh-rsa"))
        .hasMessageStartingWith("known_hosts line \"web-1 ssh-rsa\" is not valid: it has 2 fields,"
            + " and needs hosts, a key type and a key.");
    // end::validation[]
  }
}
