package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.checkState;
import static io.github.sshfaults.internal.Preconditions.notBlank;
import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.internal.NamedThreadFactory;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.Credentials;
import io.github.sshfaults.sshd.internal.Keys;
import io.github.sshfaults.sshd.internal.ServerFactory;
import io.github.sshfaults.sshd.journal.Journal;
import io.github.sshfaults.sshd.journal.internal.JournalHooks;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.sshd.server.SshServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake SSH host: an embedded Apache MINA SSHD server on loopback that lets in the users a test
 * declares and answers exec requests from stubs, never by running anything on the real machine.
 *
 * <pre>{@code
 * try (FakeSshHost host = FakeSshHost.start()) {
 *   host.user("alice", "secret");
 *   host.command("uptime").replies("up 3 days\n");
 *   // connect any SSH client to host.host(), host.port() as alice/secret and run "uptime"
 * }
 * }</pre>
 *
 * <p>A host listens on {@code 127.0.0.1} on an ephemeral port and presents an ECDSA P-256 host key
 * (or another {@link HostKeyType}) shared by every fake host in the JVM; {@link #knownHostsLine()} and {@link #hostKeyFingerprint()}
 * let clients verify it instead of accepting any key. Nobody can log in until a test declares a
 * user with {@link #user(String, String)}, {@link #user(String, PublicKey)} or {@link
 * #userWithNewKey(String)}, or explicitly calls {@link #acceptAnyCredentials()}. A command with no
 * stub exits with status 127 and {@code <program>: command not found} on stderr, as a shell does.
 *
 * <p>Users and stubs may be added while clients are connected; they apply from the next
 * authentication or command on. Everything the host sees is recorded in its {@link #journal()}.
 * {@link #reset()} returns a host to its {@linkplain #markBaseline() baseline}, so one host can
 * serve many tests. All methods are thread-safe. {@link #close()} stops the server,
 * closes every session and stops every thread the host started.
 */
public final class FakeSshHost implements AutoCloseable, io.github.sshfaults.concurrent.SshTarget {

  private static final Logger LOG = LoggerFactory.getLogger(FakeSshHost.class);

  private final Credentials credentials = new Credentials();
  private final CommandStubs stubs = new CommandStubs();
  private final AlgorithmSet algorithms;
  private final HostKeyType hostKeyType;
  private final KeyPair hostKey;
  private final RecordingJournal journal;
  private final SshServer server;
  private final ExecutorService commandExecutor;
  private final int port;
  private volatile Baseline baseline;

  /** What {@link #reset()} returns to. */
  private record Baseline(Credentials.Snapshot users, List<CommandStubs.Stub> stubs) {}

  private FakeSshHost(Builder builder) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>());
    this.commandExecutor = executor;
    this.algorithms = builder.algorithms;
    this.hostKeyType = builder.hostKeyType;
    this.hostKey = Keys.sharedHostKey(hostKeyType);
    this.journal = new RecordingJournal(builder.journalCapacity);
    this.server = ServerFactory.create(0, algorithms, hostKey, credentials, stubs, executor);
    JournalHooks.install(server, journal); // last: it records what every other layer decided
    this.baseline = new Baseline(credentials.snapshot(), stubs.snapshot());
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Cannot start a fake SSH host on " + ServerFactory.LOOPBACK, e);
    }
    this.port = server.getPort();
    // Named once the port is known; no command can run before start() returns.
    executor.setThreadFactory(new NamedThreadFactory("sshfaults-" + port + "-exec"));
    journal.describeAs(toString());
    LOG.debug("Started {}", this);
  }

  /** Starts a fake host with the default settings. */
  public static FakeSshHost start() {
    return builder().start();
  }

  /** A builder for a fake host with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address the host listens on: always a loopback address, {@code 127.0.0.1}. */
  public String host() {
    return ServerFactory.LOOPBACK;
  }

  /** The port the host listens on, chosen by the operating system at start. */
  public int port() {
    return port;
  }

  /** {@link #host()} and {@link #port()} together. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host(), port);
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
   * What the host has seen and done so far: connections, authentication attempts, commands,
   * faults. See {@link Journal} for queries and waits, and {@link
   * io.github.sshfaults.sshd.journal.Verification#verify(FakeSshHost)} for verification.
   */
  public Journal journal() {
    return journal;
  }

  /**
   * A {@code known_hosts} line for this host, {@code [127.0.0.1]:port ecdsa-sha2-nistp256 AAAA...},
   * for clients that verify host keys from a known_hosts file (JSch, sshj, OpenSSH).
   */
  public String knownHostsLine() {
    return "[" + host() + "]:" + port + " " + Keys.publicKeyEntry(hostKey());
  }

  /** The host key's SHA-256 fingerprint, {@code SHA256:...}, as OpenSSH prints it. */
  public String hostKeyFingerprint() {
    return Keys.fingerprint(hostKey());
  }

  /**
   * Lets {@code name} log in with {@code password} (by the {@code password} and {@code
   * keyboard-interactive} methods). Declaring the same user again replaces the password.
   *
   * @return this host, for chaining
   * @throws IllegalArgumentException when the name is blank or the password empty
   */
  public FakeSshHost user(String name, String password) {
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
   */
  public FakeSshHost user(String name, PublicKey publicKey) {
    notBlank(name, "user name");
    credentials.addKey(name, notNull(publicKey, "public key of user " + quote(name)));
    return this;
  }

  /**
   * Generates a key pair for {@code name}, lets that user log in with it, and returns it so the
   * test can hand the private half to its client.
   */
  public UserKey userWithNewKey(String name) {
    UserKey key = UserKey.generate(name);
    credentials.addKey(name, key.publicKey());
    return key;
  }

  /**
   * Lets anybody in with any user name, password or key. Only for tests that are not about
   * authentication; without this call, nobody gets in who was not declared.
   *
   * @return this host, for chaining
   */
  public FakeSshHost acceptAnyCredentials() {
    credentials.acceptAny();
    return this;
  }

  /**
   * Starts a stub for exactly {@code commandLine}, as the client sends it.
   *
   * @throws IllegalArgumentException when the command line is null or blank
   */
  public CommandStubbing command(String commandLine) {
    notBlank(commandLine, "command line");
    return new CommandStubbing(this, stubs, handler -> CommandStubs.exact(commandLine, handler));
  }

  /**
   * Starts a stub for every command line that {@code regex} matches as a whole ({@link
   * java.util.regex.Matcher#matches()}).
   *
   * @throws IllegalArgumentException naming the expression when it does not compile
   */
  public CommandStubbing commandMatching(String regex) {
    notNull(regex, "command regex");
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "command regex " + quote(regex) + " does not compile: " + e.getDescription(), e);
    }
    return commandMatching(pattern);
  }

  /** Starts a stub for every command line that {@code pattern} matches as a whole. */
  public CommandStubbing commandMatching(Pattern pattern) {
    notNull(pattern, "command pattern");
    return new CommandStubbing(this, stubs, handler -> CommandStubs.regex(pattern, handler));
  }

  /**
   * Remembers the users and stubs declared now as the host's baseline, the state {@link #reset()}
   * returns to. A new host's baseline is empty: no users, no stubs.
   *
   * @return this host, for chaining
   */
  public FakeSshHost markBaseline() {
    baseline = new Baseline(credentials.snapshot(), stubs.snapshot());
    return this;
  }

  /**
   * Returns the host to its {@linkplain #markBaseline() baseline}, so it can serve another test as
   * if new: users and stubs declared since are forgotten (and those of the baseline restored), and
   * the journal is cleared. The port and host key stay; connected clients stay connected.
   *
   * @return this host, for chaining
   */
  public FakeSshHost reset() {
    Baseline target = baseline;
    credentials.restore(target.users());
    stubs.restore(target.stubs());
    journal.clear();
    LOG.debug("Reset {}", this);
    return this;
  }

  /** Whether the host accepts connections: true from start until {@link #close()}. */
  public boolean isRunning() {
    return server.isStarted();
  }

  /**
   * Stops the server, closing every session at once, and stops the host's threads. Idempotent.
   */
  @Override
  public void close() {
    journal.hostClosing();
    try {
      server.stop(true);
    } catch (IOException e) {
      LOG.debug("Error while stopping {}", this, e);
    } finally {
      commandExecutor.shutdownNow();
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

  @Override
  public String toString() {
    return "FakeSshHost[" + host() + ":" + port + "]";
  }

  /**
   * Settings for a fake host that differ from the defaults. Each setter validates at once.
   *
   * <pre>{@code
   * FakeSshHost host = FakeSshHost.builder().algorithms(AlgorithmSet.MINA_DEFAULTS).start();
   * }</pre>
   */
  public static final class Builder {

    private AlgorithmSet algorithms = AlgorithmSet.FAST;
    private HostKeyType hostKeyType = HostKeyType.ECDSA_P256;
    private int journalCapacity = Journal.DEFAULT_CAPACITY;

    private Builder() {}

    /** Which algorithms the host offers; {@link AlgorithmSet#FAST} unless set. */
    public Builder algorithms(AlgorithmSet algorithms) {
      this.algorithms = notNull(algorithms, "algorithm set");
      return this;
    }

    /** Which kind of host key the host presents; {@link HostKeyType#ECDSA_P256} unless set. */
    public Builder hostKeyType(HostKeyType hostKeyType) {
      this.hostKeyType = notNull(hostKeyType, "host key type");
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

    /** Starts a host with these settings. Each call starts a new, independent host. */
    public FakeSshHost start() {
      checkState(algorithms != null, "algorithm set is not configured");
      return new FakeSshHost(this);
    }
  }
}
