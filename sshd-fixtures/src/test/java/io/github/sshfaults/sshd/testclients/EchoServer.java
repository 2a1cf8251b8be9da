package io.github.sshfaults.sshd.testclients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A socket on 127.0.0.1 that sends back every byte it receives, as a test's stand-in for the
 * database or web service at the end of a tunnel. Counts the connections and bytes it saw.
 */
public final class EchoServer implements AutoCloseable {

  private final ServerSocket listener;
  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicLong echoed = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "test-echo-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private EchoServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.execute(this::acceptAll);
  }

  /** Starts echoing on an ephemeral port of 127.0.0.1. */
  public static EchoServer start() throws IOException {
    return new EchoServer();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** How many connections reached it. */
  public int accepted() {
    return accepted.get();
  }

  /** How many bytes it sent back. */
  public long echoed() {
    return echoed.get();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        accepted.incrementAndGet();
        sockets.add(socket);
        workers.execute(() -> echo(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void echo(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
        echoed.addAndGet(n);
      }
    } catch (IOException e) {
      // the peer went away
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
