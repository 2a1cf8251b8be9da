package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.awaitility.Awaitility;

/**
 * The three client libraries reaching an inner host through a jump host, each the way its users do
 * it: MINA SSHD's {@code ProxyJump} ({@link HostConfigEntry}), JSch's session over a channel (a
 * {@link Proxy} on {@code getStreamForwarder}), sshj's {@code connectVia(DirectConnection)}. Both
 * hops log in with the same user and password; the command's stdout is returned.
 */
public enum JumpClient {
  MINA {
    @Override
    public String exec(Hop jump, Hop target, String command, Duration timeout) throws Exception {
      SshClient client = SshClient.setUpDefaultClient();
      CoreModuleProperties.TCP_NODELAY.set(client, true);
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.setPasswordIdentityProvider(PasswordIdentityProvider.wrapPasswords(jump.password()));
      client.start();
      try {
        HostConfigEntry entry =
            new HostConfigEntry(
                "",
                target.host(),
                target.port(),
                target.user(),
                jump.user() + "@" + jump.host() + ":" + jump.port());
        try (ClientSession session =
            client.connect(entry, null, null).verify(timeout).getSession()) {
          session.auth().verify(timeout);
          try (org.apache.sshd.client.channel.ChannelExec channel =
              session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.open().verify(timeout);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            return out.toString(StandardCharsets.UTF_8);
          }
        }
      } finally {
        client.stop();
      }
    }
  },

  JSCH {
    @Override
    public String exec(Hop jump, Hop target, String command, Duration timeout) throws Exception {
      JSch jsch = new JSch();
      int millis = (int) timeout.toMillis();
      Session bastion = jsch.getSession(jump.user(), jump.host(), jump.port());
      bastion.setConfig("StrictHostKeyChecking", "no");
      bastion.setPassword(jump.password());
      bastion.connect(millis);
      try {
        Session inner = jsch.getSession(target.user(), target.host(), target.port());
        inner.setConfig("StrictHostKeyChecking", "no");
        inner.setPassword(target.password());
        inner.setProxy(new ChannelProxy(bastion));
        inner.connect(millis);
        try {
          com.jcraft.jsch.ChannelExec channel =
              (com.jcraft.jsch.ChannelExec) inner.openChannel("exec");
          channel.setCommand(command);
          InputStream out = channel.getInputStream();
          channel.connect(millis);
          byte[] bytes = out.readAllBytes();
          Awaitility.await().atMost(timeout).until(channel::isClosed);
          return new String(bytes, StandardCharsets.UTF_8);
        } finally {
          inner.disconnect();
        }
      } finally {
        bastion.disconnect();
      }
    }
  },

  SSHJ {
    @Override
    public String exec(Hop jump, Hop target, String command, Duration timeout) throws Exception {
      int millis = (int) timeout.toMillis();
      try (SSHClient bastion = new SSHClient()) {
        bastion.setConnectTimeout(millis);
        bastion.setTimeout(millis);
        bastion.addHostKeyVerifier(new PromiscuousVerifier());
        bastion.connect(jump.host(), jump.port());
        bastion.authPassword(jump.user(), jump.password());
        DirectConnection tunnel = bastion.newDirectConnection(target.host(), target.port());
        try (SSHClient inner = new SSHClient()) {
          inner.setTimeout(millis);
          inner.addHostKeyVerifier(new PromiscuousVerifier());
          inner.connectVia(tunnel);
          inner.authPassword(target.user(), target.password());
          try (net.schmizz.sshj.connection.channel.direct.Session session = inner.startSession()) {
            net.schmizz.sshj.connection.channel.direct.Session.Command run = session.exec(command);
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.join(millis, TimeUnit.MILLISECONDS);
            return out;
          }
        }
      }
    }
  };

  /** Where one hop goes: the host and port as the client names them, the user and password. */
  public record Hop(String host, int port, String user, String password) {}

  /** Logs in to {@code target} through {@code jump} and runs {@code command} there. */
  public abstract String exec(Hop jump, Hop target, String command, Duration timeout)
      throws Exception;

  /** JSch's proxy for a session over a channel: the inner session's bytes in a stream forwarder. */
  private static final class ChannelProxy implements Proxy {

    private final Session jump;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    ChannelProxy(Session jump) {
      this.jump = jump;
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int timeout)
        throws Exception {
      channel = jump.getStreamForwarder(host, port);
      in = channel.getInputStream();
      out = channel.getOutputStream();
      channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public Socket getSocket() {
      return null;
    }

    @Override
    public void close() {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }
}
