package io.github.sshfaults.sshd.testclients;

import io.github.sshfaults.sshd.testclients.RawProbe.Ending;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between one client and a host that reports how the host ended the connection, FIN or
 * RST, even when the stream is encrypted. It passes the ending on to the client as it was: a FIN as
 * a FIN, an RST as an RST.
 */
public final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService pumps =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "test-relay-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private final CompletableFuture<Ending> hostEnding = new CompletableFuture<>();
  private volatile Socket client;
  private volatile Socket upstream;
  private volatile boolean hostReset;
  private volatile boolean hostFinFirst;
  // Guards writing: whether a write to the host is under way (it may be the call that takes the
  // host's RST, after which the other direction reads an end of stream instead).
  private final Object writes = new Object();
  private boolean writing;

  private TcpRelay(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    pumps.execute(this::relayOne);
  }

  /** Starts relaying the first connection to its port on to {@code host:port}. */
  public static TcpRelay to(String host, int port) throws IOException {
    return new TcpRelay(host, port);
  }

  /** The relay's port: connect the client here. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The same login, through this relay. */
  public Login relaying(Login login) {
    return new Login(
        listener.getInetAddress().getHostAddress(),
        port(),
        login.user(),
        login.password(),
        login.key(),
        login.knownHostsLine(),
        login.timeout());
  }

  /**
   * How the host ended the relayed connection, FIN or RESET, once both directions are done (the
   * client closes when the host has): waits at most {@code timeout}. FIN when the host's end of
   * stream came first, also when the host then reset what the client sent after it, as the kernel
   * of a server that died does.
   */
  public Ending awaitHostEnding(Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return hostEnding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the host reset the connection after its FIN, when the client sent more: what a dead
   * server's kernel does. Meaningful once {@link #awaitHostEnding(Duration)} has answered.
   */
  public boolean resetAfterFin() {
    return hostFinFirst && hostReset;
  }

  private void relayOne() {
    try {
      client = listener.accept();
      upstream = new Socket();
      upstream.connect(
          new InetSocketAddress(host, port), (int) SshClientLibrary.TIMEOUT.toMillis());
      CompletableFuture<Void> toHost = CompletableFuture.runAsync(this::clientToHost, pumps);
      hostToClient();
      toHost.join();
      hostEnding.complete(hostFinFirst || !hostReset ? Ending.FIN : Ending.RESET);
    } catch (IOException | RuntimeException e) {
      hostEnding.completeExceptionally(e);
    }
  }

  // Linux reports a received RST once, to whichever call on the socket comes first; after that,
  // reads see an end of stream. So a failed write to the host counts as the host's reset too, and
  // the ending is known only once both directions are done.
  private void hostToClient() {
    try {
      copy(upstream.getInputStream(), client.getOutputStream());
      // An end of stream is the host's FIN only if no write to the host took its RST first: wait
      // for a write under way to tell how it ended.
      synchronized (writes) {
        while (writing) {
          writes.wait();
        }
        hostFinFirst = !hostReset;
      }
      client.shutdownOutput();
    } catch (SocketException e) {
      if (isReset(e)) {
        hostReset = true;
        resetQuietly(client);
      }
    } catch (IOException e) {
      resetQuietly(client);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      resetQuietly(client);
    }
  }

  private void clientToHost() {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = upstream.getOutputStream();
      byte[] buffer = new byte[16384];
      int count;
      while ((count = in.read(buffer)) >= 0) {
        synchronized (writes) {
          writing = true;
        }
        try {
          out.write(buffer, 0, count);
          out.flush();
        } catch (SocketException e) {
          if (isReset(e)) {
            hostReset = true;
          }
          throw e;
        } finally {
          synchronized (writes) {
            writing = false;
            writes.notifyAll();
          }
        }
      }
      upstream.shutdownOutput();
    } catch (SocketException e) {
      if (isReset(e)) {
        hostReset = true;
        resetQuietly(client);
      }
    } catch (IOException e) {
      resetQuietly(upstream);
    }
  }

  private static boolean isReset(SocketException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("reset") || message.contains("Broken pipe");
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[16384];
    int count;
    while ((count = in.read(buffer)) >= 0) {
      out.write(buffer, 0, count);
      out.flush();
    }
  }

  private static void resetQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      // Already gone: nothing to pass on.
    }
  }

  @Override
  public void close() throws IOException {
    try {
      listener.close();
      for (Socket socket : new Socket[] {client, upstream}) {
        if (socket != null) {
          socket.close();
        }
      }
    } finally {
      pumps.shutdownNow();
    }
  }
}
