package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.internal.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.auth.AbstractUserAuthServiceFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ssh-userauth} service of a fake host's connection: Apache MINA SSHD's own, made when
 * the client's first request arrives, with two differences: it offers the methods of the user that
 * request names, and any authentication method may answer a request later.
 *
 * <p>MINA SSHD reads the methods to offer when its service is made, and the user is named only by
 * the client's first request (usually of method {@code none}), so the service is made then, with
 * the user's methods ({@link Credentials#offeredTo(String)}) as the session's {@code
 * AUTH_METHODS}, one alternative each, in order: what the client reads in each {@code
 * SSH_MSG_USERAUTH_FAILURE}, as from an sshd whose {@code Match User} block sets {@code
 * AuthenticationMethods}. MINA SSHD answers a request by a method not offered with a failure,
 * without trying it. A connection whose {@code AUTH_METHODS} a fault set already ({@code
 * requireAuthMethods}) keeps them.
 *
 * <p>A method answers later by throwing an {@link AsyncAuthException} and setting its result when
 * the answer is due, as MINA SSHD's password and keyboard-interactive methods may. MINA SSHD 2.20
 * accepts that of those two methods only: a public-key method that tries has its connection closed
 * ({@code IllegalStateException: Async authentication only allowed for password or
 * keyboard-interactive authentication}). So here no exception reaches MINA SSHD: the methods the
 * service runs are wrapped once more, outermost, and a method that answers later tells MINA SSHD
 * that its request is still in progress, which sends nothing. When the result comes (on the fault
 * timer; no I/O thread waits), the service answers as MINA SSHD would have answered at once:
 * success, partial success or failure. As in MINA SSHD's own asynchronous path, a late result is
 * dropped when the client has sent anything since (the request it answers is gone), or when the
 * connection is closing or already authenticated.
 *
 * <p>The service is not a {@link ServerUserAuthService} itself, so MINA SSHD's welcome banner of
 * phase {@code IMMEDIATE}, which fake hosts never send, would not be sent.
 */
