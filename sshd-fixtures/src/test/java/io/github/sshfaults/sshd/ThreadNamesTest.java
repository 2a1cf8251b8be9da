package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every thread a fake host starts is named {@code sshfaults-...}, so that a thread dump or a leak
 * report says whose it is (1,000 idle hosts once held 1,000 unnamed {@code Thread-N} threads).
 */
class ThreadNamesTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  /** JSch's own thread, the client's: {@code Connect thread 127.0.0.1 session}. */
  private static final String JSCH_THREAD = "Connect thread ";

  @Test
  void hostsServingCommandsAndSftpStartOnlyThreadsNamedSshfaults() throws Exception {
    // The JVM's first host brings the JDK's own threads of the NIO2 channel groups, which the JDK
    // names Thread-N whatever our thread factories say (an EPoll thread, the group's timeout
    // thread): once per JVM, not per host. Past them, every new thread must be named by us.
    try (FakeSshHost first = FakeSshHost.start()) {
      serve(first, List::of);
    }
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

    try (FakeSshHost web = FakeSshHost.start();
        FakeSshHost db = FakeSshHost.start()) {
      serve(db, List::of);
      // While the session and its SFTP channel are open: the SFTP subsystem's thread lives with
      // its channel, so there is always a thread of the host's to look at.
      List<String> started =
          serve(
              web,
              () ->
                  Thread.getAllStackTraces().keySet().stream()
                      .filter(thread -> !before.contains(thread))
                      .map(Thread::getName)
                      .filter(name -> !name.startsWith(JSCH_THREAD))
                      .toList());

      assertThat(started)
          .anyMatch(name -> name.startsWith("sshfaults-" + web.port() + "-sftp-"))
          .allMatch(name -> name.startsWith("sshfaults-"));
    }
  }

  /** Logs in with JSch, runs a command, reads a file over SFTP, and calls {@code whileOpen}. */
  private static <T> T serve(FakeSshHost host, Supplier<T> whileOpen) throws Exception {
    host.user("alice", "secret").command("uptime").replies("up 3 days\n");
    host.files().write("/etc/hostname", "web-1\n");
    JSch jsch = new JSch();
    jsch.setKnownHosts(
        new ByteArrayInputStream(host.knownHostsLine().getBytes(StandardCharsets.UTF_8)));
    Session session = jsch.getSession("alice", host.host(), host.port());
    session.setConfig("StrictHostKeyChecking", "yes");
    session.setPassword("secret");
    try {
      session.connect(TIMEOUT_MILLIS);
      ChannelExec exec = (ChannelExec) session.openChannel("exec");
      exec.setCommand("uptime");
      InputStream stdout = exec.getInputStream();
      exec.connect(TIMEOUT_MILLIS);
      assertThat(new String(stdout.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("up 3 days\n");
      ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
      sftp.connect(TIMEOUT_MILLIS);
      try (InputStream hostname = sftp.get("/etc/hostname")) {
        assertThat(new String(hostname.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("web-1\n");
      }
      return whileOpen.get();
    } finally {
      session.disconnect();
    }
  }
}
