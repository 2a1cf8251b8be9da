package io.github.sshfaults.sshd.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Vector;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.apache.sshd.sftp.client.SftpClient;

/**
 * The SFTP clients of the three libraries, each driven the way its users drive it, behind one small
 * interface. Each session logs in with a password; {@link Session#close()} closes everything.
 */
enum SftpClients {
  MINA {
    @Override
    Session open(FakeSshHost host, String user, String password, Duration timeout)
        throws Exception {
      // Through the adapter, as sshfaults users drive MINA: its SFTP client tells a request cut
      // by the connection's end from one the server never answered (MINA says "Timeout" to both).
      MinaClientAdapter client = MinaClientAdapter.factory(timeout).create();
      try {
        SftpClient sftp = client.sftp(host, SshLogin.password(user, password));
        return new Session() {
          @Override
          public void upload(String path, byte[] content) throws IOException {
            try (OutputStream out = sftp.write(path)) {
              out.write(content);
            }
          }

          @Override
          public byte[] download(String path) throws IOException {
            try (InputStream in = sftp.read(path)) {
              return in.readAllBytes();
            }
          }

          @Override
          public List<String> list(String dir) throws IOException {
            List<String> names = new ArrayList<>();
            sftp.readDir(dir).forEach(entry -> names.add(entry.getFilename()));
            names.removeAll(List.of(".", ".."));
            return names;
          }

          @Override
          public void mkdir(String dir) throws IOException {
            sftp.mkdir(dir);
          }

          @Override
          public void remove(String path) throws IOException {
            sftp.remove(path);
          }

          @Override
          public void rename(String from, String to) throws IOException {
            sftp.rename(from, to);
          }

          @Override
          public void symlink(String link, String target) throws IOException {
            sftp.symLink(link, target);
          }

          @Override
          public void hardlink(String link, String target) throws IOException {
            sftp.link(link, target, false); // SSH_FXP_LINK: MINA SSHD speaks SFTP 6 to itself
          }

          @Override
          public void close() throws IOException {
            try {
              sftp.close();
            } finally {
              client.close();
            }
          }
        };
      } catch (IOException | RuntimeException e) {
        client.close();
        throw e;
      }
    }
  },

