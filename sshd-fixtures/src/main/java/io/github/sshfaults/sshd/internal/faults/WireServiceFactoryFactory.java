package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.sshd.internal.SharedThreads;
import java.net.SocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.AbstractIoServiceFactory;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2Acceptor;
import org.apache.sshd.common.io.nio2.Nio2Connector;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.server.SshServer;

/**
 * MINA SSHD's NIO2 back-end, on the threads every fake host shares ({@link SharedThreads}), with
 * sessions that are {@link WireSession}s. MINA SSHD gives each server a channel group and thread
 * pools of its own, several threads per host; here a server's acceptor and connectors use the
 * JVM's one group, and closing a server closes its sockets and sessions, never the shared threads.
 * Still NIO2, so that another back-end on the user's classpath cannot change behaviour.
 */
final class WireServiceFactoryFactory extends Nio2ServiceFactoryFactory {

  private final FaultEngine engine;

  WireServiceFactoryFactory(FaultEngine engine) {
    this.engine = engine;
  }

  @Override
  public IoServiceFactory create(FactoryManager manager) {
    return new HostIo(manager, engine);
  }

  /** One server's acceptor and connectors, on the shared group. */
  private static final class HostIo extends AbstractIoServiceFactory {

    private final FaultEngine engine;

    HostIo(FactoryManager manager, FaultEngine engine) {
      // Closing this factory shuts its executor down: the shared one must survive it.
      super(manager, ThreadUtils.noClose(SharedThreads.ioResume()));
      this.engine = engine;
    }

    @Override
    public IoAcceptor createAcceptor(IoHandler handler) {
      return autowireCreatedService(
          new WireAcceptor(getFactoryManager(), handler, group(), engine));
    }

    @Override
    public IoConnector createConnector(IoHandler handler) {
      return autowireCreatedService(new HostConnector(getFactoryManager(), handler, group()));
    }

    private static AsynchronousChannelGroup group() {
      return SharedThreads.ioGroup();
    }
  }

  /** A server's acceptor: its sockets become wire sessions of its host's engine. */
  private static final class WireAcceptor extends Nio2Acceptor {
    final FactoryManager manager;
    final FaultEngine engine;

    WireAcceptor(
        FactoryManager manager, IoHandler handler, AsynchronousChannelGroup group, FaultEngine e) {
      super(Sessions.INSTANCE, manager, handler, group, SharedThreads.ioResume());
      this.manager = manager;
      this.engine = e;
    }
  }

  /** A server's outgoing connections (port forwarding): plain NIO2 sessions. */
  private static final class HostConnector extends Nio2Connector {
    final FactoryManager manager;

    HostConnector(FactoryManager manager, IoHandler handler, AsynchronousChannelGroup group) {
      super(Sessions.INSTANCE, manager, handler, group, SharedThreads.ioResume());
      this.manager = manager;
    }
  }

  /**
   * Creates the sessions of every acceptor and connector above, each with its own server's
   * settings. It is a {@link Nio2ServiceFactory} only because MINA SSHD's acceptors and connectors
   * ask one for their sessions; the channel group it makes for itself is never used, and it is
   * made once per JVM.
   */
  private static final class Sessions extends Nio2ServiceFactory {

    static final Sessions INSTANCE = new Sessions();

    private Sessions() {
      super(new SshServer(), ThreadUtils.noClose(SharedThreads.ioResume()), SharedThreads.ioResume());
    }

    // An acceptor calls this once per accepted socket, in accept order, before the SSH session
    // exists: the one place where connection indices are assigned.
    @Override
    public Nio2Session createSession(
        Nio2Service service, IoHandler handler, AsynchronousSocketChannel socket, SocketAddress at)
        throws Throwable {
      if (service instanceof WireAcceptor acceptor) {
        WireSession session =
            new WireSession(
                service, acceptor.manager, handler, socket, at, acceptor.engine.accept());
        acceptor.engine.accepted(session);
        return session;
      }
      return new Nio2Session(service, ((HostConnector) service).manager, handler, socket, at);
    }
  }
}