public final class UserAuthService extends AbstractCloseable implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(UserAuthService.class);

  private static final String NONE = "none";

  private final ServerSession session;
  private final Credentials credentials;
  private final Map<String, Object> properties = new ConcurrentHashMap<>();
  private Answering answering; // guarded by this

  private UserAuthService(ServerSession session, Credentials credentials) {
    this.session = session;
    this.credentials = credentials;
  }

  /**
   * Makes {@code server} run this service instead of MINA SSHD's own, offering the methods {@code
   * credentials} name.
   */
  public static void install(SshServer server, Credentials credentials) {
    List<ServiceFactory> factories = new ArrayList<>();
    factories.add(new Factory(credentials));
    List<? extends ServiceFactory> configured = server.getServiceFactories();
    (configured != null ? configured : SshServer.DEFAULT_SERVICE_FACTORIES).stream()
        .filter(f -> !AbstractUserAuthServiceFactory.DEFAULT_NAME.equals(f.getName()))
        .forEach(factories::add);
    server.setServiceFactories(factories);
  }

  /** Makes the service of each connection. */
  private static final class Factory extends AbstractUserAuthServiceFactory {

    private final Credentials credentials;

    Factory(Credentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public Service create(Session session) throws IOException {
      if (!(session instanceof ServerSession serverSession)) {
        throw new IOException("ssh-userauth of a fake host on a client session: " + session);
      }
      return new UserAuthService(serverSession, credentials);
    }
  }

  @Override
  public ServerSession getSession() {
    return session;
  }

  @Override
  public Map<String, Object> getProperties() {
    return properties;
  }

  @Override
  public void start() {
    // MINA SSHD's service is made, and starts, with the first request.
  }

  @Override
  public synchronized void process(int cmd, Buffer buffer) throws Exception {
    if (answering == null) {
      if (CoreModuleProperties.AUTH_METHODS.getOrNull(session) == null) {
        String user = cmd == SshConstants.SSH_MSG_USERAUTH_REQUEST ? peekUser(buffer) : null;
        CoreModuleProperties.AUTH_METHODS.set(
            session,
            credentials.offeredTo(user).stream()
                .map(AuthMethod::protocolName)
                .collect(Collectors.joining(" ")));
      }
      answering = new Answering(session, wrap(session.getUserAuthFactories()));
    }
    answering.process(cmd, buffer);
  }

  // The request's user name, leaving the buffer as it was.
  private static String peekUser(Buffer buffer) {
    int start = buffer.rpos();
    try {
      return buffer.getString();
    } catch (RuntimeException malformed) {
      return null; // MINA SSHD reports it when it reads the request
    } finally {
      buffer.rpos(start);
    }
  }

  // Outermost: no AsyncAuthException of any method reaches MINA SSHD.
  private List<UserAuthFactory> wrap(List<UserAuthFactory> factories) {
    List<UserAuthFactory> wrapped = new ArrayList<>(factories.size());
    for (UserAuthFactory factory : factories) {
      wrapped.add(
          new UserAuthFactory() {
            @Override
            public String getName() {
              return factory.getName();
            }

            @Override
            public UserAuth createUserAuth(ServerSession s) throws IOException {
              return new AnswersLater(factory.createUserAuth(s));
            }
          });
    }
    return wrapped;
  }

  @Override
  protected void doCloseImmediately() {
    Answering inner;
    synchronized (this) {
      inner = answering;
    }
    if (inner != null) {
      inner.close(true);
    }
    super.doCloseImmediately();
  }

  /** Tells MINA SSHD "in progress" where a method would answer later. */
  private synchronized Boolean later(AsyncAuthException later) {
    answering.answerLater(later);
    return null;
  }

  /** MINA SSHD's service, over the methods of this connection, each wrapped in {@link AnswersLater}. */
  private static final class Answering extends ServerUserAuthService {

    private int command; // of the message in process; guarded by this
    private Buffer message; // guarded by this
    private AsyncAuthException waiting; // the request that waits for its answer; guarded by this

    // Every method this connection's methods name, anywhere in a chain.
    private final Set<String> named;

    Answering(ServerSession session, List<UserAuthFactory> factories) throws IOException {
      super(setFactories(session, factories));
      String methods = CoreModuleProperties.AUTH_METHODS.getOrNull(session);
      this.named =
          methods == null
              ? factories.stream().map(UserAuthFactory::getName).collect(Collectors.toSet())
              : Arrays.stream(methods.split("[\\s,]+"))
                  .filter(name -> !name.isEmpty())
                  .collect(Collectors.toSet());
    }

    /**
     * Answers a request by a method the connection never offers as MINA SSHD does, with a failure
     * listing the methods offered, but without the WARN it logs for it ("client sent method=...
     * not in methods that can proceed"). Clients send such requests as a matter of course (sshj
     * tries keyboard-interactive after a password; JSch and MINA SSHD try what they were given),
     * and OpenSSH's sshd logs them only when debugging, so here they are logged at DEBUG. MINA
     * SSHD answers the request as one of method {@code none}, after the same checks of its user,
     * service and count: so the request goes on as one of {@code none}. A method offered only
     * later in a chain of {@code requireAuthMethods} goes to MINA SSHD as sent.
     */
    @Override
    protected boolean handleUserAuthRequestMessage(
        ServerSession s, Buffer buffer, AtomicReference<Boolean> authHolder) throws Exception {
      int start = buffer.rpos();
      String user;
      String service;
      String method;
      try {
        user = buffer.getString();
        service = buffer.getString();
        method = buffer.getString();
      } catch (RuntimeException malformed) {
        return super.handleUserAuthRequestMessage(s, buffer, authHolder); // it reports it
      } finally {
        buffer.rpos(start);
      }
      if (NONE.equals(method) || named.contains(method)) {
        return super.handleUserAuthRequestMessage(s, buffer, authHolder);
      }
      LOG.debug(
          "{} asked to authenticate {} by {}, which the host does not offer it ({}): a failure",
          s,
          Text.abbreviate(user, 80),
          Text.abbreviate(method, 80),
          named);
      Buffer asNone = new ByteArrayBuffer();
      asNone.putString(user);
      asNone.putString(service);
      asNone.putString(NONE);
      return super.handleUserAuthRequestMessage(s, asNone, authHolder);
    }

    // The service reads the session's methods when it is made.
    private static ServerSession setFactories(
        ServerSession session, List<UserAuthFactory> factories) {
      session.setUserAuthFactories(factories);
      return session;
    }

    @Override
    public synchronized void process(int cmd, Buffer buffer) throws Exception {
      waiting = null;
      command = cmd;
      message = buffer;
      super.process(cmd, buffer);
    }

    /** The request in process will be answered when {@code later} has its result. */
    synchronized void answerLater(AsyncAuthException later) {
      waiting = later;
      int cmd = command;
      Buffer buffer = message;
      later.addListener(authenticated -> answer(later, cmd, buffer, authenticated));
    }

    private synchronized void answer(
        AsyncAuthException later, int cmd, Buffer buffer, boolean authenticated) {
      ServerSession session = getServerSession();
      if (waiting != later || isClosing() || session.isClosing() || session.isAuthenticated()) {
        return;
      }
      waiting = null;
      asyncAuth(cmd, buffer, authenticated);
    }
  }

  /** A method of this connection, whose late answers MINA SSHD never sees as such. */
  private final class AnswersLater implements UserAuth {

    private final UserAuth delegate;

    AnswersLater(UserAuth delegate) {
      this.delegate = delegate;
    }

    @Override
    public Boolean auth(ServerSession s, String username, String service, Buffer buffer)
        throws Exception {
      try {
        return delegate.auth(s, username, service, buffer);
      } catch (AsyncAuthException later) {
        return later(later);
      }
    }

    @Override
    public Boolean next(Buffer buffer) throws Exception {
      try {
        return delegate.next(buffer);
      } catch (AsyncAuthException later) {
        return later(later);
      }
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
    public String getName() {
      return delegate.getName();
    }

    @Override
    public String getUsername() {
      return delegate.getUsername();
    }

    @Override
    public void destroy() {
      delegate.destroy();
    }
  }
}
