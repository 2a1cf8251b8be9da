package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchSessionDisconnectException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session.Command;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The three client libraries our fake hosts must serve, each driven the way its users drive it:
 * connect, authenticate, exec one command, read both streams and the exit status, close.
 */
public enum SshClientLibrary {
  MINA {
    @Override
    public ExecResult exec(Login login, String command, DisconnectHook onDisconnect)
        throws Exception {
      Path knownHosts = null;
      try (SshClient client = SshClient.setUpDefaultClient()) {
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.addSessionListener(
            new SessionListener() {
              @Override
              public void sessionDisconnect(
                  org.apache.sshd.common.session.Session session,
                  int reason,
                  String message,
                  String language,
                  boolean initiator) {
                if (!initiator) {
                  onDisconnect.received(reason, message);
                }
              }
            });
        if (login.knownHostsLine() == null) {
          client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        } else {
          knownHosts = Files.createTempFile("known_hosts", "");
          Files.writeString(knownHosts, login.knownHostsLine() + "\n");
          client.setServerKeyVerifier(
              new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        }
        client.start();
        Duration timeout = login.timeout();
        try (ClientSession session =
            client.connect(login.user(), login.host(), login.port()).verify(timeout).getSession()) {
          if (login.key() != null) {
            session.addPublicKeyIdentity(login.key().keyPair());
          }
          if (login.password() != null) {
            session.addPasswordIdentity(login.password());
          }
          session.auth().verify(timeout);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events =
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
              throw new TimeoutException(
                  "MINA channel not closed within "
                      + timeout
                      + "; got "
                      + utf8(out).length()
                      + " chars of stdout");
            }
            return new ExecResult(utf8(out), utf8(err), channel.getExitStatus());
          }
        }
      } finally {
        if (knownHosts != null) {
          Files.delete(knownHosts);
        }
      }
    }
  },

  JSCH {
    @Override
    public ExecResult exec(Login login, String command, DisconnectHook onDisconnect)
        throws Exception {
      JSch jsch = new JSch();
      if (login.key() != null) {
        byte[] privateKey = login.key().privateKeyOpenSsh().getBytes(StandardCharsets.US_ASCII);
        jsch.addIdentity(login.user(), privateKey, null, null);
      }
      if (login.knownHostsLine() != null) {
        jsch.setKnownHosts(
            new ByteArrayInputStream(login.knownHostsLine().getBytes(StandardCharsets.UTF_8)));
      }
      Session session = jsch.getSession(login.user(), login.host(), login.port());
      session.setConfig("StrictHostKeyChecking", login.knownHostsLine() == null ? "no" : "yes");
      if (login.password() != null) {
        session.setPassword(login.password());
      }
      // JSch has no listener: a DISCONNECT ends connect() with its exception, and later the
      // session's main loop, which logs that exception.
      session.setLogger(
          new com.jcraft.jsch.Logger() {
            @Override
            public boolean isEnabled(int level) {
              return true;
            }

            @Override
            public void log(int level, String message) {}

            @Override
            public void log(int level, String message, Throwable cause) {
              if (cause instanceof JSchSessionDisconnectException disconnect) {
                onDisconnect.received(disconnect.getReasonCode(), disconnect.getDescription());
              }
            }
          });
      try {
        session.connect(login.timeoutMillis());
      } catch (JSchSessionDisconnectException e) {
        onDisconnect.received(e.getReasonCode(), e.getDescription());
        throw e;
      }
      try {
        com.jcraft.jsch.ChannelExec channel =
            (com.jcraft.jsch.ChannelExec) session.openChannel("exec");
        channel.setCommand(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setOutputStream(out);
        channel.setErrStream(err);
        channel.connect(login.timeoutMillis());
        // JSch itself would wait forever for a command that never ends: bound the wait here.
        try {
          Awaitility.await("JSch channel closed")
              .atMost(login.timeout())
              .pollInterval(Duration.ofMillis(2))
              .until(channel::isClosed);
        } catch (ConditionTimeoutException e) {
          throw new TimeoutException(
              "JSch channel not closed within "
                  + login.timeout()
                  + "; got "
                  + utf8(out).length()
                  + " chars of stdout");
        }
        int status = channel.getExitStatus();
        channel.disconnect();
        return new ExecResult(utf8(out), utf8(err), status == -1 ? null : status);
      } finally {
        session.disconnect();
      }
    }
  },

  SSHJ {
    @Override
    public ExecResult exec(Login login, String command, DisconnectHook onDisconnect)
        throws Exception {
      try (SSHClient ssh = new SSHClient()) {
        // Also told when sshj itself disconnects, by reason BY_APPLICATION.
        ssh.getTransport()
            .setDisconnectListener(
                (reason, message) -> onDisconnect.received(reason.toInt(), message));
        ssh.setConnectTimeout(login.timeoutMillis());
        ssh.setTimeout(login.timeoutMillis());
        ssh.getTransport().setTimeoutMs(login.timeoutMillis());
        ssh.getConnection().setTimeoutMs(login.timeoutMillis());
        if (login.knownHostsLine() == null) {
          ssh.addHostKeyVerifier(new PromiscuousVerifier());
        } else {
          ssh.addHostKeyVerifier(
              new OpenSSHKnownHosts(new StringReader(login.knownHostsLine() + "\n")));
        }
        ssh.connect(login.host(), login.port());
        List<AuthMethod> methods = new ArrayList<>();
        if (login.key() != null) {
          methods.add(new AuthPublickey(ssh.loadKeys(login.key().keyPair())));
        }
        if (login.password() != null) {
          PasswordFinder password =
              new PasswordFinder() {
                @Override
                public char[] reqPassword(Resource<?> resource) {
                  return login.password().toCharArray();
                }

                @Override
                public boolean shouldRetry(Resource<?> resource) {
                  return false;
                }
              };
          methods.add(new AuthPassword(password));
          if (login.sshjKeyboardInteractive()) {
            methods.add(new AuthKeyboardInteractive(new PasswordResponseProvider(password)));
          }
        }
        ssh.auth(login.user(), methods);
        try (net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession()) {
          Command cmd = session.exec(command);
          // sshj buffers the output until the channel closes; its streams would block for ever.
          try {
            cmd.join(login.timeoutMillis(), TimeUnit.MILLISECONDS);
          } catch (ConnectionException e) {
            if (e.getCause() instanceof TimeoutException) {
              throw new TimeoutException("sshj channel not closed within " + login.timeout());
            }
            throw e;
          }
          String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          String err = new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          return new ExecResult(out, err, cmd.getExitStatus());
        }
      }
    }
  };

  /** Bounds every step; far above what loopback needs, so only a real hang trips it. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * Logs in, runs {@code command}, and returns what came back. Throws what the library throws, or
   * {@link TimeoutException} when the command has not ended within the login's timeout (the
   * libraries themselves would wait for ever).
   */
  public ExecResult exec(Login login, String command) throws Exception {
    return exec(login, command, (reason, message) -> {});
  }

  /**
   * Like {@link #exec(Login, String)}, and tells {@code onDisconnect} of each {@code
   * SSH_MSG_DISCONNECT} the library says it received, whatever it then throws: MINA SSHD's session
   * listener, sshj's disconnect listener (which also hears sshj's own disconnects), JSch's
   * exception (from {@code connect}, or logged by its session thread).
   */
  public abstract ExecResult exec(Login login, String command, DisconnectHook onDisconnect)
      throws Exception;

  /** Hears the reason code and message of a disconnect. */
  @FunctionalInterface
  public interface DisconnectHook {
    void received(int reason, String message);
  }

  private static String utf8(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
