package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
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
    if (connection == null || !engine.plan().has(OccasionKind.CHANNEL_OPEN)) {
      return delegate.createChannel(session);
    }
    ChannelDecision decision = new ChannelDecision(connection, session);
    engine
        .plan()
        .dispatch(
            OccasionKind.CHANNEL_OPEN,
            connection.dice(),
            Occasion.of(connection.user(), null),
            decision);
    Channel refused = decision.answer();
    return refused != null ? refused : delegate.createChannel(session);
  }

  /**
   * What the faults of one channel request ask for: one answer instead of the channel, a refusal or
   * an ending, the first that takes effect.
   */
  private final class ChannelDecision implements ChannelOpenEffect.Injector {

    private final Connection connection;
    private final Session session;
    private final String type = delegate.getName();
    private final OneOf answer = new OneOf();
    private Channel result;
    private int open = -1;

    ChannelDecision(Connection connection, Session session) {
      this.connection = connection;
      this.session = session;
    }

    @Override
    public int openChannels() {
      if (open < 0) {
        open = FaultyChannelFactory.openChannels(session);
      }
      return open;
    }

    @Override
    public void reject(int reasonCode, Firing firing) {
      refuse(
          firing, reasonCode, "refused to open a " + type + " channel with reason " + reasonCode);
    }

    @Override
    public void limitChannels(int max, Firing firing) {
      refuse(
          firing,
          ChannelOpenFailure.ADMINISTRATIVELY_PROHIBITED.code(),
          "refused a " + type + " channel: " + openChannels() + " open, at most " + max);
    }

    private void refuse(Firing firing, int reasonCode, String description) {
      answer.add(
          () -> {
            if (!engine.fired(connection, firing, description)) {
              return false;
            }
            result = UnopenedChannel.refused(reasonCode);
            return true;
          });
    }

    @Override
    public void drop(Firing firing) {
      endInstead(Ending.drop(firing));
    }

    @Override
    public void reset(Firing firing) {
      endInstead(Ending.reset(firing));
    }

    @Override
    public void hang(Firing firing) {
      endInstead(Ending.hang(firing));
    }

    @Override
    public void disconnect(int reasonCode, String message, Firing firing) {
      endInstead(Ending.disconnect(reasonCode, message, firing));
    }

    private void endInstead(Ending ending) {
      answer.add(
          () -> {
            if (!engine.end(connection, ending, "instead of opening a " + type + " channel")) {
              return false;
            }
            result = UnopenedChannel.unanswered();
            return true;
          });
    }

    /** The channel that answers instead of a real one, or null when the channel opens. */
    Channel answer() {
      answer.apply();
      return result;
    }
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
