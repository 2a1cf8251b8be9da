package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;

/**
 * Acknowledges what the client sent at once instead of up to 40 ms later (Linux's TCP_QUICKACK).
 * A client that leaves Nagle's algorithm on, as MINA SSHD's and sshj's do by default, holds its
 * next small packet until the previous one is acknowledged; with the server's delayed
 * acknowledgements each SSH round trip then stalls, and a login and a command took 50-90 ms instead
 * of 8-11. The kernel clears the option as soon as it falls back to delayed acknowledgements, so
 * it is set again after every read. Where the JDK or the system lacks it, nothing changes.
 */
final class QuickAck {

  private static final SocketOption<Boolean> OPTION = option();

  private QuickAck() {}

  /** Asks for immediate acknowledgements on {@code channel}, if the system has them. */
  static void request(NetworkChannel channel) {
    if (OPTION == null) {
      return;
    }
    try {
      channel.setOption(OPTION, true);
    } catch (IOException | UnsupportedOperationException e) {
      // Closed meanwhile, or refused by this socket: the acknowledgements stay as they were.
    }
  }

  private static SocketOption<Boolean> option() {
    try {
      SocketOption<Boolean> quickAck = ExtendedSocketOptions.TCP_QUICKACK;
      try (SocketChannel probe = SocketChannel.open()) {
        return probe.supportedOptions().contains(quickAck) ? quickAck : null;
      }
    } catch (IOException | LinkageError e) {
      return null; // no jdk.net module, or no socket to ask
    }
  }
}
