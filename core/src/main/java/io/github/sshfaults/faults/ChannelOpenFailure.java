package io.github.sshfaults.faults;

/**
 * The reasons SSH defines for {@code SSH_MSG_CHANNEL_OPEN_FAILURE} (RFC 4254 §5.1), for {@link
 * Fault#rejectChannelOpen(ChannelOpenFailure)}. {@link Fault#rejectChannelOpenWithCode(int)} sends
 * a code outside this list.
 */
public enum ChannelOpenFailure {

  /**
   * 1, {@code SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}; OpenSSH sends it beyond {@code MaxSessions}.
   */
  ADMINISTRATIVELY_PROHIBITED(1),

  /** 2, {@code SSH_OPEN_CONNECT_FAILED}. */
  CONNECT_FAILED(2),

  /** 3, {@code SSH_OPEN_UNKNOWN_CHANNEL_TYPE}. */
  UNKNOWN_CHANNEL_TYPE(3),

  /** 4, {@code SSH_OPEN_RESOURCE_SHORTAGE}. */
  RESOURCE_SHORTAGE(4);

  private final int code;

  ChannelOpenFailure(int code) {
    this.code = code;
  }

  /** The code sent on the wire, 1 to 4. */
  public int code() {
    return code;
  }

  /** The name RFC 4254 gives it: {@code SSH_OPEN_RESOURCE_SHORTAGE}. */
  public String rfcName() {
    return "SSH_OPEN_" + name();
  }

  /**
   * The reason with {@code code}.
   *
   * @throws IllegalArgumentException when RFC 4254 defines no reason with that code
   */
  public static ChannelOpenFailure of(int code) {
    if (code < 1 || code > values().length) {
      throw new IllegalArgumentException(
          "channel open failure reason code (RFC 4254 §5.1) must be between 1 and 4, but was "
              + code);
    }
    return values()[code - 1];
  }

  /** {@code RESOURCE_SHORTAGE (4)}. */
  @Override
  public String toString() {
    return name() + " (" + code + ")";
  }
}
