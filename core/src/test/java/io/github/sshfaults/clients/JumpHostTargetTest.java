package io.github.sshfaults.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSchException;
import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.internal.RootCauseFirst;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.Test;

/** Targets behind a jump host: their names, and failures that say which hop failed. */
class JumpHostTargetTest {

  private static final SshLogin ALICE = SshLogin.password("alice", "secret");
  private static final SshTarget BASTION = SshTarget.of("bastion", "127.0.0.1", 2200);
  private static final SshTarget WEB1 =
      SshTarget.of("web-1", "10.0.0.5", 22).withJumpHost(BASTION, ALICE);

  @Test
  void aTargetViaAJumpHostKeepsItsAddressAndIsNamedAfterBothHosts() {
    assertThat(WEB1.host()).isEqualTo("10.0.0.5");
    assertThat(WEB1.port()).isEqualTo(22);
    assertThat(WEB1.displayName()).isEqualTo("web-1 via bastion");
    assertThat(WEB1.jumpHost())
        .hasValueSatisfying(
            jump -> {
              assertThat(jump.target()).isEqualTo(BASTION);
              assertThat(jump.login()).isSameAs(ALICE);
            });
    assertThat(WEB1).isEqualTo(SshTarget.of("web-1", "10.0.0.5", 22).withJumpHost(BASTION, ALICE));
    assertThat(SshTarget.of("10.0.0.5", 22).jumpHost()).isEmpty();
  }

  @Test
  void refusesASecondHopWithAClearMessage() {
    assertThatThrownBy(() -> WEB1.withJumpHost(BASTION, ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web-1 via bastion is already reached through jump host bastion");
    assertThatThrownBy(() -> SshTarget.of("10.0.0.6", 22).withJumpHost(WEB1, ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jump host web-1 via bastion is itself reached through a jump host");
  }

  @Test
  void namesEachHopInTheMessage() {
    UserAuthException rejected =
        new UserAuthException("Exhausted available authentication methods");

    assertThat(new HopFailedException(Hop.JUMP_HOST, WEB1, rejected))
        .hasMessage(
            "jump host bastion (127.0.0.1:2200): UserAuthException: Exhausted available"
                + " authentication methods");
    assertThat(new HopFailedException(Hop.TUNNEL, WEB1, rejected).getMessage())
        .startsWith(
            "jump host bastion (127.0.0.1:2200) could not open a tunnel to inner host web-1"
                + " (10.0.0.5:22): ");
    assertThat(new HopFailedException(Hop.INNER_HOST, WEB1, rejected).getMessage())
        .startsWith("inner host web-1 (10.0.0.5:22) via bastion: ");
    assertThatThrownBy(() -> new HopFailedException(Hop.INNER_HOST, BASTION, rejected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no jump host");
  }

  @Test
  void classifiesAFailedHopByWhatFailedThere() {
    UserAuthException rejected =
        new UserAuthException("Exhausted available authentication methods");

    assertThat(FailureKind.of(new HopFailedException(Hop.JUMP_HOST, WEB1, rejected)))
        .isEqualTo(FailureKind.AUTH);
    assertThat(FailureKind.of(new HopFailedException(Hop.INNER_HOST, WEB1, rejected)))
        .isEqualTo(FailureKind.AUTH);
    assertThat(
            FailureKind.of(
                new HopFailedException(
                    Hop.INNER_HOST, WEB1, new ConnectException("Connection refused"))))
        .isEqualTo(FailureKind.CONNECT_REFUSED);
  }

  @Test
  void classifiesATunnelTheJumpHostRefusedAsARefusedConnection() {
    OpenFailException refused =
        new OpenFailException("direct-tcpip", OpenFailException.Reason.CONNECT_FAILED, "down");

    assertThat(FailureKind.of(refused)).isEqualTo(FailureKind.CHANNEL);
    assertThat(FailureKind.of(new HopFailedException(Hop.TUNNEL, WEB1, refused)))
        .isEqualTo(FailureKind.CONNECT_REFUSED);
    assertThat(
            FailureKind.of(
                new HopFailedException(Hop.TUNNEL, WEB1, new TimeoutException("no answer"))))
        .isEqualTo(FailureKind.CONNECT_TIMEOUT);
    // JSch's connect() can throw only JSchException: the hop under it decides.
    HopFailedException hop = new HopFailedException(Hop.TUNNEL, WEB1, refused);
    assertThat(FailureKind.of(new JSchException(hop.getMessage(), hop)))
        .isEqualTo(FailureKind.CONNECT_REFUSED);
  }

  @Test
  void putsTheHopFirstInReports() {
    HopFailedException failure =
        new HopFailedException(
            Hop.INNER_HOST, WEB1, new RuntimeException(new ConnectException("Connection reset")));

    assertThat(RootCauseFirst.describe(failure))
        .isEqualTo(
            "inner host web-1 (10.0.0.5:22) via bastion: ConnectException: Connection reset (in"
                + " RuntimeException)");
    assertThat(RootCauseFirst.describe(failure, 40))
        .isEqualTo("inner host: ConnectException: Connect...");
  }
}
