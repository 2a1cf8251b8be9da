package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.io.nio2.Nio2DefaultIoWriteFuture;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of one connection: MINA SSHD's NIO2 session, with a {@link Wire} between SSH and the
 * socket once a fault needs one. Without faults the wire is null and every call goes straight to
 * {@link Nio2Session}: one volatile read per write and per read. The wire's parts reach the socket
 * through the package-private methods here.
 */
final class WireSession extends Nio2Session {

  private static final Logger LOG = LoggerFactory.getLogger(WireSession.class);

  private final Connection connection;
  private final Object wireLock = new Object();
  private volatile Wire wire;
  private volatile boolean closeAfterShutdown;

  WireSession(
      Nio2Service service,
      PropertyResolver properties,
      IoHandler handler,
      AsynchronousSocketChannel socket,
      SocketAddress acceptanceAddress,
      Connection connection)
      throws IOException {
    super(service, properties, handler, socket, acceptanceAddress);
    this.connection = connection;
    connection.attach(this);
  }

  Connection connection() {
    return connection;
  }

  /** The wire, created on first need; from then on every write and read goes through it. */
  Wire wire() {
    Wire current = wire;
    if (current != null) {
      return current;
    }
    synchronized (wireLock) {
      if (wire == null) {
        wire = new Wire(this);
      }
      return wire;
    }
  }

  @Override
  public IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
    Wire current = wire;
    return current == null ? super.writeBuffer(buffer) : current.write(buffer);
  }

  @Override
  protected void doReadCycle(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    Wire current = wire;
    if (current == null) {
      super.doReadCycle(buffer, completion);
    } else {
      current.read(buffer, completion);
    }
  }

  @Override
  protected void handleReadCycleCompletion(
      ByteBuffer buffer,
      Readable reader,
      Nio2CompletionHandler<Integer, Object> completion,
      Integer result,
      Object attachment) {
    if (result != null && result > 0) {
      QuickAck.request(getSocket());
    }
    Wire current = wire;
    if (current == null || !current.divert(buffer, result)) {
      super.handleReadCycleCompletion(buffer, reader, completion, result, attachment);
    }
  }

  @Override
  protected CloseFuture doCloseGracefully() {
    Wire current = wire;
    if (current == null) {
      return super.doCloseGracefully();
    }
    // Writes still queued on the wire must go out before the FIN of a graceful close.
    DefaultCloseFuture closed = new DefaultCloseFuture(toString(), futureLock);
    current.whenDrained(() -> super.doCloseGracefully().addListener(f -> closed.setClosed()));
    return closed;
  }

  @Override
  protected void doCloseImmediately() {
    Wire current = wire;
    if (current != null) {
      current.abort();
    }
    connection.engine().forget(this);
    super.doCloseImmediately();
  }

  /**
   * Sends a FIN once MINA SSHD's own pending writes are out, then closes the socket, as the kernel
   * of a process that died: the client's later bytes get an RST.
   */
  void shutdownOutputThenClose() {
    closeAfterShutdown = true;
    shutdownOutputQuietly();
  }

  @Override
  protected void doShutdownOutputStream(
      Nio2DefaultIoWriteFuture future, AsynchronousSocketChannel socket) throws IOException {
    super.doShutdownOutputStream(future, socket);
    if (closeAfterShutdown) {
      closeNow();
    }
  }

  void shutdownOutputQuietly() {
    try {
      super.shutdownOutputStream();
    } catch (IOException e) {
      LOG.debug("Cannot shut down the output of {}", this, e);
    }
  }

  /** Writes straight to the socket, past the wire. */
  IoWriteFuture writeThrough(Buffer buffer) throws IOException {
    return super.writeBuffer(buffer);
  }

  /** Lets MINA SSHD read straight from the socket, past the wire. */
  void readThrough(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    super.doReadCycle(buffer, completion);
  }

  /** The socket, for the wire's own reads. */
  AsynchronousSocketChannel socket() {
    return getSocket();
  }

  /** Closes at once. */
  void closeNow() {
    close(true);
  }
}
