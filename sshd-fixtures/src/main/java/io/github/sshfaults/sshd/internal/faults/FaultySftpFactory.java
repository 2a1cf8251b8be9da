package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.internal.NamedThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.UnsupportedAttributePolicy;

/**
 * The SFTP subsystem factory of a fake host: each SFTP channel gets a {@link FaultySftp}, which
 * handles its requests on a thread named after the host's port, {@code sshfaults-2222-sftp-1}.
 */
public final class FaultySftpFactory extends SftpSubsystemFactory {

  private final FaultEngine engine;
  private final long quota;

  /**
   * A factory whose subsystems apply {@code engine}'s faults at the SFTP stage, and tell writes
   * past the files' {@code quota} (in bytes) that it is exceeded.
   */
  public FaultySftpFactory(FaultEngine engine, long quota) {
    this.engine = engine;
    this.quota = quota;
  }

  @Override
  public Command createSubsystem(ChannelSession channel) throws IOException {
    FaultySftp subsystem = new FaultySftp(channel, configurator(channel), engine, quota);
    getRegisteredListeners().forEach(subsystem::addSftpEventListener);
    return subsystem;
  }

  // This factory's settings, with an executor of its own for each channel: the subsystem shuts
  // its executor down when the channel ends.
  private SftpSubsystemConfigurator configurator(ChannelSession channel) {
    SocketAddress local = channel.getSession().getIoSession().getLocalAddress();
    String name =
        "sshfaults-"
            + (local instanceof InetSocketAddress inet ? String.valueOf(inet.getPort()) : "host")
            + "-sftp";
    SftpSubsystemFactory settings = this;
    return new SftpSubsystemConfigurator() {
      @Override
      public CloseableExecutorService getExecutorService() {
        // MINA SSHD's ThreadUtils.newSingleThreadExecutor, but named as every thread of ours
        // (its factory would make it sshd-sshfaults-2222-sftp-thread-1).
        return new SshThreadPoolExecutor(
            1,
            1,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreadFactory(name),
            new ThreadPoolExecutor.CallerRunsPolicy());
      }

      @Override
      public SftpFileSystemAccessor getFileSystemAccessor() {
        return settings.getFileSystemAccessor();
      }

      @Override
      public UnsupportedAttributePolicy getUnsupportedAttributePolicy() {
        return settings.getUnsupportedAttributePolicy();
      }

      @Override
      public SftpErrorStatusDataHandler getErrorStatusDataHandler() {
        return settings.getErrorStatusDataHandler();
      }

      @Override
      public ChannelDataReceiver getErrorChannelDataReceiver() {
        return settings.getErrorChannelDataReceiver();
      }
    };
  }
}
