package io.github.sshfaults.sshd.internal.tunnel;

import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * Gives a configured server its remote forwarding ({@code tcpip-forward}): MINA SSHD's own, with
 * the permission asked per user, the port bound on loopback only and every request and forwarded
 * connection recorded. Installed after {@link TunnelServer}, whose decisions on everything else
 * it keeps.
 */
public final class RemoteForwardingServer {

  private RemoteForwardingServer() {}

  /** Lets the users {@code permits} allows have ports forwarded by {@code server}. */
  public static void install(SshServer server, RemotePermits permits, RecordingJournal journal) {
    server.setForwarderFactory(service -> new RemoteForwarder(service, permits, journal));
    ForwardingFilter previous = server.getForwardingFilter();
    server.setForwardingFilter(new ListenForPermitted(previous, permits));
  }

  /** The filter installed before, with listening allowed to the users {@code permits} allows. */
  private record ListenForPermitted(ForwardingFilter previous, RemotePermits permits)
      implements ForwardingFilter {

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
      // The address does not matter: RemoteForwarder binds loopback whatever was asked.
      return permits.refusal(session.getUsername()) == null;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
      return previous.canConnect(type, address, session);
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
      return previous.canForwardAgent(session, requestType);
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
      return previous.canForwardX11(session, requestType);
    }
  }
}