  JSCH {
    @Override
    Session open(FakeSshHost host, String user, String password, Duration timeout)
        throws Exception {
      com.jcraft.jsch.Session session = new JSch().getSession(user, host.host(), host.port());
      session.setConfig("StrictHostKeyChecking", "no");
      session.setPassword(password);
      session.setTimeout((int) timeout.toMillis());
      session.connect((int) timeout.toMillis());
      try {
        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect((int) timeout.toMillis());
        return new Session() {
          @Override
          public void upload(String path, byte[] content) throws Exception {
            sftp.put(new ByteArrayInputStream(content), path);
          }

          @Override
          public byte[] download(String path) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sftp.get(path, out);
            return out.toByteArray();
          }

          @Override
          public List<String> list(String dir) throws Exception {
            List<String> names = new ArrayList<>();
            Vector<ChannelSftp.LsEntry> entries = sftp.ls(dir);
            for (ChannelSftp.LsEntry entry : entries) {
              if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                names.add(entry.getFilename());
              }
            }
            return names;
          }

          @Override
          public void mkdir(String dir) throws Exception {
            sftp.mkdir(dir);
          }

          @Override
          public void remove(String path) throws Exception {
            sftp.rm(path);
          }

          @Override
          public void rename(String from, String to) throws Exception {
            sftp.rename(from, to);
          }

          @Override
          public void symlink(String link, String target) throws Exception {
            sftp.symlink(target, link);
          }

          @Override
          public void hardlink(String link, String target) throws Exception {
            sftp.hardlink(target, link); // hardlink@openssh.com
          }

          @Override
          public void close() {
            sftp.disconnect();
            session.disconnect();
          }
        };
      } catch (Exception e) {
        session.disconnect();
        throw e;
      }
    }
  },

  SSHJ {
    @Override
    Session open(FakeSshHost host, String user, String password, Duration timeout)
        throws IOException {
      SSHClient ssh = new SSHClient();
      int millis = (int) timeout.toMillis();
      ssh.setConnectTimeout(millis);
      ssh.setTimeout(millis);
      ssh.getTransport().setTimeoutMs(millis);
      ssh.getConnection().setTimeoutMs(millis);
      ssh.addHostKeyVerifier(new PromiscuousVerifier());
      try {
        ssh.connect(host.host(), host.port());
        ssh.authPassword(user, password);
        SFTPClient sftp = ssh.newSFTPClient();
        sftp.getSFTPEngine().setTimeoutMs(millis);
        return new Session() {
          @Override
          public void upload(String path, byte[] content) throws IOException {
            try (RemoteFile file =
                    sftp.open(path, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
                OutputStream out = file.new RemoteFileOutputStream(0, 16)) {
              // As sshj's own put does: a single write request must stay below the server's
              // limit (256 KiB for MINA SSHD).
              for (int offset = 0; offset < content.length; offset += 32_768) {
                out.write(content, offset, Math.min(32_768, content.length - offset));
              }
            }
          }

          @Override
          public byte[] download(String path) throws IOException {
            try (RemoteFile file = sftp.open(path);
                InputStream in = file.new ReadAheadRemoteFileInputStream(16)) {
              return in.readAllBytes();
            }
          }

          @Override
          public List<String> list(String dir) throws IOException {
            return sftp.ls(dir).stream().map(RemoteResourceInfo::getName).toList();
          }

          @Override
          public void mkdir(String dir) throws IOException {
            sftp.mkdir(dir);
          }

          @Override
          public void remove(String path) throws IOException {
            sftp.rm(path);
          }

          @Override
          public void rename(String from, String to) throws IOException {
            sftp.rename(from, to);
          }

          @Override
          public void symlink(String link, String target) throws IOException {
            // sshj sends its arguments in the order of the SFTP draft, which OpenSSH's server (and
            // MINA SSHD's, for compatibility) reads the other way round: its users swap them
            // (sshj issue #144).
            sftp.symlink(target, link);
          }

          @Override
          public void hardlink(String link, String target) {
            throw new UnsupportedOperationException("sshj 0.40 cannot create hard links");
          }

          @Override
          public void close() throws IOException {
            try {
              sftp.close();
            } catch (net.schmizz.sshj.transport.TransportException e) {
              // After the host dropped the connection, sshj's channel close is written to a dead
              // server, whose kernel answers with an RST: nothing is left to close.
            } finally {
              ssh.close();
            }
          }
        };
      } catch (IOException | RuntimeException e) {
        ssh.close();
        throw e;
      }
    }
  };

  /** Bounds every step; far above what loopback needs, so only a real hang trips it. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Logs in to {@code host} and opens an SFTP session, every step bounded by {@code timeout}. */
  abstract Session open(FakeSshHost host, String user, String password, Duration timeout)
      throws Exception;

  /** {@link #open(FakeSshHost, String, String, Duration)} with {@link #TIMEOUT}. */
  Session open(FakeSshHost host, String user, String password) throws Exception {
    return open(host, user, password, TIMEOUT);
  }

  /** One client's SFTP session. */
  interface Session extends AutoCloseable {
    void upload(String path, byte[] content) throws Exception;

    byte[] download(String path) throws Exception;

    List<String> list(String dir) throws Exception;

    void mkdir(String dir) throws Exception;

    void remove(String path) throws Exception;

    void rename(String from, String to) throws Exception;

    /** Creates a symbolic link at {@code link} leading to {@code target}. */
    void symlink(String link, String target) throws Exception;

    /** Creates a hard link at {@code link} to the existing file {@code target}. */
    void hardlink(String link, String target) throws Exception;
  }
}
