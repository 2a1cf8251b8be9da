package io.github.sshfaults.sshd.journal.internal;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.internal.Credentials;
import io.github.sshfaults.sshd.journal.AuthAttempt;
import java.io.IOException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.session.ServerSession;

/**
 * Records the host's decision on each authentication request of one method. Wrapping the method,
 * not the authenticator, records what the client experienced: one attempt per decided request, not
 * one per authenticator call (a public-key login asks twice), and failures the authenticator never
 * sees, such as a bad signature.
 */
final class RecordingUserAuthFactory implements UserAuthFactory {

  private final UserAuthFactory factory;
  private final AuthMethod method;
  private final RecordingJournal journal;

  private RecordingUserAuthFactory(
      UserAuthFactory factory, AuthMethod method, RecordingJournal journal) {
    this.factory = factory;
    this.method = method;
    this.journal = journal;
  }

  /**
   * {@code factory}, recording the requests of its method in {@code journal}: one of the methods a
   * fake host offers ({@link AuthMethod}); any other is left as it is.
   */
  static UserAuthFactory wrap(UserAuthFactory factory, RecordingJournal journal) {
    for (AuthMethod method : AuthMethod.values()) {
      if (method.protocolName().equals(factory.getName())) {
        return new RecordingUserAuthFactory(factory, method, journal);
      }
    }
    return factory;
  }

  @Override
  public String getName() {
    return factory.getName();
  }

  @Override
  public UserAuth createUserAuth(ServerSession session) throws IOException {
    return new Recording(factory.createUserAuth(session));
  }

  /** One step of an authentication exchange: a request, or the reply to the host's question. */
  @FunctionalInterface
  private interface Step {
    Boolean run() throws Exception;
  }

  private final class Recording implements UserAuth {

    private final UserAuth delegate;

    Recording(UserAuth delegate) {
      this.delegate = delegate;
    }

    @Override
    public Boolean auth(ServerSession session, String username, String service, Buffer buffer)
        throws Exception {
      return recorded(session, username, () -> delegate.auth(session, username, service, buffer));
    }

    @Override
    public Boolean next(Buffer buffer) throws Exception {
      return recorded(getServerSession(), getUsername(), () -> delegate.next(buffer));
    }

    // Null means "not decided yet" (a public-key query, a keyboard-interactive prompt).
    private Boolean recorded(ServerSession session, String user, Step step) throws Exception {
      Boolean accepted;
      try {
        accepted = step.run();
      } catch (AsyncAuthException pending) {
        pending.addListener(result -> record(session, user, result));
        throw pending;
      } catch (Exception e) {
        record(session, user, false, "failed: " + e);
        throw e;
      }
      if (accepted != null) {
        record(session, user, accepted);
      }
      return accepted;
    }

    private void record(ServerSession session, String user, boolean accepted) {
      String reason = session.removeAttribute(Credentials.VERDICT);
      record(session, user, accepted, reason != null ? reason : accepted ? "accepted" : "rejected");
    }

    private void record(ServerSession session, String user, boolean accepted, String reason) {
      journal.record(
          session, (s, t, c) -> new AuthAttempt(s, t, c, user, method, accepted, reason));
    }

    @Override
    public void destroy() {
      delegate.destroy();
    }

    @Override
    public String getName() {
      return delegate.getName();
    }

    @Override
    public ServerSession getSession() {
      return delegate.getSession();
    }

    @Override
    public ServerSession getServerSession() {
      return delegate.getServerSession();
    }

    @Override
    public String getUsername() {
      return delegate.getUsername();
    }
  }
}
