package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.forwarded.RemotePortForwarder;
import net.schmizz.sshj.connection.channel.forwarded.RemotePortForwarder.Forward;
import net.schmizz.sshj.connection.channel.forwarded.SocketForwardingConnectListener;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * The three client libraries' remote port forwarding ({@code tcpip-forward}), each used the way
 * its users use it: JSch {@code setPortForwardingR}, sshj {@code RemotePortForwarder} with a
 * {@code SocketForwardingConnectListener}, MINA SSHD {@code startRemotePortForwarding}. The
 * client's end of each forwarded connection is a socket on 127.0.0.1 at the given target port.
 */
public enum RemoteTunnelClient {
  MINA {
    @Override
    public RemoteForward forwardRemotePort(Login login, String address, int port, int target)
        throws Exception {
      return mina(login, address, port, target, true);
    }
  },

  JSCH {
    @Override
    public RemoteForward forwardRemotePort(Login login, String address, int port, int target)
        throws Exception {
      Session session = new JSch().getSession(login.user(), login.host(), login.port());
      session.setConfig("StrictHostKeyChecking", "no");
      session.setPassword(login.password());
      session.connect(login.timeoutMillis());
      try {
        // The configuration form is the one that returns the port the host chose for port 0.
        int bound = session.setPortForwardingR(address + ":" + port + ":127.0.0.1:" + target);
        return new RemoteForward(
            bound, () -> session.delPortForwardingR(address, bound), session::disconnect);
      } catch (Exception | Error e) {
        session.disconnect();
        throw e;
      }
    }
  },

  SSHJ {
    @Override
    public RemoteForward forwardRemotePort(Login login, String address, int port, int target)
        throws Exception {
      SSHClient ssh = new SSHClient();
      try {
        ssh.setConnectTimeout(login.timeoutMillis());
        ssh.setTimeout(login.timeoutMillis());
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.connect(login.host(), login.port());
        ssh.authPassword(login.user(), login.password());
        RemotePortForwarder forwarder = ssh.getRemotePortForwarder();
        Forward bound =
            forwarder.bind(
                new Forward(address, port),
                new SocketForwardingConnectListener(new InetSocketAddress("127.0.0.1", target)));
        return new RemoteForward(bound.getPort(), () -> forwarder.cancel(bound), ssh::close);
      } catch (IOException | RuntimeException | Error e) {
        ssh.close();
        throw e;
      }
    }
  };

  /**
   * Logs in and asks the host to forward {@code address:port} (port 0: any free port) to
   * 127.0.0.1:{@code target} on the client's side; throws what the library throws when the host
   * refuses.
   */
  public abstract RemoteForward forwardRemotePort(
      Login login, String address, int port, int target) throws Exception;

  /**
   * MINA SSHD's remote forwarding, with its client's forwarding filter left at its default when
   * {@code acceptForwarded} is false: the client then refuses every {@code forwarded-tcpip}
   * channel the host opens.
   */
  public static RemoteForward mina(
      Login login, String address, int port, int target, boolean acceptForwarded)
      throws Exception {
    SshClient client = SshClient.setUpDefaultClient();
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    if (acceptForwarded) {
      // A MINA client connects a forwarded-tcpip channel only where its filter lets it, and its
      // default filter rejects all: its users set one, as here.
      client.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
    }
    client.start();
    try {
      ClientSession session =
          client
              .connect(login.user(), login.host(), login.port())
              .verify(login.timeout())
              .getSession();
      session.addPasswordIdentity(login.password());
      session.auth().verify(login.timeout());
      SshdSocketAddress bound =
          session.startRemotePortForwarding(
              new SshdSocketAddress(address, port), new SshdSocketAddress("127.0.0.1", target));
      return new RemoteForward(
          bound.getPort(),
          () -> session.stopRemotePortForwarding(bound),
          () -> {
            try {
              session.close(true);
            } finally {
              client.stop();
            }
          });
    } catch (Exception | Error e) {
      client.stop();
      throw e;
    }
  }

  /** What cancels a forwarding or closes a client and its session. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /**
   * A port the host forwards to the client, as the client heard it; closing it logs out.
   *
   * @param port the port the client heard the host bound
   * @param cancel sends {@code cancel-tcpip-forward}
   * @param closer logs out
   */
  public record RemoteForward(int port, Action cancel, Action closer) implements AutoCloseable {

    @Override
    public void close() throws Exception {
      closer.run();
    }
  }
}
