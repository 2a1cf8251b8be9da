package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/** Builds the MINA SSHD server behind a fake host, bound to loopback only. */
public final class ServerFactory {

  /** Fake hosts listen here and nowhere else unless a test says otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final List<BuiltinCiphers> FAST_CIPHERS =
      List.of(
          BuiltinCiphers.aes128ctr,
          BuiltinCiphers.aes128gcm,
          BuiltinCiphers.aes256ctr,
          BuiltinCiphers.aes256gcm,
          BuiltinCiphers.cc20p1305_openssh);
  private static final List<BuiltinMacs> FAST_MACS =
      List.of(
          BuiltinMacs.hmacsha256etm,
          BuiltinMacs.hmacsha256,
          BuiltinMacs.hmacsha512etm,
          BuiltinMacs.hmacsha512);
  private static final List<BuiltinDHFactories> FAST_KEX =
      List.of(
          BuiltinDHFactories.curve25519,
          BuiltinDHFactories.curve25519_libssh,
          BuiltinDHFactories.ecdhp256);

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
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    // Without it every exec pays a ~40 ms Nagle / delayed-ACK stall.
    CoreModuleProperties.TCP_NODELAY.set(server, true);
    if (algorithms == AlgorithmSet.FAST) {
      useFastAlgorithms(server);
    }
    server.setPasswordAuthenticator(credentials);
    server.setPublickeyAuthenticator(credentials);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setCommandFactory(
        (channel, commandLine) -> new StubbedCommand(commandLine, stubs, commandExecutor, faults));
    return server;
  }

  private static void useFastAlgorithms(SshServer server) {
    server.setKeyExchangeFactories(
        NamedFactory.setUpTransformedFactories(false, FAST_KEX, ServerBuilder.DH2KEX));
    server.setCipherFactories(supported(FAST_CIPHERS));
    server.setMacFactories(supported(FAST_MACS));
  }

  // Only what this JVM can run: a client must never be offered an algorithm that then fails.
  private static <T, F extends NamedFactory<T> & OptionalFeature> List<NamedFactory<T>> supported(
      List<F> factories) {
    return factories.stream()
        .filter(OptionalFeature::isSupported)
        .<NamedFactory<T>>map(factory -> factory)
        .toList();
  }
}
