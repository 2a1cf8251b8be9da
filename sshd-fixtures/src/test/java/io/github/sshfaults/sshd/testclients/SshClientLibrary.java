package io.github.sshfaults.sshd.testclients;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session.Command;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.awaitility.Awaitility;

/**
 * The three client libraries our fake hosts must serve, each driven the way its users drive it:
 * connect, authenticate, exec one command, read both streams and the exit status, close.
 */
public enum SshClientLibrary {
  MINA {
    @Override
    public ExecResult exec(Login login, String command) throws Exception {
      Path knownHosts = null;
      try (SshClient client = SshClient.setUpDefaultClient()) {
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        if (login.knownHostsLine() == null) {
          client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        } else {
          knownHosts = Files.createTempFile("known_hosts", "");
          Files.writeString(knownHosts, login.knownHostsLine() + "\n");
          client.setServerKeyVerifier(
              new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        }
        client.start();
        try (ClientSession session =
            client.connect(login.user(), login.host(), login.port()).verify(TIMEOUT).getSession()) {
          if (login.key() != null) {
            session.addPublicKeyIdentity(login.key().keyPair());
          } else {
            session.addPasswordIdentity(login.password());
          }
          session.auth().verify(TIMEOUT);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
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
    public ExecResult exec(Login login, String command) throws Exception {
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
      session.connect((int) TIMEOUT.toMillis());
      try {
        com.jcraft.jsch.ChannelExec channel =
            (com.jcraft.jsch.ChannelExec) session.openChannel("exec");
        channel.setCommand(command);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setErrStream(err);
        InputStream stdout = channel.getInputStream();
        channel.connect((int) TIMEOUT.toMillis());
        String out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        Awaitility.await("JSch channel closed")
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(2))
            .until(channel::isClosed);
        int status = channel.getExitStatus();
        channel.disconnect();
        return new ExecResult(out, utf8(err), status == -1 ? null : status);
      } finally {
        session.disconnect();
      }
    }
  },

  SSHJ {
    @Override
    public ExecResult exec(Login login, String command) throws Exception {
      try (SSHClient ssh = new SSHClient()) {
        ssh.setConnectTimeout((int) TIMEOUT.toMillis());
        ssh.setTimeout((int) TIMEOUT.toMillis());
        if (login.knownHostsLine() == null) {
          ssh.addHostKeyVerifier(new PromiscuousVerifier());
        } else {
          ssh.addHostKeyVerifier(
              new OpenSSHKnownHosts(new StringReader(login.knownHostsLine() + "\n")));
        }
        ssh.connect(login.host(), login.port());
        if (login.key() != null) {
          ssh.authPublickey(login.user(), ssh.loadKeys(login.key().keyPair()));
        } else {
          ssh.authPassword(login.user(), login.password());
        }
        try (net.schmizz.sshj.connection.channel.direct.Session session = ssh.startSession()) {
          Command cmd = session.exec(command);
          String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          String err = new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          cmd.join(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          return new ExecResult(out, err, cmd.getExitStatus());
        }
      }
    }
  };

  /** Bounds every step; far above what loopback needs, so only a real hang trips it. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Logs in, runs {@code command}, and returns what came back. Throws what the library throws. */
  public abstract ExecResult exec(Login login, String command) throws Exception;

  private static String utf8(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
