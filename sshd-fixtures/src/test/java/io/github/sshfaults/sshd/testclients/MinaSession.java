package io.github.sshfaults.sshd.testclients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One authenticated MINA SSHD client session that records how it ends: an {@code
 * SSH_MSG_DISCONNECT} with its reason and message, an exception (a reset shows as "Connection
 * reset"), or a plain close (a FIN). For faults that strike after authentication, where a raw
 * socket cannot follow the encrypted stream.
 */
public final class MinaSession implements AutoCloseable {

  /**
   * How the session ended.
   *
   * @param disconnectReason the reason of the host's SSH_MSG_DISCONNECT, or null if none came
   * @param disconnectMessage its message, or null
   * @param exception the exception that ended the session, or null for a quiet close
   */
  public record Ending(Integer disconnectReason, String disconnectMessage, Throwable exception) {}

  private final SshClient client;
  private final ClientSession session;
  private final Duration timeout;
  private volatile Integer disconnectReason;
  private volatile String disconnectMessage;
  private volatile Throwable exception;
  private final CompletableFuture<Ending> ended = new CompletableFuture<>();

  private MinaSession(Login login) throws IOException {
    this.timeout = login.timeout();
    this.client = SshClient.setUpDefaultClient();
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionDisconnect(
              Session s, int reason, String msg, String language, boolean initiator) {
            if (!initiator) {
              disconnectReason = reason;
              disconnectMessage = msg;
            }
          }

          @Override
          public void sessionException(Session s, Throwable t) {
            exception = t;
          }

          @Override
          public void sessionClosed(Session s) {
            ended.complete(new Ending(disconnectReason, disconnectMessage, exception));
          }
        });
    client.start();
    try {
      session =
          client.connect(login.user(), login.host(), login.port()).verify(timeout).getSession();
      if (login.key() != null) {
        session.addPublicKeyIdentity(login.key().keyPair());
      }
      if (login.password() != null) {
        session.addPasswordIdentity(login.password());
      }
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Connects and authenticates; throws what MINA SSHD throws when either fails. */
  public static MinaSession open(Login login) throws IOException {
    MinaSession opened = new MinaSession(login);
    try {
      opened.session.auth().verify(opened.timeout);
      return opened;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** Connects without authenticating yet. */
  public static MinaSession connect(Login login) throws IOException {
    return new MinaSession(login);
  }

  /** The client session. */
  public ClientSession session() {
    return session;
  }

  /** Runs {@code command} on this session, feeding it {@code stdin}, and bounds the wait. */
  public ExecResult exec(String command, InputStream stdin) throws IOException, TimeoutException {
    return exec(command, stdin, new ByteArrayOutputStream());
  }

  /** Runs {@code command} on this session; its stdout goes to {@code out} as it arrives. */
  public ExecResult exec(String command, InputStream stdin, OutputStream out)
      throws IOException, TimeoutException {
    return exec(command, stdin, out, timeout);
  }

  /**
   * Runs {@code command} with empty stdin and bounds the wait by {@code timeout} instead of the
   * login's: for a command that is meant to hang, on a session whose login must not time out.
   */
  public ExecResult exec(String command, Duration timeout) throws IOException, TimeoutException {
    return exec(command, InputStream.nullInputStream(), OutputStream.nullOutputStream(), timeout);
  }

  private ExecResult exec(String command, InputStream stdin, OutputStream out, Duration timeout)
      throws IOException, TimeoutException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setIn(stdin);
      channel.setOut(
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              stdout.write(b);
              out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              stdout.write(b, off, len);
              out.write(b, off, len);
            }
          });
      channel.setErr(stderr);
      channel.open().verify(timeout);
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      if (!events.contains(ClientChannelEvent.CLOSED)) {
        throw new TimeoutException(
            "channel of '"
                + command
                + "' not closed within "
                + timeout
                + "; stdout so far: "
                + stdout.toString(StandardCharsets.UTF_8));
      }
      return new ExecResult(
          stdout.toString(StandardCharsets.UTF_8),
          stderr.toString(StandardCharsets.UTF_8),
          channel.getExitStatus());
    }
  }

  /** Runs {@code command} with empty stdin. */
  public ExecResult exec(String command) throws IOException, TimeoutException {
    return exec(command, InputStream.nullInputStream());
  }

  /** Waits until the session has ended, at most the login's timeout. */
  public Ending awaitEnd() throws InterruptedException, TimeoutException {
    try {
      return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Whether the session has ended. */
  public boolean hasEnded() {
    return ended.isDone();
  }

  @Override
  public void close() throws IOException {
    try {
      if (session != null) {
        session.close(true);
      }
    } finally {
      client.close();
    }
  }
}
