package io.github.sshfaults.faults;

/**
 * Where in the life of a connection a fault strikes. Stages are listed in the order a connection
 * reaches them; {@link #TRANSPORT} is the exception: it is the connection's whole byte stream.
 *
 * <p>Each stage is an <em>occasion</em> for the faults placed there: once per connection for the
 * connection stages ({@link #CONNECT}, {@link #BANNER}, {@link #KEX}, {@link #AFTER_AUTH}, {@link
 * #TRANSPORT}), once per authentication request at {@link #AUTH}, once per channel at {@link
 * #CHANNEL_OPEN}, once per command at {@link #EXEC} and {@link #OUTPUT} (at {@link #OUTPUT} only
 * for commands that write at least the fault's byte count), once per SFTP request at {@link #SFTP}
 * (with {@link Fault#afterBytes(long)}: once per file read or written past that many bytes). {@link
 * Fault#requireAuthMethods} is the exception at {@link #AUTH}: it is decided once per connection.
 * Triggers such as {@link Trigger#firstAttempts(int)} count these occasions.
 */
public enum Stage {

  /** The TCP connection was accepted and the host has not sent a byte yet. */
  CONNECT,

  /** The host sends its identification line ({@code SSH-2.0-...}). */
  BANNER,

  /** Client and host exchange identification lines and keys, before any authentication. */
  KEX,

  /** The host answers an authentication request (password, public key, keyboard-interactive). */
  AUTH,

  /** Right after the host has told the client it is authenticated. */
  AFTER_AUTH,

  /** The client asks to open a channel (a session for exec, for instance). */
  CHANNEL_OPEN,

  /** The client asked to run a command; nothing of the command's output has been sent yet. */
  EXEC,

  /**
   * A command has written a number of bytes of its standard output, set with {@link
   * Fault#afterBytes(long)}; 0 unless set.
   */
  OUTPUT,

  /**
   * The client sent an SFTP request (open, read, write, list, ...) and the host has not answered it
   * yet. With {@link Fault#afterBytes(long)}, the transfer of one open file has gone past that many
   * bytes, read or written.
   */
  SFTP,

  /**
   * A {@linkplain io.github.sshfaults.faults.Fault scripted shell} is about to write its prompt: the
   * first one, or the one after a line typed ({@link Fault#forCommand(String)} and its kin match the
   * line). With {@link Fault#afterBytes(long)}, the answer to one line has gone past that many
   * bytes.
   */
  SHELL,

  /**
   * A client asks to open a tunnel ({@code direct-tcpip}) that the host allows: the fault refuses
   * it ({@link Fault#rejectChannelOpen(ChannelOpenFailure)}, recorded as a refused {@code
   * Forwarding} in the journal), makes it late ({@link Fault#delay(Delay)}), slows its bytes ({@link
   * Fault#throttle(long, int)}) in a {@link Direction}, or ends the connection. With {@link
   * Fault#afterBytes(long)}, the tunnel has carried that many bytes in the fault's direction ({@link
   * Direction#FROM_CLIENT}: from the client to the destination; {@link Direction#TO_CLIENT}: back).
   * Once per tunnel; {@link Fault#forUser(String)} matches the user who asks.
   */
  FORWARDING,

  /**
   * The connection's byte stream, from accept to close: latency per write, bandwidth, cut after a
   * number of bytes ({@link Fault#afterBytes(long)}) in a {@link Direction}.
   */
  TRANSPORT
}
