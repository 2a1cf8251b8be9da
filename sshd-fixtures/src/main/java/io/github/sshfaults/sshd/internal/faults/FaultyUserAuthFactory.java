package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.Occasion;
import io.github.sshfaults.faults.internal.OccasionKind;
import io.github.sshfaults.internal.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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

  /**
   * What the faults of one request ask for: one answer (a rejection, or an ending: no answer at
   * all), one delay, and the limits of failures, each time the first that takes effect.
   */
  private final class AuthDecision implements AuthEffect.Injector {

    private final Connection connection;
    private final String username;
    private final OneOf answer = new OneOf();
    private final OneOf delay = new OneOf();
    private final List<Limit> limits = new ArrayList<>(1);
    private boolean delayDecided;
    private Duration late;
    // Whether the answer is a failure: null until the answer is known (an ending has none).
    private Boolean failing;
    private boolean rejected;
    private boolean ended;

    AuthDecision(Connection connection, String username) {
      this.connection = connection;
      this.username = username;
    }

    @Override
    public AuthMethod method() {
      return method;
    }

    @Override
    public void reject(Firing firing) {
      answer.add(
          () ->
              rejected =
                  engine.fired(
                      connection,
                      firing,
                      "rejected " + method.protocolName() + " authentication of " + username));
    }

    @Override
    public void drop(Firing firing) {
      answer.add(() -> endInstead(Ending.drop(firing)));
    }

    @Override
    public void hang(Firing firing) {
      answer.add(() -> endInstead(Ending.hang(firing)));
    }

    @Override
    public void disconnect(int reasonCode, String message, Firing firing) {
      answer.add(() -> endInstead(Ending.disconnect(reasonCode, message, firing)));
    }

    @Override
    public void delayAnswer(Delay delay, Firing firing) {
      this.delay.add(
          () -> {
            Duration sample = firing.sample(delay);
            if (!engine.fired(
                connection,
                firing,
                "delayed the answer to " + username + " by " + Durations.format(sample))) {
              return false;
            }
            late = sample;
            return true;
          });
    }

    @Override
    public void delayFailure(Delay delay, Firing firing) {
      this.delay.add(
          () -> {
            if (!Boolean.TRUE.equals(failing)) {
              return false;
            }
            Duration sample = firing.sample(delay);
            if (!engine.fired(
                connection,
                firing,
                "delayed the failure of "
                    + method.protocolName()
                    + " authentication of "
                    + username
                    + " by "
                    + Durations.format(sample))) {
              return false;
            }
            late = sample;
            return true;
          });
    }

    @Override
    public void disconnectAtFailure(int maxTries, Firing firing) {
      limits.add(new Limit(maxTries, firing));
    }

    /** Decides the answer: a rejection, no answer (the connection ends), or the real check. */
    void decide() {
      answer.apply();
    }

    /** Whether the request gets no answer: the connection ends, or will after a delay. */
    boolean ended() {
      return ended;
    }

    /** Whether a fault rejected the request. */
    boolean rejected() {
      return rejected;
    }

    // A delay holds the ending too: the connection ends when the answer would have come.
    private boolean endInstead(Ending ending) {
      String when =
          "instead of answering " + method.protocolName() + " authentication of " + username;
      Duration wait = late();
      if (wait == null) {
        ended = engine.end(connection, ending, when);
      } else if (ending.firing().takeEffect()) {
        engine.schedule(() -> engine.endTaken(connection, ending, when), wait.toNanos());
        ended = true;
      }
      return ended;
    }

    // The delay of the answer, decided (and counted) once.
    private Duration late() {
      if (!delayDecided) {
        delayDecided = true;
        delay.apply();
      }
      return late;
    }

    /**
     * The answer to send: {@code result}, unless this failure is one too many, or late.
     *
     * @throws AsyncAuthException when the answer comes later, or never
     */
    Boolean answer(Boolean result) throws AsyncAuthException {
      if (result == null) {
        // Still in progress (a public key query, a keyboard-interactive prompt): nothing to change.
        return null;
      }
      if (!result && !limits.isEmpty()) {
        int failures = connection.authFailures.incrementAndGet();
        for (Limit limit : limits) {
          if (failures >= limit.maxTries() && disconnect(limit.firing(), failures)) {
            throw new AsyncAuthException();
          }
        }
      }
      failing = !result;
      Duration wait = late();
      if (wait != null) {
        AsyncAuthException later = new AsyncAuthException();
        boolean authenticated = result;
        engine.schedule(() -> later.setAuthed(authenticated), wait.toNanos());
        throw later;
      }
      return result;
    }

    private boolean disconnect(Firing firing, int failures) {
      Ending tooMany =
          Ending.disconnect(
                  DisconnectReason.PROTOCOL_ERROR.code(),
                  "Too many authentication failures",
                  firing)
              .describedAs("disconnected after " + failures + " failed authentication requests");
      return engine.end(connection, tooMany, "");
    }
  }

  /** A limit of failed requests per connection, and the fault that sets it. */
  private record Limit(int maxTries, Firing firing) {}

  private final class FaultyUserAuth implements UserAuth {

    private final UserAuth auth;
    private AuthDecision decision;

    FaultyUserAuth(UserAuth auth) {
      this.auth = auth;
    }

    @Override
    public Boolean auth(ServerSession session, String username, String service, Buffer buffer)
        throws Exception {
      Connection connection = Connection.of(session);
      if (connection == null || !engine.plan().has(OccasionKind.AUTH)) {
        return auth.auth(session, username, service, buffer);
      }
      decision = new AuthDecision(connection, username);
      engine
          .plan()
          .dispatch(OccasionKind.AUTH, connection.dice(), Occasion.of(username, null), decision);
      decision.decide();
      if (decision.ended()) {
        // The client gets no answer: the connection is gone, hung or disconnected.
        throw new AsyncAuthException();
      }
      if (decision.rejected()) {
        return decision.answer(Boolean.FALSE);
      }
      return decision.answer(auth.auth(session, username, service, buffer));
    }

    @Override
    public Boolean next(Buffer buffer) throws Exception {
      Boolean result = auth.next(buffer);
      return decision == null ? result : decision.answer(result);
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
