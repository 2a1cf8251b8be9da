package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.checkState;
import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.internal.Seeds;
import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.internal.Glob;
import io.github.sshfaults.internal.Regex;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.Credentials;
import io.github.sshfaults.sshd.internal.HostServer;
import io.github.sshfaults.sshd.internal.HostTasks;
import io.github.sshfaults.sshd.internal.OpenHosts;
import io.github.sshfaults.sshd.internal.Keys;
import io.github.sshfaults.sshd.internal.ServerFactory;
import io.github.sshfaults.sshd.internal.FilesQuota;
import io.github.sshfaults.sshd.internal.SftpServer;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.internal.shell.ShellServer;
import io.github.sshfaults.sshd.internal.shell.Shells;
import io.github.sshfaults.sshd.internal.tunnel.RemoteForwardingServer;
import io.github.sshfaults.sshd.internal.tunnel.TunnelServer;
import io.github.sshfaults.sshd.internal.plan.HostPlan;
import io.github.sshfaults.sshd.internal.plan.PlanFile;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import io.github.sshfaults.sshd.journal.Forwarding;
import io.github.sshfaults.sshd.journal.Journal;
import io.github.sshfaults.sshd.journal.internal.FaultRecorder;
import io.github.sshfaults.sshd.journal.internal.JournalHooks;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.sshd.server.SshServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake SSH host: an embedded Apache MINA SSHD server on loopback that lets in the users a test
 * declares and answers exec requests from stubs, never by running anything on the real machine.
 * A plan file (YAML or JSON) can describe hosts for Java tests and the standalone server alike:
 * {@link #fromPlan(Path)}.
 *
 * <pre>{@code
 * try (FakeSshHost host = FakeSshHost.start()) {
 *   host.user("alice", "secret");
 *   host.command("uptime").replies("up 3 days\n");
 *   // connect any SSH client to host.host(), host.port() as alice/secret and run "uptime"
 * }
 * }</pre>
 *
 * <p>A host listens on {@code 127.0.0.1} on an ephemeral port (unless its {@link Builder} says
 * otherwise) and presents an ECDSA P-256 host key (or another {@link HostKeyType}) shared by every
 * fake host in the JVM; {@link #knownHostsLine()} and {@link #hostKeyFingerprint()} let clients
 * verify it instead of accepting any key. Nobody can
 * log in until a test declares a user with {@link #user(String, String)}, {@link #user(String,
 * PublicKey)} or {@link #userWithNewKey(String)}, or explicitly calls {@link
 * #acceptAnyCredentials()}. A command with no stub exits with status 127 and {@code <program>:
 * command not found} on stderr, as a shell does. Every host also serves its {@linkplain #files()
 * files}, an in-memory file system, over SFTP.
 *
 * <p>One precedence rule holds for stubs and faults alike: the newest wins. When several stubs
 * match a command line, the one added last answers; when several faults fire on one occasion and
 * exclude each other (two endings, two exit codes), the one added last takes effect, while faults
 * that combine (a delay and a drop) all apply. So a narrow stub or fault added later overrides a
 * broad one added before.
 *
 * <p>Users and stubs may be added while clients are connected; they apply from the next
 * authentication or command on. Everything the host sees is recorded in its {@link #journal()}.
 * {@link #reset()} returns a host to its {@linkplain #markBaseline() baseline}, so one host can
 * serve many tests. All methods are thread-safe. {@link #close()} stops the server, closes every
 * session and stops every thread the host started.
 *
 * <p>A closed host stays readable: its {@link #journal()}, {@link #seed()}, {@link #port()} and
 * {@link #toString()} still answer, for reports. Every call that would change it (users, stubs,
 * faults, the network controls, {@link #reset()}, {@link #markBaseline()}) throws an {@link
 * IllegalStateException} that names the host and the call: {@code cannot add faults to
 * FakeSshHost[web, 127.0.0.1:40123, seed=...]: it is closed}. Its {@linkplain #files() files} went
 * with it: see {@link HostFiles}.
 *
 * <p>Faults make the host fail on cue, on the wire, as real servers and networks fail: see {@link
 * #faults()} and {@link Fault}. The network can fail as a whole too: {@link #partition()}, {@link
 * #heal()}, {@link #dropAllSessions()}, {@link #stop()}, {@link #restart()}. Random decisions
 * derive from the host's {@link #seed()}, shown by {@link #toString()}.
 */
public final class FakeSshHost implements AutoCloseable, SshTarget {

  private static final Logger LOG = LoggerFactory.getLogger(FakeSshHost.class);

  /** What {@link #command(String)} and its kin would do to a closed host. */
  static final String STUB = "stub commands on";

  private final Credentials credentials;
  private final CommandStubs stubs = new CommandStubs();
  private final Shells shells = new Shells();
  private final Tunnels tunnels = new Tunnels();
  private final RemoteForwardingUsers remoteForwarding = new RemoteForwardingUsers();
  private final HostFiles files;
  private final String name;
  private final AlgorithmSet algorithms;
  private final Timing timing;
  private final HostKeyType hostKeyType;
  private final KeyPair hostKey;
  private final RecordingJournal journal;
  private final FaultEngine faults;
  private final HostFaults faultsView = new FaultsOfOpenHost();
  private final HostServer server;
  private final ExecutorService commandExecutor;
  private final String bindAddress;
  private final int port;
  private volatile Baseline baseline;
  private volatile boolean closed;

  /** What {@link #reset()} returns to. */
  private record Baseline(
      Credentials.Snapshot users,
      List<CommandStubs.Stub> stubs,
      List<Shells.Entry> shells,
      HostFiles.Snapshot files,
      FaultPlan faults,
      Map<String, Set<TunnelDestination>> tunnels,
      Set<String> remoteForwarding) {}

  private FakeSshHost(Builder builder) {
    this.credentials = new Credentials(builder.authMethods);
    this.files = new HostFiles(this, builder.filesQuota);
    this.faults =
        new FaultEngine(Seeds.resolve(builder.seed), builder.faultPlan, builder.timing.delays());
    this.timing = builder.timing;
    HostTasks executor = HostTasks.forCommands();
    this.commandExecutor = executor;
    this.name = builder.name;
    this.algorithms = builder.algorithms;
    this.hostKeyType = builder.hostKeyType;
    this.hostKey = Keys.sharedHostKey(hostKeyType);
    this.journal = new RecordingJournal(builder.journalCapacity);
    faults.setListener(new FaultRecorder(journal));
    this.bindAddress = builder.bindAddress;
    this.server = new HostServer(bindAddress, this::createServer);
    this.baseline =
        new Baseline(
            credentials.snapshot(),
            stubs.snapshot(),
            shells.snapshot(),
            files.snapshot(),
            faults.faults().plan(),
            tunnels.snapshot(),
            remoteForwarding.snapshot());
    try {
      server.start(builder.port);
    } catch (RuntimeException e) {
      executor.shutdownNow();
      faults.close();
      files.close();
      throw e;
    }
    OpenHosts.opened(this);
    this.port = server.port();
    faults.onRefusalChange(() -> server.refuse(faults.refusing()));
    server.refuse(faults.refusing());
    journal.describeAs(toString());
    if (builder.plan != null) {
      try {
        builder.plan.setUp(this);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      markBaseline();
    }
    LOG.debug("Started {}", this);
  }

  // Called again by restart(), on the same port.
  private SshServer createServer(int port) {
    SshServer created =
        ServerFactory.create(
            port, algorithms, hostKey, credentials, stubs, commandExecutor, faults);
    created.setHost(bindAddress);
    SftpServer.install(created, files::root, files.quota(), faults, journal, this);
    ShellServer.install(created, shells, stubs, commandExecutor, journal, faults);
    TunnelServer.install(created, tunnels, journal, faults);
    RemoteForwardingServer.install(created, remoteForwarding, journal);
    JournalHooks.install(created, journal); // last: it records what every other layer decided
    return created;
  }

  /** Starts a fake host with the default settings. */
  public static FakeSshHost start() {
    return builder().start();
  }

  /** A builder for a fake host with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the host that the plan file {@code plan} describes: {@code
   * builder().plan(plan).start()}. A plan file is YAML (or JSON) that the standalone server reads
   * too, so one file serves Java tests and tests in any other language:
   *
   * <pre>{@code
   * try (FakeSshHost web = FakeSshHost.fromPlan(Path.of("src/test/resources/web.yaml"))) {
   *   ...
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException naming the file, line and field when the plan is malformed,
   *     and the hosts when it describes more than one (see {@link #allFromPlan(Path)} and {@link
   *     Builder#plan(Path, String)})
   */
  public static FakeSshHost fromPlan(Path plan) {
    return builder().plan(plan).start();
  }

  /**
   * Starts every host that the plan file {@code plan} describes, in the file's order, each named
   * after its section. The caller closes them (or registers them with the JUnit extension's {@code
   * HostRegistry}); if one fails to start, those already started are closed again.
   *
   * @throws IllegalArgumentException naming the file, line and field when the plan is malformed
   */
  public static List<FakeSshHost> allFromPlan(Path plan) {
    notNull(plan, "plan file");
    List<FakeSshHost> started = new ArrayList<>();
    try {
      for (HostPlan host : PlanFile.read(plan).hosts()) {
        started.add(builder().plan(host).start());
      }
      return List.copyOf(started);
    } catch (RuntimeException e) {
      for (FakeSshHost host : started) {
        try {
          host.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  /**
   * The address the host listens on: {@code 127.0.0.1}, a loopback address, unless its builder was
   * given another ({@link Builder#bindAddress(String)}).
   */
  public String host() {
    return bindAddress;
  }

  /**
   * The port the host listens on: chosen by the operating system at start, unless its builder was
   * given one ({@link Builder#port(int)}).
   */
  public int port() {
    return port;
  }

  /** {@link #host()} and {@link #port()} together. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host(), port);
  }

  /**
   * How reports, tables and messages name this host: the {@linkplain Builder#name(String) name} it
   * was given (the JUnit extension names hosts after their parameter or field), or {@code
   * 127.0.0.1:port}.
   */
  @Override
  public String displayName() {
    return name != null ? name : host() + ":" + port;
  }

  /** The public host key the host presents during key exchange. */
  public PublicKey hostKey() {
    return hostKey.getPublic();
  }

  /** The kind of host key the host presents. */
  public HostKeyType hostKeyType() {
    return hostKeyType;
  }

  /** The algorithms the host offers. */
  public AlgorithmSet algorithms() {
    return algorithms;
  }

  /**
   * How long the host takes for what a real server spends time on: {@link Timing#FAST} unless set.
   */
  public Timing timing() {
    return timing;
  }

  /**
   * What the host has seen and done so far: connections, authentication attempts, commands, faults
   * fired. See {@link Journal} for queries and waits, and {@link
   * io.github.sshfaults.sshd.assertions.SshFaultsAssertions#verify(FakeSshHost)} for verification.
   */
  public Journal journal() {
    return journal;
  }

  /**
   * A {@code known_hosts} line for this host, {@code [127.0.0.1]:port ecdsa-sha2-nistp256 AAAA...},
   * for clients that verify host keys from a known_hosts file (JSch, sshj, OpenSSH).
   */
  public String knownHostsLine() {
    // OpenSSH writes the default port without brackets.
    String where = port == 22 ? host() : "[" + host() + "]:" + port;
    return where + " " + Keys.publicKeyEntry(hostKey());
  }

  /** The host key's SHA-256 fingerprint, {@code SHA256:...}, as OpenSSH prints it. */
  public String hostKeyFingerprint() {
    return Keys.fingerprint(hostKey());
  }

  /**
   * Lets {@code name} log in with {@code password}, by the {@code password} method and, where the
   * host offers it, {@code keyboard-interactive} (one prompt, answered with the password). Declaring
   * the same user again replaces the password.
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the name is blank or the password empty
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost user(String name, String password) {
    checkOpen("declare users on");
    notBlank(name, "user name");
    notEmpty(password, "password of user " + quote(name));
    credentials.addPassword(name, password);
    return this;
  }

  /**
   * Lets {@code name} log in with the private half of {@code publicKey}. A user may have several
   * keys and a password.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost user(String name, PublicKey publicKey) {
    checkOpen("declare users on");
    notBlank(name, "user name");
    credentials.addKey(name, notNull(publicKey, "public key of user " + quote(name)));
    return this;
  }

  /**
   * Generates a key pair for {@code name}, lets that user log in with it, and returns it so the
   * test can hand the private half to its client.
   *
   * @throws IllegalStateException when the host is closed
   */
  public UserKey userWithNewKey(String name) {
    checkOpen("declare users on");
    UserKey key = UserKey.generate(name);
    credentials.addKey(name, key.publicKey());
    return key;
  }

  /**
   * The authentication methods the host offers to users not given methods of their own ({@link
   * #authMethodsFor(String, AuthMethod, AuthMethod...)}), in the order it offers them: {@code
   * publickey,password} unless its builder said otherwise ({@link Builder#authMethods(AuthMethod,
   * AuthMethod...)}).
   */
  public List<AuthMethod> authMethods() {
    return credentials.hostMethods();
  }

  /**
   * Offers {@code user} exactly these authentication methods, in this order, instead of the host's,
   * as an sshd whose {@code Match User} block sets {@code AuthenticationMethods}: the list the
   * client reads in each {@code SSH_MSG_USERAUTH_FAILURE}, and the only methods the host tries. The
   * user need not be declared (yet); declaring methods again replaces them. Applies from the next
   * connection on.
   *
   * <pre>{@code
   * host.user("ci", ciKey.publicKey()).authMethodsFor("ci", AuthMethod.PUBLIC_KEY);
   * }</pre>
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the name is blank, or a method is null or named twice,
   *     naming the list and the methods there are
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost authMethodsFor(String user, AuthMethod first, AuthMethod... more) {
    checkOpen("declare authentication methods on");
    notBlank(user, "user name");
    credentials.offer(user, methods(first, more));
    return this;
  }

  // A list that may hold nulls, for Credentials to check and report.
  private static List<AuthMethod> methods(AuthMethod first, AuthMethod... more) {
    List<AuthMethod> methods = new ArrayList<>();
    methods.add(first);
    methods.addAll(Arrays.asList(notNull(more, "authentication methods")));
    return methods;
  }

  /**
   * Lets anybody in with any user name, password or key. Only for tests that are not about
   * authentication; without this call, nobody gets in who was not declared.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost acceptAnyCredentials() {
    checkOpen("accept any credentials on");
    credentials.acceptAny();
    return this;
  }

  /**
   * Starts a stub for exactly {@code commandLine}, as the client sends it. Nothing is registered
   * until the returned stubbing is finished ({@link CommandStubbing#replies(String)}, ...).
   *
   * @throws IllegalArgumentException when the command line is null or blank
   * @throws IllegalStateException when the host is closed
   */
  @CheckReturnValue
  public CommandStubbing<FakeSshHost> command(String commandLine) {
    checkOpen(STUB);
    notBlank(commandLine, "command line");
    return stubbing(handler -> CommandStubs.exact(commandLine, handler));
  }

  /**
   * Starts a stub for every command line that {@code glob} matches as a whole: {@code *} matches
   * any characters, {@code ?} one character, everything else itself, as in {@link
   * io.github.sshfaults.faults.Trigger#forCommandGlob(String) fault triggers}. {@code
   * commandGlob("systemctl *")} answers {@code systemctl restart nginx}. Nothing is registered
   * until the returned stubbing is finished.
   *
   * @throws IllegalArgumentException when the glob is null or blank
   * @throws IllegalStateException when the host is closed
   */
  @CheckReturnValue
  public CommandStubbing<FakeSshHost> commandGlob(String glob) {
    checkOpen(STUB);
    Glob compiled = Glob.commandLine(glob);
    return stubbing(handler -> CommandStubs.glob(compiled, handler));
  }

  /**
   * Starts a stub for every command line that {@code regex} matches as a whole ({@link
   * java.util.regex.Matcher#matches()}). Nothing is registered until the returned stubbing is
   * finished.
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   * @throws IllegalStateException when the host is closed
   */
  @CheckReturnValue
  public CommandStubbing<FakeSshHost> commandMatching(String regex) {
    checkOpen(STUB);
    return commandMatching(Regex.commandLine(regex));
  }

  /**
   * Starts a stub for every command line that {@code pattern} matches as a whole. Nothing is
   * registered until the returned stubbing is finished.
   *
   * @throws IllegalStateException when the host is closed
   */
  @CheckReturnValue
  public CommandStubbing<FakeSshHost> commandMatching(Pattern pattern) {
    checkOpen(STUB);
    notNull(pattern, "command pattern");
    return stubbing(handler -> CommandStubs.regex(pattern, handler));
  }

  private CommandStubbing<FakeSshHost> stubbing(Function<CommandHandler, CommandStubs.Stub> stub) {
    return new CommandStubbing<>(
        handler -> {
          checkOpen(STUB);
          stubs.add(stub.apply(handler));
          return this;
        });
  }

  /**
   * Gives every user {@code shell}: a shell request gets it, instead of being refused as by a host
   * without a shell. A shell given later, to every user or to one, replaces it for the users it
   * applies to: the newest wins, as with stubs.
   *
   * <pre>{@code
   * host.shell(Shell.prompt("router> ").withLine("show version", "IOS 15.2\n"));
   * }</pre>
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost shell(Shell shell) {
    checkOpen("give shells on");
    shells.add(null, notNull(shell, "shell").script());
    return this;
  }

  /**
   * Gives {@code user} {@code shell}, as {@link #shell(Shell)} does for every user; the newest
   * shell that applies to a user wins.
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the user name is blank
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost shell(String user, Shell shell) {
    checkOpen("give shells on");
    notBlank(user, "user name");
    shells.add(user, notNull(shell, "shell").script());
    return this;
  }

  /**
   * Lets {@code user} open tunnels ({@code direct-tcpip} channels, as {@code ssh -L}, JSch's {@code
   * setPortForwardingL}, sshj's {@code LocalPortForwarder} and {@code ProxyJump} open) to these
   * destinations, besides those allowed before. Only endpoints inside the test can be
   * destinations: another fake host, or a socket the test opened on loopback (see {@link
   * TunnelDestination}). Every other request is refused with {@code
   * SSH_OPEN_ADMINISTRATIVELY_PROHIBITED} (1), a destination that does not accept the connection
   * with {@code SSH_OPEN_CONNECT_FAILED}
   * (2), and nothing outside loopback is ever connected to. A host without this call refuses every
   * tunnel. Each request is recorded in the journal as a {@link
   * io.github.sshfaults.sshd.journal.Forwarding}, each tunnel's end with the bytes it carried as a
   * {@link io.github.sshfaults.sshd.journal.ForwardingEnded}.
   *
   * <pre>{@code
   * ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
   * host.allowForwarding("alice", TunnelDestination.socket(database.getLocalPort()));
   * // the code under test forwards a local port to 127.0.0.1:<database port> through host
   * verify(host).forwardedTo(TunnelDestination.socket(database.getLocalPort()));
   * }</pre>
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the user name is blank
   * @throws NullPointerException when a destination is null
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost allowForwarding(
      String user, TunnelDestination first, TunnelDestination... more) {
    checkOpen("allow forwarding on");
    notBlank(user, "user name");
    List<TunnelDestination> destinations = new ArrayList<>();
    destinations.add(notNull(first, "tunnel destination"));
    for (TunnelDestination destination : notNull(more, "tunnel destinations")) {
      destinations.add(notNull(destination, "tunnel destination"));
    }
    tunnels.allow(user, destinations);
    return this;
  }

  /**
   * Lets {@code user} have ports forwarded remotely ({@code tcpip-forward}, as {@code ssh -R},
   * JSch's {@code setPortForwardingR}, sshj's {@code RemotePortForwarder} and MINA SSHD's {@code
   * startRemotePortForwarding} ask): the host listens on the port the client asks for (port 0: a
   * free port it chooses, as OpenSSH does), and carries each connection to it to the client in a
   * {@code forwarded-tcpip} channel, to whatever the client forwards it to.
   *
   * <p>The host binds loopback only, whatever address the client names, as OpenSSH's sshd with its
   * default {@code GatewayPorts no}: {@code ::1} when the client names an IPv6 address, {@code
   * 127.0.0.1} otherwise ({@code localhost}, {@code 0.0.0.0}, the empty wildcard, any other name
   * or address, which is never looked up). The client hears the bound port in the reply to its
   * request, and the test reads it from the journal's {@link
   * io.github.sshfaults.sshd.journal.RemoteForwarding#bound()}. A user without this call is
   * refused with {@code SSH_MSG_REQUEST_FAILURE}, as is a port that cannot be bound. {@code
   * cancel-tcpip-forward} and the end of the connection release the port. Each connection to the
   * port is recorded, with the bytes it carried, as a {@link
   * io.github.sshfaults.sshd.journal.ForwardedConnectionEnded}.
   *
   * <pre>{@code
   * host.allowRemoteForwarding("alice");
   * // the code under test asks the host to forward its port 0 to a service of its own
   * int port = verify(host, once()).remoteForwardings().get(0).bound().getPort();
   * try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
   *   // reaches the client's service through the SSH connection
   * }
   * }</pre>
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the user name is blank
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost allowRemoteForwarding(String user) {
    checkOpen("allow remote forwarding on");
    remoteForwarding.allow(notBlank(user, "user name"));
    return this;
  }

  /**
   * The index of this host's connection that came through the tunnel {@code forwarding}, which a
   * bastion recorded when it forwarded to this host ({@link TunnelDestination#host(FakeSshHost)}):
   * what ties a jump host's journal to the inner host's, hop by hop.
   *
   * <pre>{@code
   * Forwarding hop = verify(bastion, once()).forwardedTo(TunnelDestination.host(inner)).get(0);
   * int connection = inner.connectionVia(hop).orElseThrow();
   * verify(inner).authenticated("alice");   // and inner.journal().eventsOf(connection)
   * }</pre>
   *
   * @return the connection's 1-based index in this host's journal; empty when the tunnel did not
   *     open, led elsewhere, or the journal no longer holds the connection
   */
  public OptionalInt connectionVia(Forwarding forwarding) {
    notNull(forwarding, "forwarding");
    if (forwarding.source() == null) {
      return OptionalInt.empty();
    }
    return journal.connections().stream()
        .filter(accepted -> forwarding.source().equals(accepted.peer()))
        .mapToInt(ConnectionAccepted::connection)
        .reduce((first, later) -> later);
  }

  /**
   * The host's files, served over SFTP to every user who logs in: an in-memory file system rooted
   * at {@code /}, empty on a new host.
   *
   * <pre>{@code
   * host.files().write("/data/report.csv", "id,value\n1,42\n");
   * // ... the code under test uploads /upload/result.txt
   * assertThat(host.files().readString("/upload/result.txt")).isEqualTo("done");
   * }</pre>
   *
   * <p>Faults at {@link io.github.sshfaults.faults.Stage#SFTP} make SFTP requests fail: see {@link
   * Fault#sftpError(io.github.sshfaults.faults.SftpStatus)}. The files go with the host when it
   * closes: from then on every method of {@link HostFiles} throws a {@link
   * java.nio.file.ClosedFileSystemException} that names the host and the call.
   */
  public HostFiles files() {
    return files;
  }

  /**
   * Remembers the users, stubs, shells, files, forwarding permissions and fault plan declared now
   * as the host's baseline,
   * the state {@link #reset()} returns to. A new host's baseline is what its builder gave it: no
   * users, no stubs, no shells, no files, the builder's faults.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost markBaseline() {
    checkOpen("mark the baseline of");
    baseline =
        new Baseline(
            credentials.snapshot(),
            stubs.snapshot(),
            shells.snapshot(),
            files.snapshot(),
            faults.faults().plan(),
            tunnels.snapshot(),
            remoteForwarding.snapshot());
    return this;
  }

  /**
   * Returns the host to its {@linkplain #markBaseline() baseline}, so it can serve another test as
   * if new: users, stubs, shells, forwarding permissions and faults declared since are forgotten
   * (and those of the baseline
   * restored), the files are those of the baseline again, a {@linkplain #partition() partition} is
   * healed, a {@linkplain #stop() stopped} server is restarted, and the journal is cleared. The
   * port, host key and seed stay; connected clients stay connected. Fault counters (first N
   * connections, at most K firings) start again.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost reset() {
    checkOpen("reset");
    Baseline target = baseline;
    credentials.restore(target.users());
    stubs.restore(target.stubs());
    shells.restore(target.shells());
    files.restore(target.files());
    faults.faults().replace(target.faults());
    tunnels.restore(target.tunnels());
    remoteForwarding.restore(target.remoteForwarding());
    if (faults.isPartitioned()) {
      faults.heal();
    }
    if (!server.isRunning()) {
      server.restart();
    }
    journal.clear();
    LOG.debug("Reset {}", this);
    return this;
  }

  /**
   * The host's live fault plan: add, replace or clear faults while clients connect.
   *
   * <pre>{@code
   * host.faults().add(Fault.rejectAuth().firstAttempts(2));
   * host.faults().add(Fault.resetConnection().at(Stage.AFTER_AUTH).onConnection(3));
   * }</pre>
   *
   * <p>A change applies to new connections and to the next occasion of open ones (see {@link
   * HostFaults}). Among faults that exclude each other, the one added last takes effect (see {@link
   * Fault}). On a closed host the plan can still be read and described, but {@code add},
   * {@code replace} and {@code clear} throw an {@link IllegalStateException}.
   */
  public HostFaults faults() {
    return faultsView;
  }

  /**
   * The seed from which every random decision of this host derives: set with {@link
   * Builder#seed(long)} or the system property {@value HostFaults#SEED_PROPERTY}, random otherwise.
   */
  public long seed() {
    return faults.seed();
  }

  /**
   * Cuts the host off the network without closing anything: open connections stall in both
   * directions, and new ones are accepted but hear nothing, until {@link #heal()}. Clients see what
   * they see of a broken link: silence, then their own timeouts.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost partition() {
    checkOpen("partition");
    faults.partition();
    LOG.debug("Partitioned {}", this);
    return this;
  }

  /**
   * Ends a {@link #partition()}: held data flows again, in order, and connections that are still
   * open carry on where they stopped.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost heal() {
    checkOpen("heal");
    faults.heal();
    LOG.debug("Healed {}", this);
    return this;
  }

  /**
   * Closes every open connection with a TCP FIN and no SSH goodbye, as a crashing server does. The
   * host keeps accepting new connections.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost dropAllSessions() {
    checkOpen("drop the sessions of");
    faults.dropAllSessions();
    LOG.debug("Dropped all sessions of {}", this);
    return this;
  }

  /**
   * Stops the server: open connections close at once, and nothing listens on {@link #port()}, so
   * clients get "connection refused" until {@link #restart()}.
   *
   * @return this host, for chaining
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost stop() {
    checkOpen("stop");
    server.stop();
    LOG.debug("Stopped {}", this);
    return this;
  }

  /**
   * Stops the server if it runs and starts it again on the same port with the same host key, users,
   * stubs and faults; connection indices carry on.
   *
   * @return this host, for chaining
   * @throws java.io.UncheckedIOException when another process took the port meanwhile
   * @throws IllegalStateException when the host is closed
   */
  public FakeSshHost restart() {
    checkOpen("restart");
    server.restart();
    LOG.debug("Restarted {}", this);
    return this;
  }

  /**
   * Whether {@link #close()} was called: a closed host cannot run again, and every call that would
   * change it throws an {@link IllegalStateException}.
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Whether the server runs: true from start, false after {@link #stop()} until {@link #restart()},
   * and after {@link #close()}. A host that runs may still refuse connections because of {@link
   * Fault#refuse()}.
   */
  public boolean isRunning() {
    return server.isRunning();
  }

  /** Stops the server, closing every session at once, and stops the host's threads. Idempotent. */
  @Override
  public void close() {
    closed = true;
    OpenHosts.closed(this);
    journal.hostClosing();
    try {
      server.close();
    } finally {
      commandExecutor.shutdownNow();
      faults.close();
      files.close();
    }
    try {
      if (!commandExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("Command handlers of {} ignored interruption and are still running", this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("Closed {}", this);
  }

  /** The host's fault engine, for the journal and for tests in this package. */
  FaultEngine faultEngine() {
    return faults;
  }

  /**
   * Throws the error of a call that needs an open host, {@code cannot <action> <this>: it is
   * closed}, when the host is closed.
   *
   * @param action what the call would have done to the host, as in {@code "add faults to"}
   */
  void checkOpen(String action) {
    if (closed) {
      throw new IllegalStateException(closedMessage(action));
    }
  }

  /**
   * The message of every call refused because the host is closed: built here only, so that they all
   * read alike.
   */
  String closedMessage(String action) {
    return "cannot " + action + " " + this + ": it is closed";
  }

  /** The live plan as users see it: read at any time, changed only while the host is open. */
  private final class FaultsOfOpenHost implements HostFaults {

    @Override
    public HostFaults add(Fault... more) {
      checkOpen("add faults to");
      faults.faults().add(more);
      return this;
    }

    @Override
    public HostFaults replace(FaultPlan plan) {
      checkOpen("replace the faults of");
      faults.faults().replace(plan);
      return this;
    }

    @Override
    public HostFaults clear() {
      checkOpen("clear the faults of");
      faults.faults().clear();
      return this;
    }

    @Override
    public FaultPlan plan() {
      return faults.faults().plan();
    }

    @Override
    public long seed() {
      return faults.seed();
    }

    @Override
    public String describe() {
      return faults.describe();
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /**
   * {@code FakeSshHost[127.0.0.1:40123, seed=-4962768465676381896]}, with the name first when the
   * host has one: {@code FakeSshHost[web, 127.0.0.1:40123, seed=...]}.
   */
  @Override
  public String toString() {
    return "FakeSshHost["
        + (name != null ? name + ", " : "")
        + host()
        + ":"
        + port
        + ", seed="
        + faults.seed()
        + "]";
  }

  /**
   * Settings for a fake host that differ from the defaults. Each setter validates at once.
   *
   * <pre>{@code
   * FakeSshHost host = FakeSshHost.builder().algorithms(AlgorithmSet.OPENSSH).start();
   * }</pre>
   */
  public static final class Builder {

    private String name;
    private AlgorithmSet algorithms = AlgorithmSet.FAST;
    private Timing timing = Timing.FAST;
    private HostKeyType hostKeyType = HostKeyType.ECDSA_P256;
    private List<AuthMethod> authMethods = Credentials.DEFAULT_METHODS;
    private int journalCapacity = Journal.DEFAULT_CAPACITY;
    private long filesQuota = HostFiles.DEFAULT_QUOTA;
    private Long seed;
    private FaultPlan faultPlan = FaultPlan.empty();
    private String bindAddress = ServerFactory.LOOPBACK;
    private int port;
    private HostPlan plan;

    private Builder() {}

    /**
     * Takes the settings of the only host the plan file {@code planFile} describes: its name, seed,
     * algorithms, host key type and faults here, and its users, command stubs and files once it has
     * started, as its {@linkplain FakeSshHost#markBaseline() baseline}. Setters called after this
     * one override the plan's settings. Relative paths in the plan are relative to its folder.
     *
     * <pre>
     * hosts:
     *   web:
     *     seed: 42
     *     users:
     *       deploy: {password: s3cret}
     *     commands:
     *       - command: uptime
     *         stdout: "up 3 days\n"
     *     faults:
     *       - drop-connection at=after-auth with-probability=0.3
     * </pre>
     *
     * <p>Faults are written as their {@link Fault} factory call and fluent calls in kebab case
     * ({@code reject-auth for-user=bob}); the user guide describes the whole format.
     *
     * @throws IllegalArgumentException naming the file, line and field when the plan is malformed,
     *     and its hosts when it describes more than one
     */
    public Builder plan(Path planFile) {
      return plan(PlanFile.read(notNull(planFile, "plan file")).only());
    }

    /**
     * Takes the settings of host {@code hostName} of the plan file {@code planFile}, as {@link
     * #plan(Path)} does for a plan's only host.
     *
     * @throws IllegalArgumentException naming the file, line and field when the plan is malformed,
     *     and the plan's hosts when it has no host {@code hostName}
     */
    public Builder plan(Path planFile, String hostName) {
      notNull(hostName, "host name");
      return plan(PlanFile.read(notNull(planFile, "plan file")).host(hostName));
    }

    private Builder plan(HostPlan host) {
      host.configure(this);
      this.plan = host;
      return this;
    }

    /**
     * The address the host listens on: {@code 127.0.0.1} unless set. An IP address, not a name;
     * {@code 0.0.0.0} or a public address lets other machines connect, so use one only on purpose.
     *
     * @throws IllegalArgumentException when {@code address} is not an IPv4 or IPv6 address
     */
    public Builder bindAddress(String address) {
      this.bindAddress = ipAddress(address);
      return this;
    }

    /**
     * The port the host listens on: 0 (the default) lets the operating system pick a free one,
     * which is what tests running in parallel need.
     *
     * @throws IllegalArgumentException when {@code port} lies outside 0 to 65535
     */
    public Builder port(int port) {
      this.port = inRange(port, 0, 65535, "port");
      return this;
    }

    /**
     * Names the host in reports, tables and messages ({@link FakeSshHost#displayName()}, {@link
     * FakeSshHost#toString()}), such as {@code "web-1"}; unnamed hosts go by {@code
     * 127.0.0.1:port}.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public Builder name(String name) {
      this.name = notBlank(name, "host name");
      return this;
    }

    /** Which algorithms the host offers; {@link AlgorithmSet#FAST} unless set. */
    public Builder algorithms(AlgorithmSet algorithms) {
      this.algorithms = notNull(algorithms, "algorithm set");
      return this;
    }

    /**
     * How long the host takes for what a real server spends time on; {@link Timing#FAST} (no added
     * cost) unless set. {@link Timing#OPENSSH} costs what OpenSSH's sshd with PAM does: about 0.4 s
     * for a login and a command, 2 to 4 s to refuse a wrong password.
     *
     * <pre>{@code
     * FakeSshHost host = FakeSshHost.builder().timing(Timing.OPENSSH).start();
     * }</pre>
     */
    public Builder timing(Timing timing) {
      this.timing = notNull(timing, "timing");
      return this;
    }

    /**
     * The authentication methods the host offers, in the order it offers them (the list clients
     * read in each {@code SSH_MSG_USERAUTH_FAILURE}, and the only methods it tries): {@code
     * publickey,password} unless set, as OpenSSH's sshd offers them where {@code
     * KbdInteractiveAuthentication} is off (Debian, Ubuntu, Fedora). Whatever users it knows: a
     * real sshd does not offer fewer methods to a user without a password. {@link
     * FakeSshHost#authMethodsFor(String, AuthMethod, AuthMethod...)} changes them for one user.
     *
     * <pre>{@code
     * FakeSshHost.builder()
     *     .authMethods(AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE, AuthMethod.PUBLIC_KEY)
     *     .start();    // keyboard-interactive too, and before public keys
     * }</pre>
     *
     * @throws IllegalArgumentException when a method is null or named twice, naming the list and
     *     the methods there are
     */
    public Builder authMethods(AuthMethod first, AuthMethod... more) {
      this.authMethods = Credentials.checkMethods(methods(first, more), "authentication methods");
      return this;
    }

    /**
     * Which kind of host key the host presents; {@link HostKeyType#ECDSA_P256} unless set.
     *
     * @throws IllegalStateException for {@link HostKeyType#ED25519} when the class path has no
     *     provider for it, naming the dependencies that bring one
     */
    public Builder hostKeyType(HostKeyType hostKeyType) {
      Keys.checkSupported(notNull(hostKeyType, "host key type"));
      this.hostKeyType = hostKeyType;
      return this;
    }

    /**
     * How many events the host's journal keeps before it drops the oldest; {@value
     * Journal#DEFAULT_CAPACITY} unless set. Counts include dropped events.
     *
     * @throws IllegalArgumentException when {@code capacity} is less than 1
     */
    public Builder journalCapacity(int capacity) {
      this.journalCapacity = positive(capacity, "journal capacity");
      return this;
    }

    /**
     * The most space the host's {@linkplain FakeSshHost#files() files} may take, in bytes; {@value
     * HostFiles#DEFAULT_QUOTA} (64 MiB) unless set. The files live in memory, and the quota keeps
     * an upload from filling the test's heap: past it, SFTP writes are answered with {@code
     * SSH_FX_NO_SPACE_ON_FILESYSTEM}, {@code quota of <bytes> bytes exceeded}, the journal
     * records why, and {@link HostFiles#write(String, byte[])} throws. Space is counted in blocks
     * of 4 KiB, as on a disk.
     *
     * <pre>{@code
     * FakeSshHost host = FakeSshHost.builder().filesQuota(1024 * 1024).start();   // 1 MiB
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code bytes} is less than 4096 (one block) or more
     *     than 1 TiB
     */
    public Builder filesQuota(long bytes) {
      this.filesQuota = FilesQuota.check(bytes);
      return this;
    }

    /**
     * The seed of the host's random decisions. Unless set, the system property {@value
     * HostFaults#SEED_PROPERTY} gives it, or a random one is drawn; either way {@link
     * FakeSshHost#seed()} and {@link FakeSshHost#toString()} show it.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The faults the host starts with, in place before its first connection. */
    public Builder faults(Fault... faults) {
      return faults(FaultPlan.of(faults));
    }

    /** The fault plan the host starts with, in place before its first connection. */
    public Builder faults(FaultPlan plan) {
      this.faultPlan = notNull(plan, "fault plan");
      return this;
    }

    /** Starts a host with these settings. Each call starts a new, independent host. */
    public FakeSshHost start() {
      checkState(algorithms != null, "algorithm set is not configured");
      return new FakeSshHost(this);
    }

    // An IP literal, never a name: a name would need a lookup, and may mean several addresses.
    private static String ipAddress(String address) {
      notBlank(address, "bind address");
      String candidate = address.strip();
      boolean v4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      if (v4 && Arrays.stream(candidate.split("\\.")).allMatch(b -> Integer.parseInt(b) <= 255)) {
        return candidate;
      }
      if (!v4 && candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+")) {
        try {
          // With a colon the JDK parses an IPv6 literal and never asks DNS.
          InetAddress.getByName(candidate);
          return candidate;
        } catch (UnknownHostException e) {
          // reported below
        }
      }
      throw new IllegalArgumentException(
          "bind address must be an IPv4 or IPv6 address such as 127.0.0.1, ::1 or 0.0.0.0 (names"
              + " are not looked up), but was "
              + quote(address));
    }
  }
}
