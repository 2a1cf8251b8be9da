package io.github.sshfaults.clients.mina;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.exception.SshChannelClosedException;
import org.apache.sshd.common.session.helpers.TimeoutIndicator;
import org.apache.sshd.sftp.client.SftpClient;

/**
 * An {@link SftpClient} that says when a request ended because its channel closed.
 *
 * <p>MINA SSHD 2.20's {@code DefaultSftpClient} keeps a future per pending request and cancels them
 * all when its channel closes; {@code receive(id, timeout)} treats a cancelled future as a
 * timed-out one, and {@code receive(id)} then throws {@code SshException("Timeout expired while
 * waiting for id=N")}, the same text as for a request the server never answered. A transfer cut by
 * a FIN or RST therefore reads as a timeout, at once. This client tells the two apart by the state
 * MINA keeps: when that exception comes while the SFTP channel or its session is closed or closing,
 * and the session did not close for its own idle or login timeout, it throws an {@link
 * SshChannelClosedException} instead, with MINA's exception as its cause. Likewise for the plain
 * {@code IOException("... client is closed")} that MINA throws for a request made after the channel
 * closed (an upload's stream, closing its handle after the connection was reset), when the session
 * ended under it: a user who closed the SFTP client themselves keeps MINA's exception. The streams
 * of {@code read} and {@code write} do the same; other results (handles, directory listings) are
 * MINA's own.
 */
final class ClosedSftpRequests implements InvocationHandler {

  private static final String TIMEOUT_TEXT = "Timeout expired while waiting for id=";

  private static final String CLIENT_CLOSED_TEXT = "client is closed";

  private final SftpClient sftp;

  private ClosedSftpRequests(SftpClient sftp) {
    this.sftp = sftp;
  }

  static SftpClient wrap(SftpClient sftp) {
    return (SftpClient)
        Proxy.newProxyInstance(
            SftpClient.class.getClassLoader(),
            new Class<?>[] {SftpClient.class},
            new ClosedSftpRequests(sftp));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "SFTP client on " + sftp.getClientSession();
      };
    }
    Object result;
    try {
      result = method.invoke(sftp, args);
    } catch (InvocationTargetException e) {
      throw explain(e.getCause());
    }
    if (result instanceof InputStream in) {
      return new Input(in);
    }
    if (result instanceof OutputStream out) {
      return new Output(out);
    }
    return result;
  }

  /** {@code failure}, or what it hides: a request whose channel closed under it. */
  private Throwable explain(Throwable failure) {
    if (failure instanceof SshException
        && failure.getMessage() != null
        && failure.getMessage().startsWith(TIMEOUT_TEXT)
        && closedUnderTheRequest()) {
      String id = failure.getMessage().substring(TIMEOUT_TEXT.length());
      // No word of MINA's text here (it is the cause): "timeout" would read as a TIMEOUT.
      return new SshChannelClosedException(
          sftp.getClientChannel().getChannelId(),
          "SFTP channel has been closed while waiting for id=" + id,
          failure);
    }
    if (failure.getClass() == IOException.class
        && failure.getMessage() != null
        && failure.getMessage().endsWith(CLIENT_CLOSED_TEXT)
        && sessionEndedUnderTheRequest()) {
      return new SshChannelClosedException(
          sftp.getClientChannel().getChannelId(),
          "SFTP channel has been closed with its session: " + failure.getMessage(),
          failure);
    }
    return failure;
  }

  private boolean closedUnderTheRequest() {
    ClientSession session = sftp.getClientSession();
    boolean closed = sftp.isClosing() || !sftp.isOpen() || session.isClosing() || !session.isOpen();
    return closed && notTimedOut(session);
  }

  /**
   * Whether the session ended, not for its own timeout: then a client that "is closed" was closed
   * by the end of the connection, not by its user (who closes the client, not the session).
   */
  private boolean sessionEndedUnderTheRequest() {
    ClientSession session = sftp.getClientSession();
    return (session.isClosing() || !session.isOpen()) && notTimedOut(session);
  }

  private static boolean notTimedOut(ClientSession session) {
    TimeoutIndicator timeout = session.getTimeoutStatus();
    return timeout == null || timeout.getStatus() == TimeoutIndicator.TimeoutStatus.NoTimeout;
  }

  /** An I/O call of a stream, for {@link #explaining}. */
  @FunctionalInterface
  private interface IoCall<T> {
    T call() throws IOException;
  }

  /** An I/O call of a stream that returns nothing, for {@link #explaining(IoRun)}. */
  @FunctionalInterface
  private interface IoRun {
    void run() throws IOException;
  }

  /** Runs {@code run}; see {@link #explaining(IoCall)}. */
  private void explaining(IoRun run) throws IOException {
    IoCall<Void> call =
        () -> {
          run.run();
          return null;
        };
    explaining(call);
  }

  /** The result of {@code call}, or the explained form of the {@link IOException} it threw. */
  private <T> T explaining(IoCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (IOException e) {
      Throwable explained = explain((Throwable) e);
      throw explained instanceof IOException io ? io : e;
    }
  }

  /** A stream of {@code read} that explains its failures. */
  private final class Input extends FilterInputStream {
    Input(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return explaining(() -> in.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return explaining(() -> in.read(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
      return explaining(() -> in.skip(n));
    }

    @Override
    public void close() throws IOException {
      explaining(() -> in.close());
    }
  }

  /** A stream of {@code write} that explains its failures. */
  private final class Output extends FilterOutputStream {
    Output(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      explaining(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      explaining(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
      explaining(() -> out.flush());
    }

    @Override
    public void close() throws IOException {
      explaining(() -> out.close());
    }
  }
}
