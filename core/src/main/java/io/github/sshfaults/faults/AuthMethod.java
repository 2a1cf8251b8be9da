package io.github.sshfaults.faults;

/** The SSH authentication methods a fake host offers (RFC 4252, RFC 4256). */
public enum AuthMethod {

  /** {@code password}. */
  PASSWORD("password"),

  /** {@code publickey}. */
  PUBLIC_KEY("publickey"),

  /** {@code keyboard-interactive}, answered with the user's password. */
  KEYBOARD_INTERACTIVE("keyboard-interactive");

  private final String protocolName;

  AuthMethod(String protocolName) {
    this.protocolName = protocolName;
  }

  /** The method's name on the wire, as in {@code SSH_MSG_USERAUTH_REQUEST}: {@code publickey}. */
  public String protocolName() {
    return protocolName;
  }

  /**
   * The method named {@code protocolName} on the wire.
   *
   * @throws IllegalArgumentException when no method has that name
   */
  public static AuthMethod of(String protocolName) {
    for (AuthMethod method : values()) {
      if (method.protocolName.equals(protocolName)) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "authentication method must be password, publickey or keyboard-interactive, but was "
            + (protocolName == null ? "null" : "\"" + protocolName + "\""));
  }
}
