package io.github.sshfaults.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sshfaults.clients.CommandFailedException;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.NoExitCodeException;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The immutable values that configure runs and adapters, and how they reject bad input. */
class ConfigurationValuesTest {

  @Test
  void retryPolicyGrowsItsBackoffByTheMultiplier() {
    RetryPolicy policy =
        RetryPolicy.on(FailureKind.DISCONNECTED)
            .withMaxAttempts(4)
            .withBackoff(Duration.ofMillis(50))
            .withBackoffMultiplier(2);

    assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(50));
    assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.retries(FailureKind.DISCONNECTED, 3)).isTrue();
    assertThat(policy.retries(FailureKind.DISCONNECTED, 4)).isFalse();
    assertThat(policy.retries(FailureKind.AUTH, 1)).isFalse();
    assertThat(policy)
        .hasToString("RetryPolicy[on [DISCONNECTED], 4 attempts, backoff PT0.05S x2.0]");
  }

  @Test
  void retryPolicyNoneNeverRetries() {
    assertThat(RetryPolicy.none().retries(FailureKind.TIMEOUT, 1)).isFalse();
    assertThat(RetryPolicy.none().kinds()).isEmpty();
  }

  @Test
  void retryPolicyRejectsBadValues() {
    RetryPolicy policy = RetryPolicy.on(FailureKind.TIMEOUT);
    assertThatThrownBy(() -> policy.withMaxAttempts(0))
        .hasMessage("max attempts must be between 1 and 100, but was 0");
    assertThatThrownBy(() -> policy.withBackoff(Duration.ofMillis(-1)))
        .hasMessage("backoff must be zero or longer, but was PT-0.001S");
    assertThatThrownBy(() -> policy.withBackoff(Duration.ofHours(2)))
        .hasMessage("backoff must be at most PT1H, but was PT2H");
    assertThatThrownBy(() -> policy.withBackoffMultiplier(0.5))
        .hasMessage("backoff multiplier must be between 1.0 and 10.0, but was 0.5");
    assertThatThrownBy(() -> RetryPolicy.on(null)).hasMessage("failure kind must not be null");
  }

  @Test
  void targetsNameThemselvesHostColonPortUnlessNamed() {
    assertThat(SshTarget.of("127.0.0.1", 2222).displayName()).isEqualTo("127.0.0.1:2222");
    assertThat(SshTarget.of("::1", 2222).displayName()).isEqualTo("[::1]:2222");
    assertThat(SshTarget.of("web-1", "127.0.0.1", 2222).displayName()).isEqualTo("web-1");
    assertThat(SshTarget.of(new InetSocketAddress("127.0.0.1", 22)))
        .isEqualTo(SshTarget.of("127.0.0.1", 22));
  }

  @Test
  void targetsRejectBadAddresses() {
    assertThatThrownBy(() -> SshTarget.of("127.0.0.1", 0))
        .hasMessage("port must be between 1 and 65535, but was 0");
    assertThatThrownBy(() -> SshTarget.of(" ", 22))
        .hasMessage("host must not be blank, but was \" \"");
    assertThatThrownBy(() -> SshTarget.of("", "127.0.0.1", 22))
        .hasMessage("target name must not be blank, but was \"\"");
  }

  @Test
  void loginsAddTrustedHostKeysAndNeverShowSecrets() throws Exception {
    String line =
        "[127.0.0.1]:2222 ssh-ed25519"
            + " AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
    SshLogin login = SshLogin.password("alice", "s3cret").withKnownHostsLine(line);

    assertThat(login.user()).isEqualTo("alice");
    assertThat(login.password()).contains("s3cret");
    assertThat(login.knownHostsLines()).containsExactly(line);
    assertThat(login.toString()).doesNotContain("s3cret").contains("alice", "1 trusted");
    KeyPair keyPair = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertThat(SshLogin.key("bob", keyPair).keyPair()).containsSame(keyPair);
  }

  @Test
  void loginsRejectBadInput() {
    assertThatThrownBy(() -> SshLogin.password("", "x"))
        .hasMessage("user must not be blank, but was \"\"");
    assertThatThrownBy(() -> SshLogin.password("alice", ""))
        .hasMessage("password of \"alice\" must not be empty");
    assertThatThrownBy(() -> SshLogin.key("bob", null))
        .hasMessage("key pair of \"bob\" must not be null");
    assertThatThrownBy(() -> SshLogin.password("a", "b").withKnownHostsLine("ecdsa-sha2-nistp256"))
        .hasMessageStartingWith(
            "known_hosts line \"ecdsa-sha2-nistp256\" is not valid: it has 1 field, and needs"
                + " hosts, a key type and a key.");
  }

  @Test
  void adapterFactoriesRejectBadTimeouts() {
    assertThatThrownBy(() -> JschClientAdapter.factory(Duration.ZERO))
        .hasMessage("client timeout must be longer than zero, but was PT0S");
    assertThatThrownBy(() -> SshjClientAdapter.factory(Duration.ofNanos(10)))
        .hasMessage("client timeout must be between 1 ms and PT24H, but was PT0.00000001S");
  }

  @Test
  void adaptersRefuseToConnectOnceClosed() throws Exception {
    SshTarget target = SshTarget.of("127.0.0.1", 22);
    SshLogin login = SshLogin.password("a", "b");
    JschClientAdapter jsch = JschClientAdapter.factory().create();
    SshjClientAdapter sshj = SshjClientAdapter.factory().create();

    jsch.close();
    sshj.close();
    jsch.close();

    assertThatThrownBy(() -> jsch.exec(target, login, "id"))
        .hasMessage("JschClientAdapter is closed");
    assertThatThrownBy(() -> sshj.exec(target, login, "id"))
        .hasMessage("SshjClientAdapter is closed");
  }

  @Test
  void commandExceptionsSayWhatRanWhereAndWhatCameBack() {
    CommandFailedException failed =
        new CommandFailedException(
            "make all", "web-1", new CommandOutput("", "make: *** Error 1\n", 2));
    NoExitCodeException cut = new NoExitCodeException("tar c /", "web-1", "abc", "");

    assertThat(failed)
        .hasMessage("command \"make all\" on web-1 exited with code 2: make: *** Error 1");
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(cut)
        .hasMessage(
            "command \"tar c /\" on web-1 ended without an exit code: the channel or connection"
                + " closed before it finished (received 3 chars of stdout, 0 of stderr)");
    assertThat(cut.partialOutput().stdout()).isEqualTo("abc");
  }
}
