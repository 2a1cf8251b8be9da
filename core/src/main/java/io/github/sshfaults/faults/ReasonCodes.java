package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.inRange;

/**
 * The reason codes SSH defines for {@code SSH_MSG_DISCONNECT} (RFC 4253 §11.1) and for {@code
 * SSH_MSG_CHANNEL_OPEN_FAILURE} (RFC 4254 §5.1), for {@link Fault#disconnect(int, String)} and
 * {@link Fault#rejectChannelOpen(int)}.
 */
public final class ReasonCodes {

  /** {@code SSH_DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT}. */
  public static final int DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT = 1;

  /**
   * {@code SSH_DISCONNECT_PROTOCOL_ERROR}; OpenSSH sends it for too many authentication failures.
   */
  public static final int DISCONNECT_PROTOCOL_ERROR = 2;

  /** {@code SSH_DISCONNECT_KEY_EXCHANGE_FAILED}. */
  public static final int DISCONNECT_KEY_EXCHANGE_FAILED = 3;

  /** {@code SSH_DISCONNECT_RESERVED}. */
  public static final int DISCONNECT_RESERVED = 4;

  /** {@code SSH_DISCONNECT_MAC_ERROR}. */
  public static final int DISCONNECT_MAC_ERROR = 5;

  /** {@code SSH_DISCONNECT_COMPRESSION_ERROR}. */
  public static final int DISCONNECT_COMPRESSION_ERROR = 6;

  /** {@code SSH_DISCONNECT_SERVICE_NOT_AVAILABLE}. */
  public static final int DISCONNECT_SERVICE_NOT_AVAILABLE = 7;

  /** {@code SSH_DISCONNECT_PROTOCOL_VERSION_NOT_SUPPORTED}. */
  public static final int DISCONNECT_PROTOCOL_VERSION_NOT_SUPPORTED = 8;

  /** {@code SSH_DISCONNECT_HOST_KEY_NOT_VERIFIABLE}. */
  public static final int DISCONNECT_HOST_KEY_NOT_VERIFIABLE = 9;

  /** {@code SSH_DISCONNECT_CONNECTION_LOST}. */
  public static final int DISCONNECT_CONNECTION_LOST = 10;

  /** {@code SSH_DISCONNECT_BY_APPLICATION}: a server shutting down or an administrator's kill. */
  public static final int DISCONNECT_BY_APPLICATION = 11;

  /** {@code SSH_DISCONNECT_TOO_MANY_CONNECTIONS}. */
  public static final int DISCONNECT_TOO_MANY_CONNECTIONS = 12;

  /** {@code SSH_DISCONNECT_AUTH_CANCELLED_BY_USER}. */
  public static final int DISCONNECT_AUTH_CANCELLED_BY_USER = 13;

  /** {@code SSH_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE}. */
  public static final int DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE = 14;

  /** {@code SSH_DISCONNECT_ILLEGAL_USER_NAME}. */
  public static final int DISCONNECT_ILLEGAL_USER_NAME = 15;

  /** {@code SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}; OpenSSH sends it beyond {@code MaxSessions}. */
  public static final int OPEN_ADMINISTRATIVELY_PROHIBITED = 1;

  /** {@code SSH_OPEN_CONNECT_FAILED}. */
  public static final int OPEN_CONNECT_FAILED = 2;

  /** {@code SSH_OPEN_UNKNOWN_CHANNEL_TYPE}. */
  public static final int OPEN_UNKNOWN_CHANNEL_TYPE = 3;

  /** {@code SSH_OPEN_RESOURCE_SHORTAGE}. */
  public static final int OPEN_RESOURCE_SHORTAGE = 4;

  private static final String[] DISCONNECT_NAMES = {
    "HOST_NOT_ALLOWED_TO_CONNECT",
    "PROTOCOL_ERROR",
    "KEY_EXCHANGE_FAILED",
    "RESERVED",
    "MAC_ERROR",
    "COMPRESSION_ERROR",
    "SERVICE_NOT_AVAILABLE",
    "PROTOCOL_VERSION_NOT_SUPPORTED",
    "HOST_KEY_NOT_VERIFIABLE",
    "CONNECTION_LOST",
    "BY_APPLICATION",
    "TOO_MANY_CONNECTIONS",
    "AUTH_CANCELLED_BY_USER",
    "NO_MORE_AUTH_METHODS_AVAILABLE",
    "ILLEGAL_USER_NAME"
  };

  private static final String[] OPEN_FAILURE_NAMES = {
    "ADMINISTRATIVELY_PROHIBITED", "CONNECT_FAILED", "UNKNOWN_CHANNEL_TYPE", "RESOURCE_SHORTAGE"
  };

  private ReasonCodes() {}

  /**
   * The name of a disconnect reason without its prefix: {@code BY_APPLICATION} for 11.
   *
   * @throws IllegalArgumentException when the code is not between 1 and 15
   */
  public static String disconnectReasonName(int code) {
    return DISCONNECT_NAMES[checkDisconnectReason(code) - 1];
  }

  /**
   * The name of a channel open failure reason without its prefix: {@code RESOURCE_SHORTAGE} for 4.
   *
   * @throws IllegalArgumentException when the code is not between 1 and 4
   */
  public static String openFailureReasonName(int code) {
    return OPEN_FAILURE_NAMES[checkOpenFailureReason(code) - 1];
  }

  static int checkDisconnectReason(int code) {
    return inRange(code, 1, DISCONNECT_NAMES.length, "disconnect reason code (RFC 4253 §11.1)");
  }

  static int checkOpenFailureReason(int code) {
    return inRange(
        code, 1, OPEN_FAILURE_NAMES.length, "channel open failure reason code (RFC 4254 §5.1)");
  }
}
