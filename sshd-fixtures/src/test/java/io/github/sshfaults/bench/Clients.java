package io.github.sshfaults.bench;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.github.sshfaults.clients.ClientFactory;
import io.github.sshfaults.clients.SshClientAdapter;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session.Command;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The clients the benchmarks drive, each doing one round trip the way its users write it: connect,
 * log in with a password, run {@code uptime}, read its output, disconnect. "Default" variants use
 * the library as it comes; "nodelay" variants set TCP_NODELAY, the one line that removes the
 * client's Nagle stall; "adapter" variants are sshfaults' own adapters.
 */
final class Clients {

  static final String USER = "bench";
  static final String PASSWORD = "bench";
  static final String COMMAND = "uptime";
  static final String STDOUT = " 10:14:03 up 3 days,  2:01,  load average: 0.10\n";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** One client, kept for the whole measurement. */
  @FunctionalInterface
  interface Client extends AutoCloseable {
    /** One round trip to the server on {@code port}; returns the command's output. */
    String roundTrip(int port) throws Exception;

    /** Clients that keep nothing between round trips have nothing to close. */
    @Override
    default void close() throws Exception {}
  }

  private Clients() {}

  /** The names of the clients at their defaults, tuned, and sshfaults' adapters. */
  static List<String> names() {
    return List.of(
        "mina-default",
        "mina-nodelay",
        "jsch-default",
        "sshj-default",
        "sshj-nodelay",
        "mina-adapter",
        "jsch-adapter",
        "sshj-adapter");
  }

  static Client open(String name) throws Exception {
    return switch (name) {
      case "mina-default" -> mina(false);
      case "mina-nodelay" -> mina(true);
      case "jsch-default" -> port -> jsch(port);
      case "sshj-default" -> port -> sshj(port, false);
      case "sshj-nodelay" -> port -> sshj(port, true);
      case "mina-adapter" -> adapter(MinaClientAdapter.factory());
      case "jsch-adapter" -> adapter(JschClientAdapter.factory());
      case "sshj-adapter" -> adapter(SshjClientAdapter.factory());
      default -> throw new IllegalArgumentException("no client " + name + "; known: " + names());
    };
  }

  private static Client mina(boolean noDelay) {
    SshClient client = SshClient.setUpDefaultClient();
    if (noDelay) {
      CoreModuleProperties.TCP_NODELAY.set(client, true);
    }
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    return new Client() {
      @Override
      public String roundTrip(int port) throws Exception {
        try (ClientSession session =
            client.connect(USER, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
          session.addPasswordIdentity(PASSWORD);
          session.auth().verify(TIMEOUT);
          return session.executeRemoteCommand(COMMAND);
        }
      }

      @Override
      public void close() throws IOException {
        client.stop();
      }
    };
  }

  private static String jsch(int port) throws Exception {
    Session session = new JSch().getSession(USER, "127.0.0.1", port);
    session.setPassword(PASSWORD);
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect();
    try {
      ChannelExec exec = (ChannelExec) session.openChannel("exec");
      exec.setCommand(COMMAND);
      InputStream stdout = exec.getInputStream();
      exec.connect();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stdout.transferTo(out);
      exec.disconnect();
      return out.toString();
    } finally {
      session.disconnect();
    }
  }

  private static String sshj(int port, boolean noDelay) throws Exception {
    try (SSHClient ssh = new SSHClient()) {
      if (noDelay) {
        ssh.setSocketFactory(new NoDelaySocketFactory());
      }
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      ssh.connect("127.0.0.1", port);
      ssh.authPassword(USER, PASSWORD);
      try (net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession()) {
        Command command = session.exec(COMMAND);
        String out = IOUtils.readFully(command.getInputStream()).toString();
        command.join();
        return out;
      }
    }
  }

  private static <C extends SshClientAdapter> Client adapter(ClientFactory<C> factory)
      throws Exception {
    C adapter = factory.create();
    SshLogin login = SshLogin.password(USER, PASSWORD);
    return new Client() {
      @Override
      public String roundTrip(int port) throws Exception {
        return adapter.exec(SshTarget.of("127.0.0.1", port), login, COMMAND).stdout();
      }

      @Override
      public void close() throws Exception {
        adapter.close();
      }
    };
  }

  /** What an sshj user writes to turn Nagle's algorithm off. */
  private static final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = plain.createSocket();
      socket.setTcpNoDelay(true);
      return socket;
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
}
