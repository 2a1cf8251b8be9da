package io.github.sshfaults.sshd.testclients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain TCP client that says what a fake host does at the socket level: which bytes it sends, how
 * soon, and how the connection ends (refused, FIN, RST, or nothing at all), without any SSH library
 * interpreting it.
 */
public final class RawProbe {

  /** How a probed connection ended. */
  public enum Ending {
    /** Nothing listened: the connection was refused. */
    REFUSED,
    /** The host closed its side: a FIN, read as end of stream. */
    FIN,
    /** The host reset the connection: an RST. */
    RESET,
    /** Nothing more arrived within the probe's patience; the connection was still open. */
    SILENT,
    /** The host sent something and the probe, asked only for a first sign, stopped listening. */
    SPOKE
  }

  /**
   * What the probe saw.
   *
   * @param received every byte received, decoded as ISO-8859-1 so that none is lost
   * @param ending how it ended
   * @param firstByteAfter how long after connecting the first byte arrived, or null if none did
   */
  public record Observation(String received, Ending ending, Duration firstByteAfter) {}

  /** The identification line the probe sends at once, as SSH clients do. */
  public static final String CLIENT_IDENTIFICATION = "SSH-2.0-sshfaults_probe\r\n";

  private RawProbe() {}

  /**
   * Connects, sends {@link #CLIENT_IDENTIFICATION}, and reads until the host closes, resets, or
   * stays silent for {@code patience}.
   */
  public static Observation probe(String host, int port, Duration patience) throws IOException {
    return probe(host, port, patience, false);
  }

  /**
   * Like {@link #probe(String, int, Duration)}, but stops as soon as the host has sent anything:
   * {@link Ending#SPOKE} with the first bytes received, or how the connection ended before.
   */
  public static Observation firstSign(String host, int port, Duration patience) throws IOException {
    return probe(host, port, patience, true);
  }

  /**
   * Like {@link #probe(String, int, Duration)}, but sends {@code sent} instead of {@link
   * #CLIENT_IDENTIFICATION}: garbage identifications, or malformed packets after a good one.
   */
  public static Observation send(String host, int port, byte[] sent, Duration patience)
      throws IOException {
    return probe(host, port, patience, false, sent);
  }

  private static Observation probe(String host, int port, Duration patience, boolean firstSign)
      throws IOException {
    return probe(
        host, port, patience, firstSign, CLIENT_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
  }

  private static Observation probe(
      String host, int port, Duration patience, boolean firstSign, byte[] sent)
      throws IOException {
    try (Socket socket = new Socket()) {
      // Before connect: the host counts its delays from the accept, which the kernel may complete
      // before this thread wakes up from connect on a loaded machine.
      long start = System.nanoTime();
      try {
        socket.connect(
            new InetSocketAddress(host, port), (int) SshClientLibrary.TIMEOUT.toMillis());
      } catch (ConnectException e) {
        return new Observation("", Ending.REFUSED, null);
      }
      socket.setSoTimeout((int) patience.toMillis());
      socket.getOutputStream().write(sent);
      socket.getOutputStream().flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      Duration firstByte = null;
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (true) {
        int count;
        try {
          count = in.read(buffer);
        } catch (SocketTimeoutException e) {
          return observation(received, Ending.SILENT, firstByte);
        } catch (SocketException e) {
          if (String.valueOf(e.getMessage()).contains("reset")) {
            return observation(received, Ending.RESET, firstByte);
          }
          throw e;
        }
        if (count < 0) {
          return observation(received, Ending.FIN, firstByte);
        }
        if (firstByte == null) {
          firstByte = Duration.ofNanos(System.nanoTime() - start);
        }
        received.write(buffer, 0, count);
        if (firstSign) {
          return observation(received, Ending.SPOKE, firstByte);
        }
      }
    }
  }

  private static Observation observation(
      ByteArrayOutputStream received, Ending ending, Duration firstByte) {
    return new Observation(received.toString(StandardCharsets.ISO_8859_1), ending, firstByte);
  }
}
