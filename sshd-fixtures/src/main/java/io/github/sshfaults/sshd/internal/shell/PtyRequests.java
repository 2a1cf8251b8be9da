package io.github.sshfaults.sshd.internal.shell;

import io.github.sshfaults.sshd.journal.ChannelRequest;
import io.github.sshfaults.sshd.journal.Terminal;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.util.HashMap;
import java.util.Map;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * Notes the pseudo-terminal of each session channel: its {@code pty-req} and {@code window-change}
 * requests are read (and left for MINA SSHD to handle as usual), recorded in the journal, and kept
 * on the channel for its shell ({@link #terminal(Channel)}).
 */
final class PtyRequests implements ChannelListener, RequestHandler<Channel> {

  /** The channel's terminal, once the client asked for one. */
  private static final AttributeKey<Terminal> TERMINAL = new AttributeKey<>();

  private static final String PTY_REQ = "pty-req";
  private static final String WINDOW_CHANGE = "window-change";

  private final RecordingJournal journal;

  PtyRequests(RecordingJournal journal) {
    this.journal = journal;
  }

  /** The terminal the client asked for on {@code channel}, or null when it asked for none. */
  static Terminal terminal(Channel channel) {
    return channel.getAttribute(TERMINAL);
  }

  @Override
  public void channelInitialized(Channel channel) {
    if (channel instanceof ChannelSession) {
      channel.addRequestHandler(this);
    }
  }

  @Override
  public Result process(Channel channel, String request, boolean wantReply, Buffer buffer) {
    if (!PTY_REQ.equals(request) && !WINDOW_CHANGE.equals(request)) {
      return Result.Unsupported;
    }
    int start = buffer.rpos();
    try {
      Terminal terminal = PTY_REQ.equals(request) ? ptyReq(buffer) : windowChange(channel, buffer);
      channel.setAttribute(TERMINAL, terminal);
      journal.record(
          channel.getSession(),
          (s, t, c) ->
              new ChannelRequest(s, t, c, channel.getChannelId(), request, terminal, true, null));
    } finally {
      // MINA SSHD reads the request again and answers it.
      buffer.rpos(start);
    }
    return Result.Unsupported;
  }

  // RFC 4254 6.2: TERM, width and height in characters, then in pixels, then the encoded modes.
  private static Terminal ptyReq(Buffer buffer) {
    String type = buffer.getString();
    int columns = buffer.getInt();
    int rows = buffer.getInt();
    buffer.getInt();
    buffer.getInt();
    byte[] encoded = buffer.getBytes();
    Map<String, Integer> modes = new HashMap<>();
    // RFC 4254 8: opcode and uint32 value pairs up to TTY_OP_END; opcodes 160 and above stop it.
    for (int i = 0; i + 4 < encoded.length; i += 5) {
      int opcode = encoded[i] & 0xff;
      if (opcode == PtyMode.TTY_OP_END || opcode >= 160) {
        break;
      }
      int value =
          ((encoded[i + 1] & 0xff) << 24)
              | ((encoded[i + 2] & 0xff) << 16)
              | ((encoded[i + 3] & 0xff) << 8)
              | (encoded[i + 4] & 0xff);
      PtyMode mode = PtyMode.fromInt(opcode);
      modes.put(mode == null ? "opcode " + opcode : mode.name(), value);
    }
    return new Terminal(type, columns, rows, modes);
  }

  // RFC 4254 6.7: the new width and height, in characters, then in pixels.
  private static Terminal windowChange(Channel channel, Buffer buffer) {
    int columns = buffer.getInt();
    int rows = buffer.getInt();
    Terminal before = terminal(channel);
    return new Terminal(
        before == null ? null : before.type(),
        columns,
        rows,
        before == null ? Map.of() : before.modes());
  }
}
