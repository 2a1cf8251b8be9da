package io.github.sshfaults.sshd.internal.tunnel;

import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * Gives a configured server its port forwarding: {@code direct-tcpip} channels that reach only what
 * {@link Routes} allows, through the fault engine as every channel type.
 */
public final class TunnelServer {

  static final String DIRECT_TCPIP = "direct-tcpip";

  private TunnelServer() {}

  /** Replaces MINA's {@code direct-tcpip} channel of {@code server} with a routed, recorded one. */
  public static void install(
      SshServer server, Routes routes, RecordingJournal journal, FaultEngine faults) {
    List<ChannelFactory> factories = new ArrayList<>();
    for (ChannelFactory factory : server.getChannelFactories()) {
      if (!DIRECT_TCPIP.equals(factory.getName())) {
        factories.add(factory);
      }
    }
    factories.add(faults.withFaults(new TunnelChannelFactory(routes, journal, faults)));
    server.setChannelFactories(factories);
    // Agent and X11 forwarding stay refused, as they are by default.
    server.setForwardingFilter(
        ForwardingFilter.asForwardingFilter(
            RejectAllForwardingFilter.INSTANCE,
            RejectAllForwardingFilter.INSTANCE,
            LoopbackOnly.INSTANCE));
  }

  private record TunnelChannelFactory(
      Routes routes, RecordingJournal journal, FaultEngine faults) implements ChannelFactory {

    @Override
    public String getName() {
      return DIRECT_TCPIP;
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
      return new TunnelChannel(routes, journal, faults);
    }
  }

  /**
   * The last guard: whatever the routes said, MINA connects to nothing but 127.0.0.1 and ::1, and
   * binds no remote forwarding unless {@link RemoteForwardingServer} lets a user.
   */
  private enum LoopbackOnly implements TcpForwardingFilter {
    INSTANCE;

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
      return false;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
      if (type != Type.Direct) {
        return false;
      }
      String host = address.getHostName();
      if (!host.matches("[0-9.]+") && !host.matches("[0-9A-Fa-f:]+")) {
        return false; // a name: never looked up
      }
      try {
        InetAddress ip = InetAddress.getByName(host);
        return ip.isLoopbackAddress();
      } catch (IOException e) {
        return false;
      }
    }
  }
}
