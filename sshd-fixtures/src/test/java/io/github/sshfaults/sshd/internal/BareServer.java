package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.internal.NamedThreadFactory;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.SshServer;

/**
 * For the benchmarks: the server a fake host is built on, with the same settings, user and stub,
 * but none of the host's hooks (no fault engine, journal or SFTP): what a host would cost without
 * them.
 */
public final class BareServer implements AutoCloseable {

  private final SshServer server;
  private final ThreadPoolExecutor executor;
  private final FaultEngine unused;

  private BareServer(SshServer server, ThreadPoolExecutor executor, FaultEngine unused) {
    this.server = server;
    this.executor = executor;
    this.unused = unused;
  }

  /** Starts one on an ephemeral loopback port, letting {@code user} in with {@code password}. */
  public static BareServer start(String user, String password, String command, String stdout)
      throws Exception {
    Credentials credentials = new Credentials();
    credentials.addPassword(user, password);
    CommandStubs stubs = new CommandStubs();
    stubs.add(CommandStubs.exact(command, call -> CommandResult.success(stdout)));
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            10,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new NamedThreadFactory("bench-exec"));
    FaultEngine unused = new FaultEngine(0, FaultPlan.empty());
    SshServer server =
        ServerFactory.createWithoutFaultHooks(
            0,
            AlgorithmSet.FAST,
            Keys.sharedHostKey(HostKeyType.ECDSA_P256),
            credentials,
            stubs,
            executor,
            unused);
    server.start();
    return new BareServer(server, executor, unused);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws Exception {
    server.stop(true);
    executor.shutdownNow();
    unused.close();
  }
}
