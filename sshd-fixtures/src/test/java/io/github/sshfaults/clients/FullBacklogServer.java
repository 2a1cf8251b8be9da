package io.github.sshfaults.clients;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where a TCP connect times out for real: a listening socket that never accepts,
 * whose accept queue is filled up. The kernel then drops every further SYN, so a client's connect
 * can only end at its own connect timeout, as against a host behind a silent firewall.
 */
final class FullBacklogServer implements AutoCloseable {

  private static final int FILL_ATTEMPTS = 64;
  private static final int PROBE_TIMEOUT_MILLIS = 200;

  private final ServerSocket server;
  private final List<Socket> fillers = new ArrayList<>();

  FullBacklogServer() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    try {
      fill();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void fill() throws IOException {
    for (int i = 0; i < FILL_ATTEMPTS; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(server.getLocalSocketAddress(), PROBE_TIMEOUT_MILLIS);
        fillers.add(socket);
      } catch (SocketTimeoutException full) {
        socket.close();
        return;
      }
    }
    throw new IllegalStateException(
        "The accept queue of port " + server.getLocalPort() + " never filled up");
  }

  /** Where a connect times out. */
  SshTarget target() {
    return SshTarget.of("127.0.0.1", server.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : fillers) {
      socket.close();
    }
    server.close();
  }
}
