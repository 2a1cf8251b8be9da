package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.internal.Text;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.ServerFactoryManager;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * A fake host's SSH session: MINA's own, with three corrections that keep the journal and the log
 * truthful. A garbage identification is recorded as the host's rejection, not the client's close.
 * A packet length no implementation could mean, before keys are in force, ends the connection at
 * once with SSH_MSG_DISCONNECT PROTOCOL_ERROR as OpenSSH does ("Bad packet length"), where MINA
 * would wait for more bytes until its authentication timeout. And MINA's warnings about failures
 * a test expects (a client's reset, a fault the host fired, the host's own stop) go to DEBUG,
 * while the rest stay warnings, with what the client sent escaped.
 */
final class HostSession extends ServerSessionImpl {

  /** The largest packet length accepted: MINA's limit, and OpenSSH's 256 KiB. */
  private static final int MAX_PACKET_LENGTH =
      8 * SshConstants.SSH_REQUIRED_PAYLOAD_PACKET_LENGTH_SUPPORT;

  private final RecordingJournal journal;

  private HostSession(ServerFactoryManager server, IoSession ioSession, RecordingJournal journal)
      throws Exception {
    super(server, ioSession);
    this.journal = journal;
  }

  /** Creates each session of a server as a {@link HostSession}. */
  static final class Factory extends SessionFactory {
    private final RecordingJournal journal;

    Factory(SshServer server, RecordingJournal journal) {
      super(server);
      this.journal = journal;
    }

    @Override
    protected ServerSessionImpl doCreateSession(IoSession ioSession) throws Exception {
      return new HostSession(getServer(), ioSession, journal);
    }
  }

  @Override
  protected boolean readIdentification(Buffer buffer) throws Exception {
    unsupportedVersion(buffer)
        .ifPresent(
            line ->
                JournalHooks.identificationRejected(
                    this, "Unsupported protocol version: " + line));
    try {
      return super.readIdentification(buffer);
    } catch (Exception e) {
      JournalHooks.identificationRejected(this, e);
      throw e;
    }
  }

  /**
   * The client's identification line if it is complete and well formed but names no SSH version
   * this host speaks. MINA answers such a line and closes before its exception surfaces, so the
   * rejection has to be known before MINA reads the line.
   */
  private static Optional<String> unsupportedVersion(Buffer buffer) {
    byte[] data = buffer.array();
    int end = -1;
    for (int i = buffer.rpos(); i < buffer.wpos() && end < 0; i++) {
      if (data[i] == '\n') {
        end = i;
      } else if (data[i] == 0) {
        return Optional.empty(); // MINA's own, clearer rejection follows
      }
    }
    if (end < 0) {
      return Optional.empty();
    }
    String line =
        new String(data, buffer.rpos(), end - buffer.rpos(), StandardCharsets.UTF_8)
            .replaceFirst("\r$", "");
    boolean wellFormed =
        line.indexOf('\r') < 0 && line.length() < SessionContext.MAX_VERSION_LINE_LENGTH;
    return wellFormed && !SessionContext.isValidVersionPrefix(line)
        ? Optional.of(line)
        : Optional.empty();
  }

  @Override
  protected void decode() throws Exception {
    // Before NEWKEYS lengths travel in the clear: there is no padding oracle to hide by reading on
    // (MINA's CVE-2008-5161 mitigation, which it keeps for encrypted packets), only a client that
    // may never send the bytes MINA waits for.
    if (inCipher == null && decoderState == 0 && decoderBuffer.available() >= Integer.BYTES) {
      byte[] data = decoderBuffer.array();
      int at = decoderBuffer.rpos();
      long length =
          ((data[at] & 0xffL) << 24)
              | ((data[at + 1] & 0xffL) << 16)
              | ((data[at + 2] & 0xffL) << 8)
              | (data[at + 3] & 0xffL);
      if (length < SshConstants.SSH_PACKET_HEADER_LEN || length > MAX_PACKET_LENGTH) {
        throw new SshException(
            SshConstants.SSH2_DISCONNECT_PROTOCOL_ERROR, "Bad packet length " + length);
      }
    }
    super.decode();
    if (inCipher == null && discarding != null) {
      // A bad length after a good packet of the same read: MINA found it and would read on.
      throw discarding;
    }
  }

  @Override
  protected void warn(String message, Object arg1, Object arg2, Throwable err) {
    report(message, err, arg1, arg2);
  }

  @Override
  protected void warn(String message, Object arg1, Object arg2, Object arg3, Throwable err) {
    report(message, err, arg1, arg2, arg3);
  }

  @Override
  protected void warn(
      String message, Object arg1, Object arg2, Object arg3, Object arg4, Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4);
  }

  @Override
  protected void warn(
      String message,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4, arg5);
  }

  @Override
  protected void warn(
      String message,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  @Override
  protected void warn(
      String message,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7,
      Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  @Override
  protected void warn(
      String message,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7,
      Object arg8,
      Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4, arg5, arg6, arg7, arg8);
  }

  @Override
  protected void warn(
      String message,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7,
      Object arg8,
      Object arg9,
      Throwable err) {
    report(message, err, arg1, arg2, arg3, arg4, arg5, arg6, arg7, arg8, arg9);
  }

  /**
   * One of MINA's warnings about this session: at DEBUG when the test expects the failure, else a
   * warning whose arguments (the session names its user, messages quote the client) are escaped.
   * A failure caused by what the client sent is shown by its class and escaped message, its stack
   * trace at DEBUG; any other failure keeps its stack trace, for that may be a bug.
   */
  private void report(String message, Throwable err, Object... args) {
    boolean expected = expected(err);
    if (expected ? !log.isDebugEnabled() : !log.isWarnEnabled()) {
      return;
    }
    Object[] shown =
        Arrays.stream(args).map(arg -> Text.escape(String.valueOf(arg))).toArray(Object[]::new);
    String text = MessageFormatter.arrayFormat(message, shown).getMessage();
    if (expected) {
      log.debug(text, err);
    } else if (err instanceof IOException) {
      log.warn("{} ({})", text, Text.escape(err.toString()));
      log.debug("The failure behind that warning", err);
    } else {
      log.warn(text, err);
    }
  }

  /**
   * Whether the failure is part of what a test arranged or a client may do: the host stopping, a
   * fault the host fired, or the client's side failing (a reset, a broken pipe), which the journal
   * records as the client's doing.
   */
  private boolean expected(Throwable err) {
    if (journal.isHostClosing() || journal.faultClosing(this).isPresent()) {
      return true;
    }
    return err instanceof IOException
        && !(err instanceof SshException)
        && !(err instanceof StreamCorruptedException);
  }
}
