package io.github.sshfaults.faults;

/**
 * The reasons SSH defines for {@code SSH_MSG_DISCONNECT} (RFC 4253 §11.1), for {@link
 * Fault#disconnect(DisconnectReason, String)}. {@link Fault#disconnectWithCode(int, String)} sends
 * a code outside this list, to see how a client copes with one it does not know.
 */
public enum DisconnectReason {

  /** 1, {@code SSH_DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT}. */
  HOST_NOT_ALLOWED_TO_CONNECT(1),

  /** 2, {@code SSH_DISCONNECT_PROTOCOL_ERROR}; OpenSSH sends it for too many auth failures. */
  PROTOCOL_ERROR(2),

  /** 3, {@code SSH_DISCONNECT_KEY_EXCHANGE_FAILED}. */
  KEY_EXCHANGE_FAILED(3),

  /** 4, {@code SSH_DISCONNECT_RESERVED}. */
  RESERVED(4),

  /** 5, {@code SSH_DISCONNECT_MAC_ERROR}. */
  MAC_ERROR(5),

  /** 6, {@code SSH_DISCONNECT_COMPRESSION_ERROR}. */
  COMPRESSION_ERROR(6),

  /** 7, {@code SSH_DISCONNECT_SERVICE_NOT_AVAILABLE}. */
  SERVICE_NOT_AVAILABLE(7),

  /** 8, {@code SSH_DISCONNECT_PROTOCOL_VERSION_NOT_SUPPORTED}. */
  PROTOCOL_VERSION_NOT_SUPPORTED(8),

  /** 9, {@code SSH_DISCONNECT_HOST_KEY_NOT_VERIFIABLE}. */
  HOST_KEY_NOT_VERIFIABLE(9),

  /** 10, {@code SSH_DISCONNECT_CONNECTION_LOST}. */
  CONNECTION_LOST(10),

  /** 11, {@code SSH_DISCONNECT_BY_APPLICATION}: a server shutting down, an administrator's kill. */
  BY_APPLICATION(11),

  /** 12, {@code SSH_DISCONNECT_TOO_MANY_CONNECTIONS}. */
  TOO_MANY_CONNECTIONS(12),

  /** 13, {@code SSH_DISCONNECT_AUTH_CANCELLED_BY_USER}. */
  AUTH_CANCELLED_BY_USER(13),

  /** 14, {@code SSH_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE}. */
  NO_MORE_AUTH_METHODS_AVAILABLE(14),

  /** 15, {@code SSH_DISCONNECT_ILLEGAL_USER_NAME}. */
  ILLEGAL_USER_NAME(15);

  private final int code;

  DisconnectReason(int code) {
    this.code = code;
  }

  /** The code sent on the wire, 1 to 15. */
  public int code() {
    return code;
  }

  /** The name RFC 4253 gives it: {@code SSH_DISCONNECT_BY_APPLICATION}. */
  public String rfcName() {
    return "SSH_DISCONNECT_" + name();
  }

  /**
   * The reason with {@code code}.
   *
   * @throws IllegalArgumentException when RFC 4253 defines no reason with that code
   */
  public static DisconnectReason of(int code) {
    if (code < 1 || code > values().length) {
      throw new IllegalArgumentException(
          "disconnect reason code (RFC 4253 §11.1) must be between 1 and 15, but was " + code);
    }
    return values()[code - 1];
  }

  /** {@code BY_APPLICATION (11)}. */
  @Override
  public String toString() {
    return name() + " (" + code + ")";
  }
}
