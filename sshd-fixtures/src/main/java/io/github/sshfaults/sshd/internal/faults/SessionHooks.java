package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.internal.AfterAuthEffect;
import io.github.sshfaults.faults.internal.AuthMethodsEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.KexEffect;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.session.ServerSession;

/**
 * The engine's view of the SSH session: key exchange, the moment of authentication, and the
 * per-connection settings that MINA SSHD reads from the session's properties.
 */
final class SessionHooks implements SessionListener {

  /** An algorithm name no SSH implementation has: offering only it leaves nothing in common. */
  static final String NO_SUCH_ALGORITHM = "none-in-common@sshfaults.invalid";

  private final FaultEngine engine;

  SessionHooks(FaultEngine engine) {
    this.engine = engine;
  }

  @Override
  public void sessionCreated(Session session) {
    Connection connection = Connection.of(session);
    if (connection == null || !(session instanceof ServerSession serverSession)) {
      return;
    }
    connection.attach(serverSession);
    // The user-auth service reads its methods from the session's properties when it starts, before
    // the first request names a user: the decision is per connection.
    if (engine.plan().has(OccasionKind.AUTH_METHODS)) {
      OneOf methods = new OneOf();
      AuthMethodsEffect.Injector injector =
          (required, firing) ->
              methods.add(
                  () -> {
                    if (!engine.fired(connection, firing, "requires " + required + " in turn")) {
                      return false;
                    }
                    CoreModuleProperties.AUTH_METHODS.set(
                        session,
                        required.stream()
                            .map(AuthMethod::protocolName)
                            .collect(Collectors.joining(",")));
                    return true;
                  });
      engine
          .plan()
          .dispatch(OccasionKind.AUTH_METHODS, connection.dice(), Occasion.none(), injector);
      methods.apply();
    }
  }

  @Override
  public void sessionPeerIdentificationReceived(
      Session session, String version, List<String> extraLines) {
    Connection connection = Connection.of(session);
    if (connection == null || !engine.plan().has(OccasionKind.KEX)) {
      return;
    }
    KexDecision kex = new KexDecision(connection);
    engine.plan().dispatch(OccasionKind.KEX, connection.dice(), Occasion.none(), kex);
    kex.apply();
  }

  /** The faults of one key exchange. */
  private final class KexDecision extends EndingDecision implements KexEffect.Injector {

    private final Connection connection;
    private final OneOf swap = new OneOf();
    private final OneOf noCommon = new OneOf();

    KexDecision(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void swapHostKey(Firing firing) {
      swap.add(
          () -> {
            if (!engine.fired(connection, firing, "presents another host key")) {
              return false;
            }
            connection.swapHostKey = true;
            return true;
          });
    }

    @Override
    public void offerNothingFor(AlgorithmKind kind, Firing firing) {
      noCommon.add(
          () -> {
            if (!engine.fired(connection, firing, "offers no " + kind + " algorithm in common")) {
              return false;
            }
            connection.noCommonAlgorithm = kind;
            return true;
          });
    }

    void apply() {
      swap.apply();
      noCommon.apply();
      List<Ending> endings = endings();
      for (int i = 0; i < endings.size(); i++) {
        Ending ending = endings.get(i);
        if (ending.how() == Ending.How.DROP || ending.how() == Ending.How.DISCONNECT) {
          // Applied once both sides have sent their proposals, in the middle of the exchange.
          connection.endOfKex = new ArrayList<>(endings.subList(i, endings.size()));
          return;
        }
        if (engine.end(connection, ending, "during key exchange")) {
          return;
        }
      }
    }
  }

  @Override
  public void sessionNegotiationOptionsCreated(
      Session session, Map<KexProposalOption, String> proposal) {
    Connection connection = Connection.of(session);
    AlgorithmKind kind = connection == null ? null : connection.noCommonAlgorithm;
    if (kind == null) {
      return;
    }
    switch (kind) {
      case KEY_EXCHANGE -> proposal.put(KexProposalOption.ALGORITHMS, NO_SUCH_ALGORITHM);
      case HOST_KEY -> proposal.put(KexProposalOption.SERVERKEYS, NO_SUCH_ALGORITHM);
      case CIPHER -> {
        proposal.put(KexProposalOption.C2SENC, NO_SUCH_ALGORITHM);
        proposal.put(KexProposalOption.S2CENC, NO_SUCH_ALGORITHM);
      }
    }
  }

  @Override
  public void sessionNegotiationStart(
      Session session,
      Map<KexProposalOption, String> clientProposal,
      Map<KexProposalOption, String> serverProposal) {
    Connection connection = Connection.of(session);
    List<Ending> endings = connection == null ? null : connection.endOfKex;
    if (endings != null) {
      connection.endOfKex = null;
      for (Ending ending : endings) {
        if (engine.end(connection, ending, "during key exchange")) {
          return;
        }
      }
    }
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    Connection connection = Connection.of(session);
    if (connection == null) {
      return;
    }
    if (event == Event.KexCompleted) {
      connection.kexDone = true;
    } else if (event == Event.Authenticated) {
      connection.authenticated = true;
      if (engine.plan().has(OccasionKind.AFTER_AUTH)) {
        AfterAuthDecision afterAuth = new AfterAuthDecision(connection);
        engine
            .plan()
            .dispatch(
                OccasionKind.AFTER_AUTH,
                connection.dice(),
                Occasion.of(connection.user(), null),
                afterAuth);
        afterAuth.apply();
      }
    }
  }

  /**
   * The faults of a connection that has just authenticated: all of them end it.
   *
   * <p>Applied while MINA SSHD holds the session's encode lock, before USERAUTH_SUCCESS is written.
   * The client must learn it got in, so every ending waits until that packet is out; and the client
   * must not get any further, so from then on the session hears nothing of what it sends.
   */
  private final class AfterAuthDecision extends EndingDecision implements AfterAuthEffect.Injector {

    private final Connection connection;
    private long authenticated = -1;

    AfterAuthDecision(Connection connection) {
      this.connection = connection;
    }

    @Override
    public long authenticatedConnections() {
      if (authenticated < 0) {
        authenticated = engine.authenticatedConnections();
      }
      return authenticated;
    }

    @Override
    public void limitSessions(int max, Firing firing) {
      long open = authenticatedConnections();
      endWith(
          Ending.disconnect(
                  DisconnectReason.TOO_MANY_CONNECTIONS.code(),
                  "Too many concurrent sessions (" + open + ") - max. allowed: " + max,
                  firing)
              .describedAs("disconnected: " + open + " sessions open, at most " + max));
    }

    void apply() {
      for (Ending ending : endings()) {
        if (!ending.firing().after().isZero()) {
          // A server that dies later: the session goes on until then.
          engine.endLater(connection, ending, "after authentication");
          return;
        }
        if (engine.fired(
            connection,
            ending.firing(),
            FaultEngine.describeEnding(ending, "after authentication"),
            true)) {
          afterTheAnswer(ending);
          return;
        }
      }
    }

    private void afterTheAnswer(Ending ending) {
      Wire wire = connection.wire().wire();
      switch (ending.how()) {
        case RESET -> wire.resetAfterNextWrite();
        case DROP -> {
          wire.discardReads();
          wire.afterNextWrite(wire::drop);
        }
        case DISCONNECT -> {
          wire.discardReads();
          wire.afterNextWrite(
              () -> engine.disconnect(connection, ending.reasonCode(), ending.message()));
        }
        case HANG -> throw new IllegalStateException("no hang after authentication: " + ending);
      }
    }
  }
}
