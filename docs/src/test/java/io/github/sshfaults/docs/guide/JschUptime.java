package io.github.sshfaults.docs.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worked example's task over JSch: one session per call, disconnected by it. */
final class JschUptime implements UptimeWorker {

  private static final Logger LOG = LoggerFactory.getLogger(JschUptime.class);

  /** How often to look whether the channel has closed: JSch offers no way to wait for it. */
  private static final long POLL_MILLIS = 5;

  private final Path knownHosts;
  private final Duration connectTimeout;
  private final Duration execTimeout;

  /**
   * @param knownHosts the only host keys to trust
   * @param connectTimeout bounds each protocol step: TCP connect, handshake, login, channel open
   * @param execTimeout bounds the wait for the command to finish
   */
  JschUptime(Path knownHosts, Duration connectTimeout, Duration execTimeout) {
    this.knownHosts = knownHosts;
    this.connectTimeout = connectTimeout;
    this.execTimeout = execTimeout;
  }

  // tag::worker[]
  @Override
  public int uptimeDays(Target target) throws Exception {
    JSch jsch = new JSch();
    jsch.setKnownHosts(knownHosts.toString());
    Session session = jsch.getSession(target.user(), target.host(), target.port());
    session.setConfig("StrictHostKeyChecking", "yes");
    session.setPassword(target.password().getBytes(UTF_8));
    session.setTimeout(millis(connectTimeout));
    LOG.info("Connecting to {}", target);
    try {
      session.connect(millis(connectTimeout));
      LOG.info("Logged in to {}", target);
      return UptimeWorker.parseDays(exec(session, "uptime"));
    } finally {
      session.disconnect();   // stops JSch's reader thread; safe also when connect failed
      LOG.info("Finished with {}", target);
    }
  }

  private String exec(Session session, String command) throws Exception {
    ChannelExec channel = (ChannelExec) session.openChannel("exec");
    channel.setCommand(command);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    channel.setOutputStream(stdout);
    channel.setErrStream(stderr);
    channel.connect(millis(connectTimeout));
    long deadline = System.nanoTime() + execTimeout.toNanos();
    // JSch has no future or callback for "the command finished": watch the channel close.
    while (!channel.isClosed()) {
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("'" + command + "' did not finish within " + execTimeout);
      }
      Thread.sleep(POLL_MILLIS);
    }
    int exitCode = channel.getExitStatus();
    if (exitCode == -1) {
      throw new IOException("'" + command + "' ended without an exit code: connection lost");
    }
    if (exitCode != 0) {
      throw new CommandFailedException(command, exitCode, stderr.toString(UTF_8));
    }
    return stdout.toString(UTF_8);
  }
  // end::worker[]

  private static int millis(Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }
}
