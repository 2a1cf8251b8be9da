package io.github.sshfaults.sshd.internal.faults;

import java.net.SocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.threads.CloseableExecutorService;

/**
 * MINA SSHD's NIO2 back-end, whose sessions are {@link WireSession}s. Still NIO2, so another
 * back-end on the user's classpath cannot change behaviour.
 */
final class WireServiceFactoryFactory extends Nio2ServiceFactoryFactory {

  private final FaultEngine engine;

  WireServiceFactoryFactory(FaultEngine engine) {
    this.engine = engine;
  }

  @Override
  public IoServiceFactory create(FactoryManager manager) {
    return new WireServiceFactory(manager, newExecutor(), newExecutor(), engine);
  }

  private static final class WireServiceFactory extends Nio2ServiceFactory {

    private final FaultEngine engine;

    WireServiceFactory(
        FactoryManager manager,
        CloseableExecutorService service,
        CloseableExecutorService resumeTasks,
        FaultEngine engine) {
      super(manager, service, resumeTasks);
      this.engine = engine;
    }

    // The acceptor calls this once per accepted socket, in accept order, before the SSH session
    // exists: the one place where connection indices are assigned.
    @Override
    public Nio2Session createSession(
        Nio2Service service,
        IoHandler handler,
        AsynchronousSocketChannel socket,
        SocketAddress address)
        throws Throwable {
      WireSession session =
          new WireSession(service, getFactoryManager(), handler, socket, address, engine.accept());
      engine.accepted(session);
      return session;
    }
  }
}
