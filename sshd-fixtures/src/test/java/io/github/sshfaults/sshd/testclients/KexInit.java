package io.github.sshfaults.sshd.testclients;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The algorithms a server offers, read off the wire: its SSH_MSG_KEXINIT, which it sends in the
 * clear right after the identification lines (RFC 4253 §7.1).
 *
 * @param kex key exchange algorithms
 * @param hostKey host key (signature) algorithms
 * @param ciphers ciphers, client to server
 * @param macs MACs, client to server
 * @param compressions compressions, client to server
 */
public record KexInit(
    List<String> kex,
    List<String> hostKey,
    List<String> ciphers,
    List<String> macs,
    List<String> compressions) {

  private static final int SSH_MSG_KEXINIT = 20;

  /** Connects to {@code port} on loopback, reads the server's KEXINIT, and hangs up. */
  public static KexInit of(int port, Duration timeout) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket
          .getOutputStream()
          .write(RawProbe.CLIENT_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      skipIdentification(in);
      int length = in.readInt();
      int padding = in.readUnsignedByte();
      byte[] payload = new byte[length - padding - 1];
      in.readFully(payload);
      if (payload[0] != SSH_MSG_KEXINIT) {
        throw new IOException("expected SSH_MSG_KEXINIT, got message " + payload[0]);
      }
      DataInputStream fields =
          new DataInputStream(new ByteArrayInputStream(payload, 17, payload.length - 17));
      List<List<String>> lists = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        byte[] text = new byte[fields.readInt()];
        fields.readFully(text);
        String joined = new String(text, StandardCharsets.US_ASCII);
        lists.add(joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",")));
      }
      return new KexInit(lists.get(0), lists.get(1), lists.get(2), lists.get(4), lists.get(6));
    }
  }

  // The server's identification line, and any lines before it, end with LF.
  private static void skipIdentification(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed before its identification line");
      }
      if (b == '\n') {
        if (line.toString(StandardCharsets.US_ASCII).startsWith("SSH-")) {
          return;
        }
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}
