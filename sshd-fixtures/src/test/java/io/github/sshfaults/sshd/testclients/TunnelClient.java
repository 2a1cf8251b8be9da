package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The three client libraries' port forwarding, each used the way its users use it: a local port
 * forwarded through the host (JSch {@code setPortForwardingL}, sshj {@code LocalPortForwarder},
 * MINA SSHD {@code startLocalPortForwarding}), or one {@code direct-tcpip} channel read and written
 * directly (JSch {@code ChannelDirectTCPIP}, sshj {@code DirectConnection}, MINA SSHD {@code
 * ChannelDirectTcpip}), where the library reports a refusal.
 */
public enum TunnelClient {
  MINA {
    @Override
    public LocalForward forwardLocalPort(Login login, String host, int port) throws Exception {
      MinaLogin mina = MinaLogin.of(login);
      try {
        SshdSocketAddress bound =
            mina.session.startLocalPortForwarding(
                new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(host, port));
        return new LocalForward(bound.getPort(), mina::close);
      } catch (Exception | Error e) {
        mina.close();
        throw e;
      }
    }

    @Override
    public DirectStream openDirect(Login login, String host, int port) throws Exception {
      MinaLogin mina = MinaLogin.of(login);
      try {
        ChannelDirectTcpip channel =
            mina.session.createDirectTcpipChannel(
                new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(host, port));
        channel.open().verify(login.timeout());
        return new DirectStream(channel.getInvertedOut(), channel.getInvertedIn(), mina::close);
      } catch (Exception | Error e) {
        mina.close();
        throw e;
      }
    }
  },

  JSCH {
    @Override
    public LocalForward forwardLocalPort(Login login, String host, int port) throws Exception {
      Session session = jschSession(login);
      try {
        int local = session.setPortForwardingL("127.0.0.1", 0, host, port);
        return new LocalForward(local, session::disconnect);
      } catch (Exception | Error e) {
        session.disconnect();
        throw e;
      }
    }

    @Override
    public DirectStream openDirect(Login login, String host, int port) throws Exception {
      Session session = jschSession(login);
      try {
        ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
        channel.setHost(host);
        channel.setPort(port);
        InputStream in = channel.getInputStream();
        OutputStream out = channel.getOutputStream();
        channel.connect(login.timeoutMillis());
        return new DirectStream(in, out, session::disconnect);
      } catch (Exception | Error e) {
        session.disconnect();
        throw e;
      }
    }

    private Session jschSession(Login login) throws Exception {
      Session session = new JSch().getSession(login.user(), login.host(), login.port());
      session.setConfig("StrictHostKeyChecking", "no");
      session.setPassword(login.password());
      session.connect(login.timeoutMillis());
      return session;
    }
  },

  SSHJ {
    @Override
    public LocalForward forwardLocalPort(Login login, String host, int port) throws Exception {
      SSHClient ssh = sshj(login);
      try {
        ServerSocket local = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LocalPortForwarder forwarder =
            ssh.newLocalPortForwarder(
                new Parameters("127.0.0.1", local.getLocalPort(), host, port), local);
        Thread listening =
            new Thread(
                () -> {
                  try {
                    forwarder.listen();
                  } catch (IOException e) {
                    // closed
                  }
                },
                "test-sshj-forwarder");
        listening.setDaemon(true);
        listening.start();
        return new LocalForward(
            local.getLocalPort(),
            () -> {
              try {
                forwarder.close();
                local.close();
                listening.join(login.timeoutMillis());
              } finally {
                ssh.close();
              }
            });
      } catch (Exception | Error e) {
        ssh.close();
        throw e;
      }
    }

    @Override
    public DirectStream openDirect(Login login, String host, int port) throws Exception {
      SSHClient ssh = sshj(login);
      try {
        DirectConnection connection = ssh.newDirectConnection(host, port);
        return new DirectStream(
            connection.getInputStream(),
            connection.getOutputStream(),
            () -> {
              try {
                connection.close();
              } finally {
                ssh.close();
              }
            });
      } catch (Exception | Error e) {
        ssh.close();
        throw e;
      }
    }

    private SSHClient sshj(Login login) throws IOException {
      SSHClient ssh = new SSHClient();
      try {
        ssh.setConnectTimeout(login.timeoutMillis());
        ssh.setTimeout(login.timeoutMillis());
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.connect(login.host(), login.port());
        ssh.authPassword(login.user(), login.password());
        // Channel opening waits 30 s unless told: as long as the rest of the login.
        ssh.getConnection().setTimeoutMs((int) login.timeoutMillis());
        return ssh;
      } catch (IOException | RuntimeException e) {
        ssh.close();
        throw e;
      }
    }
  };

  /** Logs in and forwards a local port on 127.0.0.1 to {@code host:port} through the host. */
  public abstract LocalForward forwardLocalPort(Login login, String host, int port)
      throws Exception;

  /**
   * Logs in and opens one {@code direct-tcpip} channel to {@code host:port}; throws what the
   * library throws when the host refuses it.
   */
  public abstract DirectStream openDirect(Login login, String host, int port) throws Exception;

  /** What closes a client and its session. */
  @FunctionalInterface
  public interface Closer {
    void close() throws Exception;
  }

  /** A forwarded local port; closing it stops the forwarding and logs out. */
  public record LocalForward(int localPort, Closer closer) implements AutoCloseable {

    public InetSocketAddress local() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort);
    }

    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  /** One open tunnel: what the destination sends, and what goes to it. */
  public record DirectStream(InputStream in, OutputStream out, Closer closer)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  /** A MINA SSHD client logged in, with its session. */
  private record MinaLogin(SshClient client, ClientSession session) {

    static MinaLogin of(Login login) throws IOException {
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
        return new MinaLogin(client, session);
      } catch (IOException | RuntimeException e) {
        client.stop();
        throw e;
      }
    }

    void close() throws IOException {
      try {
        session.close(true);
      } finally {
        client.stop();
      }
    }
  }
}
