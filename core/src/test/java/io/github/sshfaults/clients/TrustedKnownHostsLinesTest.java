package io.github.sshfaults.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SshLogin#withKnownHostsLine(String)} takes what OpenSSH reads from {@code known_hosts} and
 * rejects at once, naming the line, what would otherwise fail later as a host key mismatch.
 */
class TrustedKnownHostsLinesTest {

  /** GitHub's published Ed25519 host key: a real key blob. */
  private static final String ED25519 =
      "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

  private static final String RSA = blob("ssh-rsa");
  private static final String ECDSA = blob("ecdsa-sha2-nistp256");

  /** 20 bytes in base64, as a hashed host's salt and hash are. */
  private static final String TWENTY = Base64.getEncoder().encodeToString(new byte[20]);

  private static final String FORM =
      ". A known_hosts line reads \"[@cert-authority|@revoked] hosts key-type base64-key"
          + " [comment]\", hosts being host, [host]:port, a comma-separated list of them, or one"
          + " hashed |1|salt|hash entry, as FakeSshHost.knownHostsLine() gives it";

  private static final SshLogin LOGIN = SshLogin.password("deploy", "s3cret");

  /** An SSH public key blob of {@code type}, with made-up parameters. */
  private static String blob(String type) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] name = type.getBytes(StandardCharsets.US_ASCII);
      out.writeInt(name.length);
      out.write(name);
      out.writeInt(3);
      out.write(new byte[] {1, 0, 1});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[127.0.0.1]:2222 ecdsa-sha2-nistp256 " + "ECDSA",
        "github.com ssh-ed25519 " + ED25519,
        "github.com,140.82.121.4 ssh-rsa " + "RSA",
        "*.example.com,!bad.example.com ssh-ed25519 " + ED25519 + " ops@example.com",
        "[::1]:22,::1,[web-?.internal]:2200 ssh-ed25519 " + ED25519,
        "@cert-authority *.example.com ssh-ed25519 " + ED25519,
        "@revoked db.example.com ssh-rsa " + "RSA" + " compromised 2024-01-01",
        "|1|" + "TWENTY" + "|" + "TWENTY" + " ssh-ed25519 " + ED25519,
        "  github.com\tssh-ed25519 " + ED25519 + "  "
      })
  void acceptsWhatOpenSshReads(String template) {
    String line = template.replace("ECDSA", ECDSA).replace("RSA", RSA).replace("TWENTY", TWENTY);

    assertThat(LOGIN.withKnownHostsLine(line).knownHostsLines()).containsExactly(line.strip());
  }

  static Stream<Arguments> malformedLines() {
    return Stream.of(
        malformed("not a known_hosts line", "key \"known_hosts\" is not base64"),
        malformed("ecdsa-sha2-nistp256", "it has 1 field, and needs hosts, a key type and a key"),
        malformed(
            "[127.0.0.1]:2222 ecdsa-sha2-nistp256",
            "it has 2 fields, and needs hosts, a key type and a key"),
        malformed("# github.com ssh-ed25519 ED25519", "it is a comment"),
        malformed(
            "@trusted github.com ssh-ed25519 ED25519",
            "marker \"@trusted\" is neither @cert-authority nor @revoked"),
        malformed(
            "@revoked ssh-ed25519 ED25519",
            "it has 2 fields after its marker, and needs hosts, a key type and a key"),
        malformed("[127.0.0.1] ssh-ed25519 ED25519", "host \"[127.0.0.1]\" is not [host]:port"),
        malformed(
            "[127.0.0.1]:0 ssh-ed25519 ED25519",
            "port 0 of \"[127.0.0.1]:0\" is not between 1 and 65535"),
        malformed(
            "[127.0.0.1]:70000 ssh-ed25519 ED25519",
            "port 70000 of \"[127.0.0.1]:70000\" is not between 1 and 65535"),
        malformed(
            "[web/1]:22 ssh-ed25519 ED25519", "host \"web/1\" in \"[web/1]:22\" is not a host"),
        malformed(
            "web-1,,web-2 ssh-ed25519 ED25519", "host list \"web-1,,web-2\" has an empty entry"),
        malformed(
            "http://web-1 ssh-ed25519 ED25519",
            "host \"http://web-1\" has characters no host name or pattern has"),
        malformed(
            "|1|c2FsdA==|aGFzaA== ssh-ed25519 ED25519",
            "hashed host \"|1|c2FsdA==|aGFzaA==\" is not |1|salt|hash with a salt and a hash of 20"
                + " bytes each in base64 (a hashed entry stands alone, never in a list)"),
        malformed(
            "github.com ssh_ed25519! ED25519",
            "key type \"ssh_ed25519!\" is not a key type name (such as ssh-ed25519)"),
        malformed(
            "github.com ssh-ed25519 AAAA",
            "key \"AAAA\" does not decode to an SSH public key (the length and name of its type,"
                + " then its parameters)"),
        malformed(
            "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5",
            "key \"AAAAC3NzaC1lZDI1NTE5\" does not decode to an SSH public key (the length and name"
                + " of its type, then its parameters)"),
        malformed(
            "github.com ssh-rsa ED25519",
            "the key is a \"ssh-ed25519\" key, but the line says \"ssh-rsa\""));
  }

  private static Arguments malformed(String line, String problem) {
    return Arguments.of(line.replace("ED25519", ED25519), problem);
  }

  @ParameterizedTest
  @MethodSource("malformedLines")
  void rejectsMalformedLinesNamingThemAndWhatIsWrong(String line, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LOGIN.withKnownHostsLine(line))
        .withMessage("known_hosts line \"" + line + "\" is not valid: " + problem + FORM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"web\u001b[31m-1", "web\u0000"})
  void showsControlCharactersInTheLine(String host) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LOGIN.withKnownHostsLine(host + " ssh-ed25519 " + ED25519))
        .withMessageStartingWith("known_hosts line \"web\\")
        .withMessageNotContaining("\u001b")
        .withMessageNotContaining("\u0000");
  }
}
