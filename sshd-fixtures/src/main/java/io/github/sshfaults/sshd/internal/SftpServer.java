package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.internal.faults.FaultySftpFactory;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a fake host's files over SFTP, with the engine's SFTP faults. The SFTP subsystem comes
 * from {@code org.apache.sshd:sshd-sftp}, which a host needs only when a client asks for SFTP: its
 * classes are loaded on the first SFTP request, and a host without them on the class path starts
 * and serves exec as usual, and refuses SFTP as a server with no SFTP subsystem does, saying why in
 * its log and journal.
 */
public final class SftpServer {

  private static final Logger LOG = LoggerFactory.getLogger(SftpServer.class);

  /** The name clients ask for. */
  static final String SUBSYSTEM = "sftp";

  /** How the journal names the request for it. */
  static final String REQUEST = "subsystem " + SUBSYSTEM;

  /** The class whose absence means that SFTP cannot be served. */
  static final String SFTP_SERVER_CLASS = "org.apache.sshd.sftp.server.SftpSubsystemFactory";

  /** What the log and the journal say when a client asks for SFTP and the module is missing. */
  public static final String MISSING =
      "SFTP is unavailable: org.apache.sshd:sshd-sftp is not on the class path (a dependency"
          + " exclusion or a narrower scope removed it); add org.apache.sshd:sshd-sftp, the version"
          + " of sshd-core, to serve the host's files over SFTP";

  private SftpServer() {}

  /**
   * Makes {@code server} serve the directory {@code root} (of any file system) as {@code /} over
   * SFTP to every user, with the engine's SFTP faults. {@code root} is asked for when a client
   * opens a file system, not before, so a host whose files nobody uses never creates them. The SFTP
   * subsystem gets a view of the file system that it cannot close: MINA SSHD closes the file system
   * of each SFTP channel that ends.
   *
   * @param quota the quota of the files, in bytes, which SFTP writes past it are told
   * @param host how the log names the host
   */
  public static void install(
      SshServer server,
      Supplier<Path> root,
      long quota,
      FaultEngine engine,
      RecordingJournal journal,
      Object host) {
    server.setFileSystemFactory(
        new VirtualFileSystemFactory() {
          @Override
          public Path getDefaultHomeDir() {
            return root.get();
          }
        });
    server.setSubsystemFactories(List.of(new LazySftp(engine, quota, journal, host)));
  }

  /** Whether {@code org.apache.sshd:sshd-sftp} is on the class path. */
  static boolean sftpAvailable() {
    return Availability.SFTP;
  }

  /** Looked up once, on the first SFTP request of the JVM. */
  private static final class Availability {
    static final boolean SFTP = isPresent(SFTP_SERVER_CLASS);

    private static boolean isPresent(String className) {
      try {
        Class.forName(className, false, SftpServer.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }

  /**
   * The subsystem factory of one host: creates the SFTP factory, and so loads its classes, on the
   * first SFTP request.
   */
  private static final class LazySftp implements SubsystemFactory {

    private final FaultEngine engine;
    private final long quota;
    private final RecordingJournal journal;
    private final Object host;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile SubsystemFactory sftp;

    LazySftp(FaultEngine engine, long quota, RecordingJournal journal, Object host) {
      this.engine = engine;
      this.quota = quota;
      this.journal = journal;
      this.host = host;
    }

    @Override
    public String getName() {
      return SUBSYSTEM;
    }

    /** Null when SFTP is unavailable: MINA SSHD then refuses the subsystem request. */
    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
      int connection = ConnectionIndex.of(channel.getSession());
      if (!sftpAvailable()) {
        journal.channelRequest(connection, channel.getChannelId(), REQUEST, MISSING);
        if (warned.compareAndSet(false, true)) {
          LOG.warn("A client asked {} for SFTP. {}", host, MISSING);
        }
        return null;
      }
      Command subsystem = factory().createSubsystem(channel);
      journal.channelRequest(connection, channel.getChannelId(), REQUEST, null);
      return subsystem;
    }

    private SubsystemFactory factory() {
      SubsystemFactory current = sftp;
      if (current == null) {
        synchronized (this) {
          current = sftp;
          if (current == null) {
            current = new FaultySftpFactory(engine, quota);
            sftp = current;
          }
        }
      }
      return current;
    }
  }
}
