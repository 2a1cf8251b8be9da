package io.github.sshfaults.sshd.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.server.SshServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MINA SSHD server of one fake host over its life: started on an ephemeral (or a given) port, stopped,
 * started again on the same port, or told to stop listening for a while without closing its
 * sessions. A stopped {@link SshServer} cannot start again, so every start builds a new one.
 * Thread-safe.
 */
public final class HostServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

  private final String bindAddress;
  private final IntFunction<SshServer> servers;
  private SshServer server;
  private int port;
  private boolean listening;
  private boolean refusing;
  private boolean closed;

  /**
   * A host server on {@code bindAddress} that builds its servers with {@code servers}, given the
   * port to bind (0 for an ephemeral one); they must listen on {@code bindAddress}.
   */
  public HostServer(String bindAddress, IntFunction<SshServer> servers) {
    this.bindAddress = bindAddress;
    this.servers = servers;
  }

  /** Starts the first server on {@code port}, 0 for an ephemeral port. */
  public synchronized void start(int port) {
    startOn(port);
  }

  /** The port, chosen at the first start and kept through restarts. */
  public synchronized int port() {
    return port;
  }

  /** Whether a server is up (it may still refuse connections, see {@link #refuse(boolean)}). */
  public synchronized boolean isRunning() {
    return server != null && server.isStarted();
  }

  /** Stops the server: its sessions close at once and nothing listens on the port any more. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop(true);
    } catch (IOException e) {
      LOG.debug("Error while stopping the server on port {}", port, e);
    }
    server = null;
    listening = false;
  }

  /** Stops the server if it runs, then starts a new one on the same port. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("the host is closed and cannot restart");
    }
    stop();
    startOn(port);
  }

  /**
   * Stops or starts listening on the port without touching open sessions: clients get "connection
   * refused" while {@code refuse} holds.
   */
  public synchronized void refuse(boolean refuse) {
    refusing = refuse;
    if (server == null) {
      return;
    }
    IoAcceptor acceptor = ((ListeningServer) server).acceptor();
    if (refuse && listening) {
      acceptor.unbind();
      listening = false;
    } else if (!refuse && !listening) {
      try {
        acceptor.bind(new InetSocketAddress(bindAddress, port));
        listening = true;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot listen again on "
                + bindAddress
                + ":"
                + port
                + "; another process"
                + " may have taken the port",
            e);
      }
    }
  }

  /** Stops the server for good. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    stop();
  }

  private void startOn(int wantedPort) {
    SshServer next = servers.apply(wantedPort);
    try {
      next.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start a fake SSH host on "
              + bindAddress
              + ":"
              + wantedPort
              + (wantedPort == 0 ? "" : "; another process may have taken the port"),
          e);
    }
    server = next;
    port = next.getPort();
    listening = true;
    if (refusing) {
      refuse(true);
    }
  }

  /** An {@link SshServer} that lets its owner stop and resume listening. */
  static final class ListeningServer extends SshServer {
    IoAcceptor acceptor() {
      return acceptor;
    }
  }
}
