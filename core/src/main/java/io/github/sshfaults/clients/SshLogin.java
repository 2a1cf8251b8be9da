package io.github.sshfaults.clients;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.clients.internal.KnownHostsLine;
import io.github.sshfaults.internal.CheckReturnValue;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link SshClientAdapter} logs in: a user with a password or a key pair, and the host keys
 * it trusts. Immutable; {@link #withKnownHostsLine(String)} returns a copy.
 *
 * <pre>{@code
 * SshLogin login = SshLogin.password("alice", "secret").withKnownHostsLine(host.knownHostsLine());
 * }</pre>
 *
 * <p>Without a {@code known_hosts} line the adapters accept any host key, which suits fake hosts on
 * loopback; with one or more, they verify the server's key against those lines and fail with
 * {@link io.github.sshfaults.concurrent.FailureKind#HOST_KEY} on a mismatch, as a careful client
 * would.
 */
@CheckReturnValue
public final class SshLogin {

  private final String user;
  private final String password;
  private final KeyPair keyPair;
  private final List<String> knownHostsLines;

  private SshLogin(String user, String password, KeyPair keyPair, List<String> knownHostsLines) {
    this.user = user;
    this.password = password;
    this.keyPair = keyPair;
    this.knownHostsLines = List.copyOf(knownHostsLines);
  }

  /**
   * Logs in as {@code user} with {@code password}.
   *
   * @throws IllegalArgumentException when the user is blank or the password empty
   */
  public static SshLogin password(String user, String password) {
    notBlank(user, "user");
    return new SshLogin(user, notEmpty(password, "password of " + quote(user)), null, List.of());
  }

  /**
   * Logs in as {@code user} with the private half of {@code keyPair} (RSA, EC or whatever else the
   * client library supports).
   *
   * @throws IllegalArgumentException when the user is blank or the key pair is incomplete
   */
  public static SshLogin key(String user, KeyPair keyPair) {
    notBlank(user, "user");
    notNull(keyPair, "key pair of " + quote(user));
    check(
        keyPair.getPrivate() != null && keyPair.getPublic() != null,
        "key pair of " + quote(user) + " must have both a private and a public key");
    return new SshLogin(user, null, keyPair, List.of());
  }

  /**
   * A copy that trusts the host key in {@code knownHostsLine} ({@code [host]:port type base64}, as
   * {@code FakeSshHost.knownHostsLine()} gives it) and rejects any host key not trusted. Calls add
   * up: each trusted line is accepted.
   *
   * <p>The line is checked at once, as OpenSSH reads {@code known_hosts}: an optional marker,
   * {@code @cert-authority} or {@code @revoked}; host patterns ({@code host}, {@code [host]:port},
   * a comma-separated list of them, or one hashed {@code |1|salt|hash} entry); a key type; and
   * base64 that decodes to an SSH public key of that type; then an optional comment.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it, when it is not a
   *     {@code known_hosts} entry (rather than failing later as a host key mismatch)
   */
  public SshLogin withKnownHostsLine(String knownHostsLine) {
    String line = KnownHostsLine.check(knownHostsLine);
    List<String> lines = new ArrayList<>(knownHostsLines);
    lines.add(line);
    return new SshLogin(user, password, keyPair, lines);
  }

  /** The user name. */
  public String user() {
    return user;
  }

  /** The password, for password logins. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The key pair, for public-key logins. */
  public Optional<KeyPair> keyPair() {
    return Optional.ofNullable(keyPair);
  }

  /** The trusted {@code known_hosts} lines; empty when any host key is accepted. */
  public List<String> knownHostsLines() {
    return knownHostsLines;
  }

  /** Never shows the password or the private key. */
  @Override
  public String toString() {
    return "SshLogin["
        + user
        + (password != null ? ", password" : ", key " + keyPair.getPublic().getAlgorithm())
        + (knownHostsLines.isEmpty()
            ? ", any host key"
            : ", " + knownHostsLines.size() + " trusted")
        + "]";
  }
}
