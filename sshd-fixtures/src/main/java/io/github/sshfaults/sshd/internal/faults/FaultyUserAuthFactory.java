package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Effect;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.internal.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.ServerAuthenticationManager;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.session.ServerSession;

/**
 * An authentication method whose answers pass through the fault plan: rejected, late, never, or
 * replaced by a disconnect. The real check still runs unless a fault rejects the request.
 */
final class FaultyUserAuthFactory implements UserAuthFactory {

  private final UserAuthFactory delegate;
  private final AuthMethod method;
  private final FaultEngine engine;

  private FaultyUserAuthFactory(UserAuthFactory delegate, AuthMethod method, FaultEngine engine) {
    this.delegate = delegate;
    this.method = method;
    this.engine = engine;
  }

  /** The server's authentication methods, each wrapped. */
  static List<UserAuthFactory> wrap(SshServer server, FaultEngine engine) {
    return ServerAuthenticationManager.resolveUserAuthFactories(server).stream()
        .map(factory -> wrap(factory, engine))
        .toList();
  }

  private static UserAuthFactory wrap(UserAuthFactory factory, FaultEngine engine) {
    return Arrays.stream(AuthMethod.values())
        .filter(m -> m.protocolName().equals(factory.getName()))
        .findFirst()
        .<UserAuthFactory>map(m -> new FaultyUserAuthFactory(factory, m, engine))
        .orElse(factory);
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public UserAuth createUserAuth(ServerSession session) throws IOException {
    return new FaultyUserAuth(delegate.createUserAuth(session));
  }

  /** What the faults of one request say. */
  private static final class Decision {
    Firing reject;
    Firing delay;
    Firing tooMany;
  }

  private final class FaultyUserAuth implements UserAuth {

    private final UserAuth auth;
    private Decision decision;

    FaultyUserAuth(UserAuth auth) {
      this.auth = auth;
    }

    @Override
    public Boolean auth(ServerSession session, String username, String service, Buffer buffer)
        throws Exception {
      Connection connection = Connection.of(session);
      if (connection == null || !engine.plan().has(Stage.AUTH)) {
        return auth.auth(session, username, service, buffer);
      }
      List<Firing> firings =
          engine
              .plan()
              .fire(
                  Stage.AUTH,
                  connection.dice(),
                  username,
                  null,
                  fault -> !(fault.effect() instanceof Effect.RequireAuthMethods));
      decision = new Decision();
      for (Firing firing : firings) {
        Effect effect = firing.fault().effect();
        if (effect instanceof Effect.RejectAuth reject) {
          if (decision.reject == null && reject.rejects(method)) {
            decision.reject = firing;
          }
        } else if (effect instanceof Effect.Delayed) {
          decision.delay = decision.delay == null ? firing : decision.delay;
        } else if (effect instanceof Effect.TooManyAuthFailures) {
          decision.tooMany = decision.tooMany == null ? firing : decision.tooMany;
        } else if (engine.endConnection(
            connection,
            Stage.AUTH,
            firing,
            "instead of answering " + method.protocolName() + " authentication of " + username)) {
          // The client gets no answer: the connection is gone, hung or disconnected.
          throw new AsyncAuthException();
        }
      }
      if (decision.reject != null) {
        engine.fired(
            connection,
            Stage.AUTH,
            decision.reject,
            "rejected " + method.protocolName() + " authentication of " + username);
        return answer(connection, username, Boolean.FALSE);
      }
      return answer(connection, username, auth.auth(session, username, service, buffer));
    }

    @Override
    public Boolean next(Buffer buffer) throws Exception {
      Boolean result = auth.next(buffer);
      Connection connection = Connection.of(getSession());
      return decision == null || connection == null
          ? result
          : answer(connection, getUsername(), result);
    }

    private Boolean answer(Connection connection, String username, Boolean result) {
      if (result == null) {
        // Still in progress (a public key query, a keyboard-interactive prompt): nothing to change.
        return null;
      }
      if (!result && decision.tooMany != null) {
        int maxTries = ((Effect.TooManyAuthFailures) decision.tooMany.fault().effect()).maxTries();
        int failures = connection.authFailures.incrementAndGet();
        if (failures >= maxTries) {
          engine.fired(
              connection,
              Stage.AUTH,
              decision.tooMany,
              "disconnected after " + failures + " failed authentication requests");
          engine.disconnect(
              connection,
              DisconnectReason.PROTOCOL_ERROR.code(),
              "Too many authentication failures");
          throw new AsyncAuthException();
        }
      }
      if (decision.delay != null) {
        Duration delay =
            ((Effect.Delayed) decision.delay.fault().effect())
                .delay()
                .sample(decision.delay.random());
        engine.fired(
            connection,
            Stage.AUTH,
            decision.delay,
            "delayed the answer to " + username + " by " + Durations.format(delay));
        AsyncAuthException later = new AsyncAuthException();
        boolean authenticated = result;
        engine.schedule(() -> later.setAuthed(authenticated), delay.toNanos());
        throw later;
      }
      return result;
    }

    @Override
    public ServerSession getSession() {
      return auth.getSession();
    }

    @Override
    public ServerSession getServerSession() {
      return auth.getServerSession();
    }

    @Override
    public String getName() {
      return auth.getName();
    }

    @Override
    public String getUsername() {
      return auth.getUsername();
    }

    @Override
    public void destroy() {
      auth.destroy();
    }
  }
}
