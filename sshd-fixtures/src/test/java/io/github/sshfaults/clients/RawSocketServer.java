package io.github.sshfaults.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP server that is not an SSH server: it accepts, sends fixed bytes (or nothing) and
 * then either keeps the connection open without a word or closes it (a FIN). For the failures the
 * fake hosts cannot produce yet: silence after accept, garbage instead of a banner, a connection
 * closed before the banner.
 */
final class RawSocketServer implements AutoCloseable {

  private final ServerSocket server;
  private final byte[] greeting;
  private final boolean hangUp;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RawSocketServer(byte[] greeting, boolean hangUp) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.greeting = greeting;
    this.hangUp = hangUp;
    this.acceptor = new Thread(this::serve, "raw-socket-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Accepts connections and never sends a byte. */
  static RawSocketServer silent() throws IOException {
    return new RawSocketServer(new byte[0], false);
  }

  /** Accepts connections and closes them at once, before any banner. */
  static RawSocketServer hangingUp() throws IOException {
    return new RawSocketServer(new byte[0], true);
  }

  /** Accepts connections, sends {@code greeting} (ISO-8859-1) and then nothing more. */
  static RawSocketServer sending(String greeting) throws IOException {
    return new RawSocketServer(greeting.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  /** Where to connect. */
  SshTarget target() {
    return SshTarget.of("127.0.0.1", server.getLocalPort());
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(greeting);
        out.flush();
        if (hangUp) {
          socket.close();
        }
      } catch (IOException e) {
        // The client went away mid-greeting, or the server is closing: either way, next.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
    try {
      acceptor.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
