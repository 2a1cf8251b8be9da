package io.github.sshfaults.clients.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off. A client that leaves it on holds each small packet
 * until the server acknowledges the previous one, and a server that delays its acknowledgements
 * (Linux does, by up to 40 ms) then stalls every exchange of an SSH login and command: the adapters
 * turn it off, as a tuned client would.
 */
public final class NoDelaySockets extends SocketFactory {

  /** The one instance: it holds no state. */
  public static final NoDelaySockets FACTORY = new NoDelaySockets();

  private final SocketFactory plain = SocketFactory.getDefault();

  private NoDelaySockets() {}

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(plain.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(host, port, local, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
