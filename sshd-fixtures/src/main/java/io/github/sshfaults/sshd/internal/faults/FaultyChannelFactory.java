package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import java.io.IOException;
import java.util.List;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A channel type whose opening passes through the fault plan: refused with a reason code, never
 * answered, or the connection ends instead.
 */
final class FaultyChannelFactory implements ChannelFactory {

  private final ChannelFactory delegate;
  private final FaultEngine engine;

  private FaultyChannelFactory(ChannelFactory delegate, FaultEngine engine) {
    this.delegate = delegate;
    this.engine = engine;
  }

  /** The server's channel types, each wrapped. */
  static List<ChannelFactory> wrap(List<? extends ChannelFactory> factories, FaultEngine engine) {
    return factories.stream()
        .<ChannelFactory>map(factory -> new FaultyChannelFactory(factory, engine))
        .toList();
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public Channel createChannel(Session session) throws IOException {
    Connection connection = Connection.of(session);
    if (connection == null || !engine.plan().has(Stage.CHANNEL_OPEN)) {
      return delegate.createChannel(session);
    }
    List<Firing> firings =
        engine.plan().fire(Stage.CHANNEL_OPEN, connection.dice(), connection.user(), null);
    for (Firing firing : firings) {
      Effect effect = firing.fault().effect();
      String type = delegate.getName();
      if (effect instanceof Effect.RejectChannelOpen reject) {
        engine.fired(
            connection,
            Stage.CHANNEL_OPEN,
            firing,
            "refused to open a " + type + " channel with reason " + reject.reasonCode());
        return UnopenedChannel.refused(reject.reasonCode());
      }
      if (effect instanceof Effect.LimitChannels limit) {
        int open = openChannels(session);
        if (open >= limit.max()) {
          engine.fired(
              connection,
              Stage.CHANNEL_OPEN,
              firing,
              "refused a " + type + " channel: " + open + " open, at most " + limit.max());
          return UnopenedChannel.refused(ChannelOpenFailure.ADMINISTRATIVELY_PROHIBITED.code());
        }
      } else if (engine.endConnection(
          connection, Stage.CHANNEL_OPEN, firing, "instead of opening a " + type + " channel")) {
        return UnopenedChannel.unanswered();
      }
    }
    return delegate.createChannel(session);
  }

  // A channel the client has closed stays registered until MINA's close completes, after the
  // client has already heard the host's CHANNEL_CLOSE; counting it would refuse the client's next
  // channel although, as the client sees it, nothing is open.
  private static int openChannels(Session session) {
    AbstractConnectionService service = session.getService(AbstractConnectionService.class);
    if (service == null) {
      return 0;
    }
    return (int) service.getChannels().stream().filter(channel -> !channel.isClosing()).count();
  }

  /** A channel that never opens: it fails with a reason code, or the client never hears back. */
  private static final class UnopenedChannel extends ChannelSession {

    /** The reason code it fails with, or null when it never answers. */
    private final Integer reasonCode;

    private UnopenedChannel(Integer reasonCode) {
      this.reasonCode = reasonCode;
    }

    static UnopenedChannel refused(int reasonCode) {
      return new UnopenedChannel(reasonCode);
    }

    static UnopenedChannel unanswered() {
      return new UnopenedChannel(null);
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
      OpenFuture future = new DefaultOpenFuture(this, futureLock);
      if (reasonCode != null) {
        // Gone from the connection's channels at once, so that it does not count as open.
        service.unregisterChannel(this);
        // MINA SSHD sends its own text in place of this message.
        future.setException(
            new SshChannelOpenException(getChannelId(), reasonCode, reasonName(reasonCode)));
      }
      return future;
    }

    private static String reasonName(int code) {
      return code >= 1 && code <= ChannelOpenFailure.values().length
          ? ChannelOpenFailure.of(code).rfcName()
          : "reason " + code;
    }
  }
}
