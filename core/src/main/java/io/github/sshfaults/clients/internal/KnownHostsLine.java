package io.github.sshfaults.clients.internal;

import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.quote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one line of an OpenSSH {@code known_hosts} file, as {@code sshd(8)} describes them, so
 * that a malformed line fails where it is given rather than later as a host key mismatch:
 *
 * <pre>
 * [@cert-authority|@revoked] host-patterns key-type base64-key [comment]
 * </pre>
 *
 * <p>Host patterns are a comma-separated list of {@code host} and {@code [host]:port} (hosts may
 * hold the wildcards {@code *} and {@code ?}, and a pattern may be negated with {@code !}), or a
 * single hashed entry {@code |1|base64-salt|base64-hash}. The key must be base64 of an SSH public
 * key blob whose type name, its first field, is the line's key type.
 */
public final class KnownHostsLine {

  private static final String FORM =
      "A known_hosts line reads \"[@cert-authority|@revoked] hosts key-type base64-key"
          + " [comment]\", hosts being host, [host]:port, a comma-separated list of them, or one"
          + " hashed |1|salt|hash entry, as FakeSshHost.knownHostsLine() gives it";

  private static final Pattern HOST = Pattern.compile("!?[A-Za-z0-9._*?:%-]+");
  private static final Pattern HOST_AND_PORT = Pattern.compile("!?\\[([^\\]]*)]:([0-9]{1,5})");
  private static final Pattern HASHED = Pattern.compile("\\|1\\|([^|]*)\\|([^|]*)");
  private static final Pattern KEY_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._+-]*");
  private static final int SHA1_LENGTH = 20;

  private KnownHostsLine() {}

  /**
   * Returns {@code line} without surrounding blanks when it is a valid {@code known_hosts} entry.
   *
   * @throws IllegalArgumentException naming the line (quoted, control characters visible), what is
   *     wrong with it, and what a line reads
   */
  public static String check(String line) {
    notBlank(line, "known_hosts line");
    String stripped = line.strip();
    String problem = problem(stripped);
    if (problem != null) {
      throw new IllegalArgumentException(
          "known_hosts line " + quote(line) + " is not valid: " + problem + ". " + FORM);
    }
    return stripped;
  }

  /** What is wrong with {@code line}, or null when nothing is. */
  private static String problem(String line) {
    if (line.startsWith("#")) {
      return "it is a comment";
    }
    String[] fields = line.split("\\s+");
    int at = 0;
    if (fields[0].startsWith("@")) {
      if (!fields[0].equals("@cert-authority") && !fields[0].equals("@revoked")) {
        return "marker " + quote(fields[0]) + " is neither @cert-authority nor @revoked";
      }
      at = 1;
    }
    if (fields.length - at < 3) {
      return "it has "
          + (fields.length - at)
          + (fields.length - at == 1 ? " field" : " fields")
          + (at == 1 ? " after its marker" : "")
          + ", and needs hosts, a key type and a key";
    }
    String hosts = hostsProblem(fields[at]);
    if (hosts != null) {
      return hosts;
    }
    String type = fields[at + 1];
    if (!KEY_TYPE.matcher(type).matches()) {
      return "key type " + quote(type) + " is not a key type name (such as ssh-ed25519)";
    }
    return keyProblem(type, fields[at + 2]);
  }

  private static String hostsProblem(String hosts) {
    if (hosts.startsWith("|")) {
      Matcher hashed = HASHED.matcher(hosts);
      if (!hashed.matches()
          || decodedLength(hashed.group(1)) != SHA1_LENGTH
          || decodedLength(hashed.group(2)) != SHA1_LENGTH) {
        return "hashed host "
            + quote(hosts)
            + " is not |1|salt|hash with a salt and a hash of 20 bytes each in base64"
            + " (a hashed entry stands alone, never in a list)";
      }
      return null;
    }
    for (String pattern : hosts.split(",", -1)) {
      if (pattern.isEmpty()) {
        return "host list " + quote(hosts) + " has an empty entry";
      }
      Matcher withPort = HOST_AND_PORT.matcher(pattern);
      if (withPort.matches()) {
        if (!HOST.matcher(withPort.group(1)).matches() || withPort.group(1).startsWith("!")) {
          return "host " + quote(withPort.group(1)) + " in " + quote(pattern) + " is not a host";
        }
        int port = Integer.parseInt(withPort.group(2));
        if (port < 1 || port > 65535) {
          return "port " + port + " of " + quote(pattern) + " is not between 1 and 65535";
        }
      } else if (pattern.startsWith("[") || pattern.startsWith("![")) {
        return "host " + quote(pattern) + " is not [host]:port";
      } else if (!HOST.matcher(pattern).matches()) {
        return "host " + quote(pattern) + " has characters no host name or pattern has";
      }
    }
    return null;
  }

  private static String keyProblem(String type, String key) {
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      return "key " + quote(abbreviate(key)) + " is not base64";
    }
    String named = typeName(blob);
    if (named == null) {
      return "key "
          + quote(abbreviate(key))
          + " does not decode to an SSH public key (the length and name of its type, then its"
          + " parameters)";
    }
    if (!named.equals(type)) {
      return "the key is a " + quote(named) + " key, but the line says " + quote(type);
    }
    return null;
  }

  /** The type name at the start of an SSH public key blob, or null when there is none. */
  private static String typeName(byte[] blob) {
    if (blob.length < 4) {
      return null;
    }
    int length = ByteBuffer.wrap(blob).getInt();
    if (length < 1 || length > blob.length - 4 || length == blob.length - 4) {
      return null; // a key has parameters after its type name
    }
    String name = new String(blob, 4, length, StandardCharsets.US_ASCII);
    return KEY_TYPE.matcher(name).matches() ? name : null;
  }

  private static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static String abbreviate(String key) {
    return key.length() <= 24 ? key : key.substring(0, 21) + "...";
  }
}
