package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes a client speak so that a reset has unread bytes to leave behind: NIO2 offers no {@code
 * SO_LINGER}, so the host resets a connection by reading one byte of what the client sends next and
 * closing with the rest unread. Once authenticated, a global request with want-reply makes every
 * client answer; before that, MINA SSHD's client closes on one, so a new key exchange (which sshj
 * 0.40 does not answer while it authenticates: resets are not offered at {@code AUTH} for that
 * reason).
 */
final class ResetProbe {

  private static final Logger LOG = LoggerFactory.getLogger(ResetProbe.class);

  private final WireSession session;
  private boolean probing;
  private boolean secondSent;

  ResetProbe(WireSession session) {
    this.session = session;
  }

  /** From now on the reset probes ({@code true}) or waits for the client to speak on its own. */
  synchronized void probing(boolean probing) {
    this.probing = probing;
  }

  /**
   * Sends a second probe, once, when the read that was under way took what the client said: the
   * answer to the first probe may be gone with it.
   */
  void again() {
    boolean send;
    synchronized (this) {
      send = probing && !secondSent;
      secondSent |= send;
    }
    if (send) {
      send();
    }
  }

  /** Sends something the client must answer. Never under a monitor: it calls into SSH. */
  void send() {
    Connection connection = session.connection();
    ServerSession ssh = connection.session();
    if (ssh == null) {
      return;
    }
    try {
      if (connection.authenticated) {
        Buffer request = ssh.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 32);
        request.putString("keepalive@openssh.com");
        request.putBoolean(true);
        ssh.writePacket(request);
      } else {
        ssh.reExchangeKeys();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot send the probe that resets {}", session, e);
      session.closeNow();
    }
  }
}
