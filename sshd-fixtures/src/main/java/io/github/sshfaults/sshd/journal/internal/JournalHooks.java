package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.sshd.journal.AlgorithmsNegotiated;
import io.github.sshfaults.sshd.journal.ChannelOpened;
import io.github.sshfaults.sshd.journal.ClientIdentified;
import io.github.sshfaults.sshd.journal.ConnectionClosed;
import io.github.sshfaults.sshd.journal.Disconnect;
import io.github.sshfaults.sshd.journal.Initiator;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.ServerAuthenticationManager;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.forward.TcpipServerChannel;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Connects a journal to a configured, not yet started server: session and channel listeners for the
 * connection's life, and decorators around authentication methods and commands for their outcomes.
 * Call it after the authenticators and the command factory are set.
 */
public final class JournalHooks implements SessionListener, ChannelListener {

  /** How the connection ended, as far as the host knows before it closes. */
  private static final AttributeKey<Cause> CLOSE_CAUSE = new AttributeKey<>();

  /** What a key exchange under way settled on, recorded once it completes. */
  private static final AttributeKey<Map<KexProposalOption, String>> SETTLED = new AttributeKey<>();

  /** What MINA's SSH_MSG_DISCONNECT says for every protocol or MAC error of its own. */
  private static final String MINA_CORRUPT_PACKET_TEXT = "Protocol error or corrupt packet";

  private final RecordingJournal journal;

  private JournalHooks(RecordingJournal journal) {
    this.journal = journal;
  }

  /** Makes {@code server} record everything it sees in {@code journal}. */
  public static void install(SshServer server, RecordingJournal journal) {
    JournalHooks hooks = new JournalHooks(journal);
    server.setSessionFactory(new HostSession.Factory(server, journal));
    server.addSessionListener(hooks);
    server.addChannelListener(hooks);
    List<UserAuthFactory> methods = ServerAuthenticationManager.resolveUserAuthFactories(server);
    server.setUserAuthFactories(
        methods.stream().map(method -> RecordingUserAuthFactory.wrap(method, journal)).toList());
    CommandFactory commands = server.getCommandFactory();
    server.setCommandFactory(
        (channel, commandLine) ->
            new RecordingCommand(
                commands.createCommand(channel, commandLine), commandLine, journal));
  }

  @Override
  public void sessionPeerIdentificationReceived(
      Session session, String version, List<String> extraLines) {
    journal.record(session, (s, t, c) -> new ClientIdentified(s, t, c, version));
  }

  @Override
  public void sessionNegotiationEnd(
      Session session,
      Map<KexProposalOption, String> clientProposal,
      Map<KexProposalOption, String> serverProposal,
      Map<KexProposalOption, String> negotiated,
      Throwable reason) {
    if (reason != null) {
      // The session ends with this failure; its close records it.
      cause(session, Initiator.SERVER, "key exchange failed: " + reason);
      return;
    }
    // Settled is not done: a client may still give up before NEWKEYS (reset after ECDH_INIT).
    session.setAttribute(SETTLED, new HashMap<>(negotiated));
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    // KeyEstablished, not KexCompleted: MINA signals KexCompleted when the proposals are matched,
    // and KeyEstablished when the client's NEWKEYS arrives, which completes the exchange.
    if (event != Event.KeyEstablished) {
      return;
    }
    Map<KexProposalOption, String> negotiated = session.removeAttribute(SETTLED);
    if (negotiated == null) {
      return;
    }
    journal.record(
        session,
        (s, t, c) ->
            new AlgorithmsNegotiated(
                s,
                t,
                c,
                negotiated.get(KexProposalOption.ALGORITHMS),
                negotiated.get(KexProposalOption.SERVERKEYS),
                negotiated.get(KexProposalOption.C2SENC),
                negotiated.get(KexProposalOption.S2CENC),
                negotiated.get(KexProposalOption.C2SMAC),
                negotiated.get(KexProposalOption.S2CMAC),
                negotiated.get(KexProposalOption.C2SCOMP),
                negotiated.get(KexProposalOption.S2CCOMP)));
  }

  @Override
  public void sessionDisconnect(
      Session session, int reason, String message, String language, boolean initiator) {
    DisconnectReason known =
        reason >= 1 && reason <= DisconnectReason.values().length
            ? DisconnectReason.of(reason)
            : null;
    String name = known != null ? known.rfcName() : "reason " + reason;
    Initiator by =
        !initiator
            ? Initiator.CLIENT
            : journal.faultClosing(session).isPresent() ? Initiator.FAULT : Initiator.SERVER;
    if (by == Initiator.SERVER
        && (reason == DisconnectReason.PROTOCOL_ERROR.code()
            || reason == DisconnectReason.MAC_ERROR.code())) {
      // MINA sends these with one code and one text whatever went wrong (its CVE-2008-5161
      // mitigation): the journal says what the client got; the close says why.
      DisconnectReason sent = DisconnectReason.PROTOCOL_ERROR;
      journal.record(
          session,
          (s, t, c) -> new Disconnect(s, t, c, by, sent, sent.code(), MINA_CORRUPT_PACKET_TEXT));
      cause(session, by, "host sent PROTOCOL_ERROR: " + message);
      return;
    }
    journal.record(session, (s, t, c) -> new Disconnect(s, t, c, by, known, reason, message));
    cause(session, by, (by == Initiator.CLIENT ? "client" : "host") + " sent " + name);
  }

  @Override
  public void sessionException(Session session, Throwable failure) {
    if (journal.isHostClosing()) {
      return; // failures of sessions cut by the host's own stop
    }
    // MINA reports an I/O failure of the peer (a reset) as a plain IOException; SshException means
    // the host gave up on what the client sent.
    boolean peerFailed = failure instanceof IOException && !(failure instanceof SshException);
    cause(session, peerFailed ? Initiator.CLIENT : Initiator.SERVER, failure.toString());
  }

  @Override
  public void sessionClosed(Session session) {
    Cause cause = closeCause(session);
    journal.record(session, (s, t, c) -> new ConnectionClosed(s, t, c, cause.by(), cause.detail()));
  }

  private Cause closeCause(Session session) {
    return journal
        .faultClosing(session)
        .map(how -> new Cause(Initiator.FAULT, how))
        .or(() -> Optional.ofNullable(session.getAttribute(CLOSE_CAUSE)))
        .orElseGet(
            () ->
                journal.isHostClosing()
                    ? new Cause(Initiator.SERVER, "host closed")
                    : new Cause(Initiator.CLIENT, "client closed the connection"));
  }

  /**
   * Records that the host refused what the client sent as its identification (no SSH-2.0 version,
   * a line too long, a bad line ending, a NUL): MINA answers and closes, which would otherwise read
   * as the client's close.
   */
  static void identificationRejected(Session session, Object why) {
    cause(session, Initiator.SERVER, "host rejected the client's identification: " + why);
  }

  /** Keeps the first cause: later ones are consequences (a disconnect, then the socket's end). */
  private static void cause(Session session, Initiator by, String detail) {
    session.computeAttributeIfAbsent(CLOSE_CAUSE, key -> new Cause(by, detail));
  }

  @Override
  public void channelOpenSuccess(Channel channel) {
    String type =
        channel instanceof ChannelSession
            ? "session"
            : channel instanceof TcpipServerChannel tcpip
                ? tcpip.getTcpipChannelType().getName()
                : channel.getClass().getSimpleName();
    journal.record(
        channel.getSession(),
        (s, t, c) -> new ChannelOpened(s, t, c, channel.getChannelId(), type));
  }

  /** Who ended a connection and how. */
  private record Cause(Initiator by, String detail) {}
}
