package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.internal.faults.FaultySftpFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;

/** Serves a fake host's files over SFTP. */
public final class SftpServer {

  private SftpServer() {}

  /**
   * Makes {@code server} serve the directory {@code root} (of any file system) as {@code /} over
   * SFTP to every user, with the engine's SFTP faults. {@code root} is asked for when a client
   * opens a file system, not before, so a host whose files nobody uses never creates them. The SFTP
   * subsystem gets a view of the file system that it cannot close: MINA SSHD closes the file system
   * of each SFTP channel that ends.
   */
  public static void install(SshServer server, Supplier<Path> root, FaultEngine engine) {
    server.setFileSystemFactory(
        new VirtualFileSystemFactory() {
          @Override
          public Path getDefaultHomeDir() {
            return root.get();
          }
        });
    server.setSubsystemFactories(List.of(new FaultySftpFactory(engine)));
  }
}
