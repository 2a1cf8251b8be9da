package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import java.security.KeyPair;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/** Builds the MINA SSHD server behind a fake host, bound to loopback only. */
public final class ServerFactory {

  /** Fake hosts listen here and nowhere else unless a test says otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private ServerFactory() {}

  /**
   * A configured, not yet started server.
   *
   * @param port 0 for an ephemeral port, or the port a restarted host must keep
   */
  public static SshServer create(
      int port,
      AlgorithmSet algorithms,
      KeyPair hostKey,
      Credentials credentials,
      CommandStubs stubs,
      ExecutorService commandExecutor,
      FaultEngine faults) {
    SshServer server =
        createWithoutFaultHooks(
            port, algorithms, hostKey, credentials, stubs, commandExecutor, faults);
    // Last: the engine wraps what was configured, keeping the NIO2 back-end.
    faults.install(server);
    // Offers each user's methods, and lets the engine answer requests of any method late.
    UserAuthService.install(server, credentials);
    return server;
  }

  /**
   * The same server without the fault engine's hooks: what a host would be without faults, for the
   * benchmark that checks the engine costs nothing when the plan is empty.
   */
  static SshServer createWithoutFaultHooks(
      int port,
      AlgorithmSet algorithms,
      KeyPair hostKey,
      Credentials credentials,
      CommandStubs stubs,
      ExecutorService commandExecutor,
      FaultEngine faults) {
    SshServer server = ServerBuilder.builder().factory(HostServer.ListeningServer::new).build();
    server.setHost(LOOPBACK);
    server.setPort(port);
    // Pinned: another I/O back-end on the user's classpath (MINA, Netty) must not change behaviour.
    server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    // One timer for every host's session timeouts, not a thread per server; not shut down with it.
    server.setScheduledExecutorService(SharedThreads.timer(), false);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    // Without it every exec pays a ~40 ms Nagle / delayed-ACK stall.
    CoreModuleProperties.TCP_NODELAY.set(server, true);
    Algorithms.apply(algorithms, server, hostKey);
    server.setPasswordAuthenticator(credentials);
    server.setPublickeyAuthenticator(credentials);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setCommandFactory(
        (channel, commandLine) -> new StubbedCommand(commandLine, stubs, commandExecutor, faults));
    return server;
  }
}
