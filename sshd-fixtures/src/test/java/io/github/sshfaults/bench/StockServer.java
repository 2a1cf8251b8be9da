package io.github.sshfaults.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A stock Apache MINA SSHD server, the yardstick: {@code SshServer.setUpDefaultServer()} with its
 * default algorithms and socket options, one password user and one command that prints a line.
 * Nothing of sshfaults.
 */
final class StockServer implements AutoCloseable {

  private final SshServer server;

  private StockServer(SshServer server) {
    this.server = server;
  }

  /**
   * Starts one on loopback.
   *
   * @param hostKey the host key to present, or null for MINA's default: a key generated on first
   *     use
   */
  static StockServer start(KeyPair hostKey, String user, String password, String stdout)
      throws IOException {
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(
        hostKey == null ? new SimpleGeneratorHostKeyProvider() : KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
    server.setCommandFactory((channel, commandLine) -> new PrintingCommand(stdout));
    server.start();
    return new StockServer(server);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** Prints its line and exits 0, on the thread that starts it: the simplest MINA command. */
  private static final class PrintingCommand implements Command {
    private final byte[] stdout;
    private OutputStream out;
    private ExitCallback exit;

    PrintingCommand(String stdout) {
      this.stdout = stdout.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      out.write(stdout);
      out.flush();
      exit.onExit(0);
    }

    @Override
    public void destroy(ChannelSession channel) {}

    @Override
    public void setInputStream(java.io.InputStream in) {}

    @Override
    public void setErrorStream(OutputStream err) {}
  }
}
