package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.AlgorithmKind;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
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
    if (!engine.plan().has(Stage.AUTH)) {
      return;
    }
    // The user-auth service reads its methods from the session's properties when it starts, before
    // the first request names a user: the decision is per connection.
    List<Firing> firings =
        engine
            .plan()
            .fire(
                Stage.AUTH,
                connection.dice(),
                null,
                null,
                fault -> fault.effect() instanceof Effect.RequireAuthMethods);
    if (!firings.isEmpty()) {
      Firing firing = firings.get(0);
      List<AuthMethod> methods = ((Effect.RequireAuthMethods) firing.fault().effect()).methods();
      CoreModuleProperties.AUTH_METHODS.set(
          session, methods.stream().map(AuthMethod::protocolName).collect(Collectors.joining(",")));
      engine.fired(connection, Stage.AUTH, firing, "requires " + methods + " in turn");
    }
  }

  @Override
  public void sessionPeerIdentificationReceived(
      Session session, String version, List<String> extraLines) {
    Connection connection = Connection.of(session);
    if (connection == null || !engine.plan().has(Stage.KEX)) {
      return;
    }
    boolean ended = false;
    for (Firing firing : engine.plan().fire(Stage.KEX, connection.dice(), null, null)) {
      Effect effect = firing.fault().effect();
      if (effect instanceof Effect.SwapHostKey) {
        connection.swapHostKey = true;
        engine.fired(connection, Stage.KEX, firing, "presents another host key");
      } else if (effect instanceof Effect.NoCommonAlgorithm none) {
        if (connection.noCommonAlgorithm == null) {
          connection.noCommonAlgorithm = none.kind();
          engine.fired(
              connection, Stage.KEX, firing, "offers no " + none.kind() + " algorithm in common");
        }
      } else if (!ended && (effect instanceof Effect.Drop || effect instanceof Effect.Disconnect)) {
        // Applied once both sides have sent their proposals, in the middle of the exchange.
        ended = true;
        connection.endOfKex = firing;
      } else if (!ended) {
        ended = engine.endConnection(connection, Stage.KEX, firing, "during key exchange");
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
    Firing firing = connection == null ? null : connection.endOfKex;
    if (firing != null) {
      connection.endOfKex = null;
      engine.endConnection(connection, Stage.KEX, firing, "during key exchange");
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
      if (engine.plan().has(Stage.AFTER_AUTH)) {
        afterAuth(connection);
      }
    }
  }

  // Called while MINA SSHD holds the session's encode lock, before USERAUTH_SUCCESS is written.
  // The client must learn it got in, so everything here waits until that packet is out; and the
  // client must not get any further, so from now on the session hears nothing of what it sends.
  private void afterAuth(Connection connection) {
    List<Firing> firings =
        engine.plan().fire(Stage.AFTER_AUTH, connection.dice(), connection.user(), null);
    WireSession.Wire wire = connection.wire().wire();
    for (Firing firing : firings) {
      Effect effect = firing.fault().effect();
      if (effect instanceof Effect.LimitSessions limit) {
        long open = engine.authenticatedConnections();
        if (open > limit.max()) {
          engine.fired(
              connection,
              Stage.AFTER_AUTH,
              firing,
              "disconnected: " + open + " sessions open, at most " + limit.max());
          wire.discardReads();
          wire.afterNextWrite(
              () ->
                  engine.disconnect(
                      connection,
                      DisconnectReason.TOO_MANY_CONNECTIONS.code(),
                      "Too many concurrent sessions ("
                          + open
                          + ") - max. allowed: "
                          + limit.max()));
          return;
        }
      } else if (effect instanceof Effect.Disconnect disconnect) {
        engine.fired(
            connection,
            Stage.AFTER_AUTH,
            firing,
            "disconnected with reason " + disconnect.reasonCode() + " after authentication");
        wire.discardReads();
        wire.afterNextWrite(
            () -> engine.disconnect(connection, disconnect.reasonCode(), disconnect.message()));
        return;
      } else if (effect instanceof Effect.Drop) {
        engine.fired(
            connection,
            Stage.AFTER_AUTH,
            firing,
            "dropped the connection (FIN) after authentication");
        wire.discardReads();
        wire.afterNextWrite(wire::drop);
        return;
      } else if (effect instanceof Effect.Reset) {
        engine.fired(
            connection,
            Stage.AFTER_AUTH,
            firing,
            "reset the connection (RST) after authentication");
        wire.resetAfterNextWrite();
        return;
      }
    }
  }
}
