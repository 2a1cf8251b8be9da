package io.github.sshfaults.docs.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worked example's task over Apache MINA SSHD's client: one client per call, closed by it. */
final class MinaUptime implements UptimeWorker {

  private static final Logger LOG = LoggerFactory.getLogger(MinaUptime.class);

  private final Path knownHosts;
  private final Duration connectTimeout;
  private final Duration execTimeout;

  /**
   * @param knownHosts the only host keys to trust
   * @param connectTimeout bounds each protocol step: TCP connect, handshake, login, channel open
   * @param execTimeout bounds the wait for the command to finish
   */
  MinaUptime(Path knownHosts, Duration connectTimeout, Duration execTimeout) {
    this.knownHosts = knownHosts;
    this.connectTimeout = connectTimeout;
    this.execTimeout = execTimeout;
  }

  // tag::worker[]
  @Override
  public int uptimeDays(Target target) throws Exception {
    LOG.info("Connecting to {}", target);
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
      client.start();
      try (ClientSession session =
          client
              .connect(target.user(), target.host(), target.port())
              .verify(connectTimeout)
              .getSession()) {
        session.addPasswordIdentity(target.password());
        session.auth().verify(connectTimeout);
        LOG.info("Logged in to {}", target);
        return UptimeWorker.parseDays(exec(session, "uptime"));
      }
    } finally {
      LOG.info("Finished with {}", target);
    }
  }

  private String exec(ClientSession session, String command) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setOut(stdout);
      channel.setErr(stderr);
      channel.open().verify(connectTimeout);
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), execTimeout);
      if (!events.contains(ClientChannelEvent.CLOSED)) {
        throw new TimeoutException("'" + command + "' did not finish within " + execTimeout);
      }
      Integer exitCode = channel.getExitStatus();
      if (exitCode == null) {
        throw new IOException("'" + command + "' ended without an exit code: connection lost");
      }
      if (exitCode != 0) {
        throw new CommandFailedException(command, exitCode, stderr.toString(UTF_8));
      }
      return stdout.toString(UTF_8);
    }
  }
  // end::worker[]
}
