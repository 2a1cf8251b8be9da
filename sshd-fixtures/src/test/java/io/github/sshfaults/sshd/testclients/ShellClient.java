package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The three client libraries' interactive shells, each opened the way its users open one: JSch's
 * {@code ChannelShell}, sshj's {@code allocateDefaultPTY(); startShell()}, MINA SSHD's {@code
 * createShellChannel()}. A test reads the output with {@link Expect} and types with {@link
 * OpenShell#type(String)}.
 */
public enum ShellClient {
  MINA {
    @Override
    public OpenShell open(Login login, boolean pty) throws Exception {
      SshClient client = SshClient.setUpDefaultClient();
      CoreModuleProperties.TCP_NODELAY.set(client, true);
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try {
        ClientSession session =
            client
                .connect(login.user(), login.host(), login.port())
                .verify(login.timeout())
                .getSession();
        session.addPasswordIdentity(login.password());
        session.auth().verify(login.timeout());
        org.apache.sshd.client.channel.ChannelShell channel = session.createShellChannel();
        channel.setUsePty(pty);
        channel.setPtyType("vt100");
        channel.open().verify(login.timeout());
        return new OpenShell(
            channel.getInvertedOut(), channel.getInvertedErr(), channel.getInvertedIn(), login) {
          @Override
          public Integer awaitExit() throws TimeoutException {
            Set<ClientChannelEvent> events =
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), login.timeout());
            if (!events.contains(ClientChannelEvent.CLOSED)) {
              throw new TimeoutException("MINA shell channel not closed within " + login.timeout());
            }
            return channel.getExitStatus();
          }

          @Override
          void closeClient() throws IOException {
            try {
              channel.close(true);
              session.close(true);
            } finally {
              client.stop();
            }
          }
        };
      } catch (Exception | Error e) {
        client.stop();
        throw e;
      }
    }
  },

  JSCH {
    @Override
    public OpenShell open(Login login, boolean pty) throws Exception {
      JSch jsch = new JSch();
      Session session = jsch.getSession(login.user(), login.host(), login.port());
      session.setConfig("StrictHostKeyChecking", "no");
      session.setPassword(login.password());
      session.connect(login.timeoutMillis());
      try {
        com.jcraft.jsch.ChannelShell channel = (com.jcraft.jsch.ChannelShell) session.openChannel("shell");
        channel.setPty(pty);
        InputStream out = channel.getInputStream();
        InputStream err = channel.getExtInputStream();
        OutputStream in = channel.getOutputStream();
        channel.connect(login.timeoutMillis());
        return new OpenShell(out, err, in, login) {
          @Override
          public Integer awaitExit() throws TimeoutException {
            try {
              Awaitility.await("JSch shell channel closed")
                  .atMost(login.timeout())
                  .pollInterval(Duration.ofMillis(2))
                  .until(channel::isClosed);
            } catch (ConditionTimeoutException e) {
              throw new TimeoutException("JSch shell channel not closed within " + login.timeout());
            }
            int status = channel.getExitStatus();
            return status == -1 ? null : status;
          }

          @Override
          void closeClient() {
            channel.disconnect();
            session.disconnect();
          }
        };
      } catch (Exception | Error e) {
        session.disconnect();
        throw e;
      }
    }
  },

  SSHJ {
    @Override
    public OpenShell open(Login login, boolean pty) throws Exception {
      SSHClient ssh = new SSHClient();
      try {
        ssh.setConnectTimeout(login.timeoutMillis());
        ssh.setTimeout(login.timeoutMillis());
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.connect(login.host(), login.port());
        ssh.authPassword(login.user(), login.password());
        net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession();
        if (pty) {
          session.allocateDefaultPTY();
        }
        net.schmizz.sshj.connection.channel.direct.Session.Shell shell = session.startShell();
        return new OpenShell(
            shell.getInputStream(), shell.getErrorStream(), shell.getOutputStream(), login) {
          @Override
          public Integer awaitExit() throws Exception {
            shell.join(login.timeoutMillis(), TimeUnit.MILLISECONDS);
            // sshj keeps the exit status on the session channel; its Shell view does not show it.
            return ((net.schmizz.sshj.connection.channel.direct.SessionChannel) session)
                .getExitStatus();
          }

          @Override
          void closeClient() throws IOException {
            try {
              session.close();
            } finally {
              ssh.close();
            }
          }
        };
      } catch (Exception | Error e) {
        ssh.close();
        throw e;
      }
    }
  };

  /** Logs in and opens a shell, with a pseudo-terminal (as each library does by default) or not. */
  public abstract OpenShell open(Login login, boolean pty) throws Exception;

  /** Opens a shell with a pseudo-terminal. */
  public OpenShell open(Login login) throws Exception {
    return open(login, true);
  }

  /** An open shell: its output to expect from, its input to type into. */
  public abstract static class OpenShell implements AutoCloseable {

    private final Expect out;
    private final Expect err;
    private final OutputStream in;

    OpenShell(InputStream stdout, InputStream stderr, OutputStream stdin, Login login) {
      this.out = new Expect(stdout, login.timeout());
      this.err = new Expect(stderr, login.timeout());
      this.in = stdin;
    }

    /** What the shell writes on its standard output (the terminal, with one). */
    public Expect out() {
      return out;
    }

    /** What the shell writes on its standard error. */
    public Expect err() {
      return err;
    }

    /** Sends {@code text} as it is: add the line ending the test means, {@code \r} or {@code \n}. */
    public OpenShell type(String text) throws IOException {
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
      return this;
    }

    /** Closes the client's side of the input (EOF). */
    public void closeInput() throws IOException {
      in.close();
    }

    /** Waits for the shell's channel to close, and returns its exit status (null for none). */
    public abstract Integer awaitExit() throws Exception;

    abstract void closeClient() throws Exception;

    @Override
    public void close() throws Exception {
      try {
        closeClient();
      } finally {
        out.close();
        err.close();
      }
    }
  }
}
