package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.internal.Effect;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.ModelAccess;
import io.github.sshfaults.faults.internal.effects.Delayed;
import io.github.sshfaults.faults.internal.effects.DelayedAuthFailure;
import io.github.sshfaults.faults.internal.effects.Disconnect;
import io.github.sshfaults.faults.internal.effects.Drop;
import io.github.sshfaults.faults.internal.effects.ExitWith;
import io.github.sshfaults.faults.internal.effects.GarbageBytes;
import io.github.sshfaults.faults.internal.effects.GarbageText;
import io.github.sshfaults.faults.internal.effects.Hang;
import io.github.sshfaults.faults.internal.effects.LimitChannels;
import io.github.sshfaults.faults.internal.effects.LimitSessions;
import io.github.sshfaults.faults.internal.effects.NoCommonAlgorithm;
import io.github.sshfaults.faults.internal.effects.RandomGarbage;
import io.github.sshfaults.faults.internal.effects.Refuse;
import io.github.sshfaults.faults.internal.effects.RejectAuth;
import io.github.sshfaults.faults.internal.effects.RejectChannelOpen;
import io.github.sshfaults.faults.internal.effects.RequireAuthMethods;
import io.github.sshfaults.faults.internal.effects.Reset;
import io.github.sshfaults.faults.internal.effects.SeededGarbage;
import io.github.sshfaults.faults.internal.effects.SftpError;
import io.github.sshfaults.faults.internal.effects.ShellNoise;
import io.github.sshfaults.faults.internal.effects.SwapHostKey;
import io.github.sshfaults.faults.internal.effects.Throttle;
import io.github.sshfaults.faults.internal.effects.TooManyAuthFailures;
import io.github.sshfaults.internal.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One thing that goes wrong on a fake host: an effect (what) at a {@link Stage} of a connection
 * (where), when a {@link Trigger} says so (when). A plain value: each fluent call returns a new
 * fault, and checks at once that the combination makes sense; {@code toString()} reads back as the
 * calls that made it.
 *
 * <pre>{@code
 * host.faults().add(Fault.resetConnection());                                   // every connection
 * host.faults().add(Fault.rejectAuth().forUser("deploy").firstAttempts(2));     // fail twice
 * host.faults().add(Fault.disconnect(DisconnectReason.BY_APPLICATION, "maintenance")
 *     .at(Stage.AFTER_AUTH).onConnection(3));
 * host.faults().add(Fault.dropConnection().at(Stage.OUTPUT).afterBytes(4096)
 *     .forCommand("cat big.log"));
 * host.faults().add(Fault.sftpError(SftpStatus.PERMISSION_DENIED).forSftp(SftpAction.WRITE));
 * }</pre>
 *
 * <p>Each effect has a default stage and a set of stages where it can happen; {@link #at(Stage)}
 * rejects the others, naming the allowed ones. Without a trigger a fault fires on every occasion.
 *
 * <p><b>The newest wins.</b> When several faults of a plan fire on one occasion, those that exclude
 * each other do not add up: the most recently added takes effect, and the others are passed over,
 * as the most recently added command stub answers. Faults exclude each other when they do the same
 * thing twice or two things that cannot both happen: two endings of the connection (a drop and a
 * reset, a hang and a disconnect), two answers to one request (a rejection and a drop), two exit
 * codes, two banners, two delays or two throttles of the same thing. Faults that do different
 * things combine: a delay and a drop (the drop comes late), a delay and an exit code, a swapped
 * host key and a disconnect. So a narrower fault added later overrides a broad one, for the
 * occasions it matches. A fault passed over has not fired: it counts nothing, neither in {@link
 * HostFaults#describe()} nor against {@link #atMost(int)}.
 */
@CheckReturnValue
public final class Fault {

  static {
    // The engine reads a fault through this reader only; see ModelAccess.
    ModelAccess.readFaultsWith(fault -> fault.spec);
  }

  /** The length of {@link #garbageBanner()}'s random bytes. */
  static final int RANDOM_GARBAGE_LENGTH = 64;

  private final FaultSpec spec;

  private Fault(FaultSpec spec) {
    this.spec = spec;
  }

  private static Fault of(Effect effect) {
    return new Fault(FaultSpec.of(effect));
  }

  // ---------------------------------------------------------------- effects

  /**
   * Nothing listens on the host's port while this fault is in the plan: clients get "connection
   * refused" at once, as from a host whose server is down. Connections already open stay open. Only
   * at {@link Stage#CONNECT} and only without a trigger, because a refused connection is never
   * accepted, so there is nothing to count or match.
   */
  public static Fault refuse() {
    return of(new Refuse());
  }

  /**
   * The host closes the connection with a TCP FIN and no SSH goodbye, as a crashing server or a
   * proxy closing an idle connection does. Everything sent before still reaches the client. Default
   * stage {@link Stage#CONNECT}: accepted, then closed before the banner.
   */
  public static Fault dropConnection() {
    return of(new Drop());
  }

  /**
   * The host resets the connection (TCP RST): clients report "connection reset", and data in flight
   * to them may be lost. Default stage {@link Stage#CONNECT}. Not at {@link Stage#AUTH}: an RST
   * needs bytes from the client left unread, and while a client waits for the answer to its
   * authentication request nothing makes every client speak; use {@link Stage#AFTER_AUTH} or {@link
   * #dropConnection()}.
   */
  public static Fault resetConnection() {
    return of(new Reset());
  }

  /**
   * Something never comes. Default stage {@link Stage#CONNECT}: the connection is accepted and
   * stays open, and the host never sends a byte. At {@link Stage#KEX} the host sends its
   * identification line and nothing more; at {@link Stage#AUTH} it never answers the authentication
   * request; at {@link Stage#CHANNEL_OPEN} it never answers the channel request. Clients fail at
   * their own timeouts, if they have one. At {@link Stage#EXEC} the command sends all its output
   * but never its exit code nor end of file, and at {@link Stage#OUTPUT} it stops after {@link
   * #afterBytes(long)} bytes of stdout: the command hangs, the connection still works. At {@link
   * Stage#SFTP} the SFTP subsystem stops answering, from the request that fired on (or once a
   * transfer went past {@link #afterBytes(long)} bytes); other channels still work. At {@link
   * Stage#SHELL} a scripted shell never writes its prompt (the first, or the one after the line
   * of {@link #forCommand(String)}) and reads nothing more, or stops after {@link
   * #afterBytes(long)} bytes of a line's answer. At {@link Stage#FORWARDING} the host never answers
   * a request to open a tunnel it allows.
   */
  public static Fault hang() {
    return of(new Hang());
  }

  /**
   * The host waits before going on. Default stage {@link Stage#BANNER}: the identification line is
   * late. At {@link Stage#AUTH} the answer to each authentication request is late; at {@link
   * Stage#EXEC} the command's first output; at {@link Stage#SFTP} the answer to each SFTP request
   * the fault fires on; at {@link Stage#SHELL} each prompt of a scripted shell (the first one:
   * before the prompt; the others: per line); at {@link Stage#FORWARDING} the opening of each
   * tunnel (the host connects to the destination at once, and tells the client late); at {@link
   * Stage#TRANSPORT} every write, in order.
   */
  public static Fault delay(Delay delay) {
    return of(new Delayed(delay));
  }

  /** {@link #delay(Delay)} by a fixed duration. */
  public static Fault delay(Duration duration) {
    return delay(Delay.fixed(duration));
  }

  /**
   * The host sends {@code text} (UTF-8) instead of its identification line, then closes: what a
   * client sees when an HTTP server or a wrong service listens on the port.
   */
  public static Fault garbageBanner(String text) {
    return of(new GarbageText(text));
  }

  /**
   * The host sends 64 random bytes (from the seed) instead of its identification line, then closes.
   */
  public static Fault garbageBanner() {
    return of(new RandomGarbage(RANDOM_GARBAGE_LENGTH));
  }

  /**
   * The host sends exactly {@code bytes} instead of its identification line, then closes: the same
   * bytes on every connection, as a corrupt banner or another binary protocol's greeting. In plan
   * text: {@code garbage-banner hex:00ff0d}.
   *
   * <pre>{@code
   * // MINA SSHD's client: StreamCorruptedException "bad line ending"
   * host.faults().add(Fault.garbageBanner(new byte[] {'S', 'S', 'H', '-', 0x00, '\r', 0x7f, '\n'}));
   * }</pre>
   *
   * @param bytes 1 to 65536 bytes, copied
   * @throws IllegalArgumentException when there are none or too many
   */
  public static Fault garbageBanner(byte[] bytes) {
    return of(new GarbageBytes(bytes));
  }

  /**
   * The host sends {@code length} bytes drawn from the host's seed instead of its identification
   * line, then closes: the same bytes on every connection, and again with the same seed, unlike
   * {@link #garbageBanner()}, whose bytes differ on each connection. In plan text: {@code
   * garbage-banner 64}.
   *
   * @param length 1 to 65536
   * @throws IllegalArgumentException when out of that range
   */
  public static Fault garbageBanner(int length) {
    return of(new SeededGarbage(length));
  }

  /**
   * The host sends {@code SSH_MSG_DISCONNECT} with {@code reason} and {@code message}, then closes.
   * Default stage {@link Stage#AFTER_AUTH}, sent after the client has learnt it is authenticated.
   */
  public static Fault disconnect(DisconnectReason reason, String message) {
    return disconnectWithCode(notNull(reason, "disconnect reason").code(), message);
  }

  /**
   * {@link #disconnect(DisconnectReason, String)} with any reason code, also one RFC 4253 does not
   * define: to see how a client copes with a code it does not know. A code that RFC 4253 defines
   * makes the same fault as {@link #disconnect(DisconnectReason, String)}.
   *
   * @param reasonCode 0 or more (a {@code uint32} on the wire, of which Java's {@code int} reaches
   *     the lower half)
   * @throws IllegalArgumentException when the code is negative
   */
  public static Fault disconnectWithCode(int reasonCode, String message) {
    return of(new Disconnect(reasonCode, message));
  }

  /**
   * The host offers, for {@code kind}, only an algorithm no client implements, so key exchange
   * fails as against a server with an incompatible configuration. Only at {@link Stage#KEX}.
   */
  public static Fault noCommonAlgorithm(AlgorithmKind kind) {
    return of(new NoCommonAlgorithm(kind));
  }

  /**
   * The host presents another host key of the same type, as a reinstalled or impersonated server
   * would; clients that verify keys refuse it. Only at {@link Stage#KEX}; combine with {@link
   * #fromConnection(int)} to swap the key from one connection to the next.
   */
  public static Fault swapHostKey() {
    return of(new SwapHostKey());
  }

  /**
   * The host rejects authentication by the given methods, or by every method when none is given,
   * whatever the credentials. The client may try other methods. Only at {@link Stage#AUTH}.
   */
  public static Fault rejectAuth(AuthMethod... methods) {
    notNull(methods, "authentication methods");
    Arrays.stream(methods).forEach(m -> notNull(m, "authentication method"));
    return of(new RejectAuth(Set.copyOf(Arrays.asList(methods))));
  }

  /**
   * The host answers a failed authentication request by the given methods (by every method when
   * none is given) late by {@code delay}, and a successful one at once: what PAM's failure delay
   * ({@code pam_faildelay}, {@code pam_unix}) does to OpenSSH's sshd, which takes 2 to 4 seconds to
   * refuse a wrong password. Clients whose authentication timeout is shorter fail with a timeout
   * instead of an authentication failure. A failure is late whether the credentials were wrong or
   * a fault rejected them, so {@code rejectAuth()} with this fault refuses slowly. Only at {@link
   * Stage#AUTH}; its occasions, as {@link #firstAttempts(int)} counts them, are the requests by
   * these methods, answered either way.
   *
   * <pre>{@code
   * host.faults().add(Fault.delayAuthFailures(
   *     Delay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(4)),
   *     AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE));   // PAM-like; keys fail at once
   * }</pre>
   *
   * <p>Where {@link #delay(Delay)} at {@link Stage#AUTH} also fires on a failure, the two delay the
   * same answer: the newest applies.
   */
  public static Fault delayAuthFailures(Delay delay, AuthMethod... methods) {
    notNull(methods, "authentication methods");
    Arrays.stream(methods).forEach(m -> notNull(m, "authentication method"));
    return of(new DelayedAuthFailure(notNull(delay, "delay"), Set.copyOf(Arrays.asList(methods))));
  }

  /** {@link #delayAuthFailures(Delay, AuthMethod...)} by a fixed duration. */
  public static Fault delayAuthFailures(Duration duration, AuthMethod... methods) {
    return delayAuthFailures(Delay.fixed(duration), methods);
  }

  /**
   * The host requires these methods one after the other: success with the first earns only partial
   * success, and the client must go on with the next. A client that has only the first credential
   * fails. Only at {@link Stage#AUTH}, decided once per connection when it starts, and not per
   * user, because the host announces its methods before the client names its user.
   */
  public static Fault requireAuthMethods(AuthMethod first, AuthMethod second, AuthMethod... more) {
    List<AuthMethod> methods = new ArrayList<>();
    methods.add(notNull(first, "first authentication method"));
    methods.add(notNull(second, "second authentication method"));
    Arrays.stream(notNull(more, "authentication methods"))
        .forEach(m -> methods.add(notNull(m, "authentication method")));
    return of(new RequireAuthMethods(methods));
  }

  /**
   * At the {@code maxTries}-th failed authentication request of a connection, the host sends {@code
   * SSH_MSG_DISCONNECT} reason 2 "Too many authentication failures" instead of a failure, as
   * OpenSSH does at {@code MaxAuthTries}. Only at {@link Stage#AUTH}.
   */
  public static Fault tooManyAuthFailures(int maxTries) {
    return of(new TooManyAuthFailures(maxTries));
  }

  /**
   * The host refuses to open a channel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and {@code
   * reason}. The description text the client sees is chosen by Apache MINA SSHD. At {@link
   * Stage#CHANNEL_OPEN} any channel; at {@link Stage#FORWARDING} only tunnels the host allows, and
   * the journal's {@code Forwarding} records the refusal with its code:
   *
   * <pre>{@code
   * host.faults().add(Fault.rejectChannelOpen(ChannelOpenFailure.RESOURCE_SHORTAGE)
   *     .at(Stage.FORWARDING).forUser("deploy"));
   * }</pre>
   */
  public static Fault rejectChannelOpen(ChannelOpenFailure reason) {
    return rejectChannelOpenWithCode(notNull(reason, "channel open failure reason").code());
  }

  /**
   * {@link #rejectChannelOpen(ChannelOpenFailure)} with any reason code, also one RFC 4254 does not
   * define. A code that RFC 4254 defines makes the same fault as {@link
   * #rejectChannelOpen(ChannelOpenFailure)}.
   *
   * @param reasonCode 0 or more (a {@code uint32} on the wire, of which Java's {@code int} reaches
   *     the lower half)
   * @throws IllegalArgumentException when the code is negative
   */
  public static Fault rejectChannelOpenWithCode(int reasonCode) {
    return of(new RejectChannelOpen(reasonCode));
  }

  /**
   * The host refuses a channel when the connection already has {@code max} open, with reason {@link
   * ChannelOpenFailure#ADMINISTRATIVELY_PROHIBITED}, as OpenSSH does beyond {@code MaxSessions}.
   * Only at {@link Stage#CHANNEL_OPEN}.
   */
  public static Fault limitChannels(int max) {
    return of(new LimitChannels(max));
  }

  /**
   * The host disconnects a connection that has just authenticated when {@code max} authenticated
   * connections are already open, with reason {@link DisconnectReason#TOO_MANY_CONNECTIONS}. Only
   * at {@link Stage#AFTER_AUTH}.
   */
  public static Fault limitSessions(int max) {
    return of(new LimitSessions(max));
  }

  /**
   * The command sends nothing on stdout, {@code stderr} on the standard error and exits with {@code
   * exitCode}, whatever its stub says. At {@link Stage#EXEC}; combine with {@link
   * #forCommand(String)} to fail one command. At {@link Stage#SHELL} a scripted shell ends instead
   * of writing its prompt: {@code stderr} (on the terminal, with one), then {@code exitCode}; with
   * {@link #forCommand(String)}, after that line's answer, as a device that logs the user out.
   *
   * @param exitCode 0 to 255
   */
  public static Fault exitWith(int exitCode, String stderr) {
    return of(new ExitWith(exitCode, stderr));
  }

  /**
   * Bytes flow at most at {@code bytesPerSecond}, sent in chunks of at most {@code chunkSize}.
   * Default stage {@link Stage#EXEC}: a command's stdout. At {@link Stage#TRANSPORT} the whole
   * connection, at {@link Stage#FORWARDING} each tunnel, in the fault's {@link
   * #direction(Direction)}.
   */
  public static Fault throttle(long bytesPerSecond, int chunkSize) {
    return of(new Throttle(bytesPerSecond, chunkSize));
  }

  /**
   * The host answers an SFTP request with an {@code SSH_FXP_STATUS} error of {@code status} and its
   * usual message ({@link SftpStatus#message()}), instead of doing what was asked. Only at {@link
   * Stage#SFTP}; combine with {@link #forSftp(SftpAction...)} and {@link #forPathGlob(String)} to
   * fail one kind of request on some paths. Clients report it as their SFTP exception with that
   * code.
   */
  public static Fault sftpError(SftpStatus status) {
    notNull(status, "SFTP status");
    return sftpError(status, status.message());
  }

  /** {@link #sftpError(SftpStatus)} with {@code message} as the status message. */
  public static Fault sftpError(SftpStatus status, String message) {
    return of(new SftpError(status, message));
  }

  /**
   * A {@linkplain Stage#SHELL scripted shell} writes {@code text} (UTF-8) before its prompt, as a
   * login script, a terminal's escape sequences or a stray log line do: code that waits for the
   * prompt must skip it. Only at {@link Stage#SHELL}; without a trigger before every prompt, with
   * {@link #forCommand(String)} before the prompt after that line, with {@link #atMost(int)} {@code
   * (1)} before the first one only.
   *
   * <pre>{@code
   * host.faults().add(Fault.shellNoise("\u001b[?2004h\u001b[2J").atMost(1));
   * }</pre>
   */
  public static Fault shellNoise(String text) {
    return of(new ShellNoise(text));
  }

  // ---------------------------------------------------------------- where

  /**
   * This fault at {@code stage}.
   *
   * @throws IllegalArgumentException when the effect cannot happen there, naming the stages where
   *     it can, or when the trigger needs something the stage does not know (a user, a command)
   */
  public Fault at(Stage stage) {
    return new Fault(spec.withStage(stage));
  }

  /**
   * This fault once {@code bytes} bytes have gone by: of the command's stdout at {@link
   * Stage#OUTPUT}, of the answer to one line typed in a scripted shell at {@link Stage#SHELL}, of one open file's transfer (read or written, counted per open file) at {@link
   * Stage#SFTP}, of the connection in the fault's direction at {@link Stage#TRANSPORT}, of one
   * tunnel in the fault's direction at {@link Stage#FORWARDING} (exactly that many pass, then a
   * drop or reset ends the connection). For {@link
   * #dropConnection()}, {@link #resetConnection()}, and at {@link Stage#OUTPUT}, {@link
   * Stage#SHELL} and {@link Stage#SFTP} also {@link #hang()} and {@link #disconnect(DisconnectReason, String)}, and {@link
   * #sftpError(SftpStatus)} at {@link Stage#SFTP}. There the host passes on the first {@code bytes}
   * bytes of a file, then fails the read or write that would go past them (a disk that fills up
   * during an upload: {@code sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM).afterBytes(1 << 20)});
   * files no longer than that are not touched.
   *
   * @throws IllegalArgumentException when negative, or when the fault is not at one of those stages
   *     yet (call {@link #at(Stage)} first)
   */
  public Fault afterBytes(long bytes) {
    return new Fault(spec.withAfterBytes(bytes));
  }

  /**
   * Which way the bytes of a {@link Stage#TRANSPORT} or {@link Stage#FORWARDING} fault flow: {@link
   * Direction#TO_CLIENT} unless set. For {@link #throttle(long, int)}, {@link #dropConnection()} and
   * {@link #resetConnection()} at those stages; on a tunnel {@link Direction#FROM_CLIENT} counts
   * the bytes the client sends to the destination, {@link Direction#TO_CLIENT} those coming back.
   * At {@link Stage#TRANSPORT}: After {@link #afterBytes(long)} bytes to the client, exactly that
   * many reach it; then a drop sends its FIN at once, while a reset comes with the client's next
   * bytes (only unread bytes from the client make the kernel send an RST): at once when the client
   * answers what it received, never while it waits in silence for the rest of a packet.
   */
  public Fault direction(Direction direction) {
    return new Fault(spec.withDirection(direction));
  }

  /**
   * This fault {@code duration} after its occasion instead of at once, as a server that dies some
   * time into a session: at {@link Stage#AFTER_AUTH} counted from the login, at {@link Stage#EXEC}
   * from the command's start (the command runs meanwhile, and may finish first). Whether the fault
   * fires is decided on the occasion, from the seed, as always; only the moment is later. If the
   * connection has ended by then, nothing happens. For {@link #dropConnection()}, {@link
   * #resetConnection()} and {@link #disconnect(DisconnectReason, String)}. In plan text: {@code
   * drop-connection at=exec after=1.5s}.
   *
   * <pre>{@code
   * host.faults().add(Fault.dropConnection().at(Stage.AFTER_AUTH).after(Duration.ofMillis(500)));
   * }</pre>
   *
   * @param duration 0 (at once, the default) to 1 day
   * @throws IllegalArgumentException when out of that range, or when the fault is not one of those
   *     at one of those stages yet (call {@link #at(Stage)} first)
   */
  public Fault after(Duration duration) {
    return new Fault(spec.withAfter(duration));
  }

  // ---------------------------------------------------------------- when

  /** This fault, firing only when {@code trigger} also holds (the conditions add up). */
  public Fault when(Trigger trigger) {
    return new Fault(spec.withConditions(ModelAccess.conditions(trigger)));
  }

  /** Shorthand for {@code when(Trigger.onConnection(index))}. */
  public Fault onConnection(int index) {
    return when(Trigger.onConnection(index));
  }

  /** Shorthand for {@code when(Trigger.firstConnections(count))}. */
  public Fault firstConnections(int count) {
    return when(Trigger.firstConnections(count));
  }

  /** Shorthand for {@code when(Trigger.fromConnection(index))}. */
  public Fault fromConnection(int index) {
    return when(Trigger.fromConnection(index));
  }

  /**
   * Shorthand for {@code when(Trigger.firstAttempts(count))}: fail {@code count} times, then not.
   */
  public Fault firstAttempts(int count) {
    return when(Trigger.firstAttempts(count));
  }

  /** Shorthand for {@code when(Trigger.everyNth(n))}. */
  public Fault everyNth(int n) {
    return when(Trigger.everyNth(n));
  }

  /** Shorthand for {@code when(Trigger.forUser(user))}. */
  public Fault forUser(String user) {
    return when(Trigger.forUser(user));
  }

  /** Shorthand for {@code when(Trigger.forCommand(commandLine))}. */
  public Fault forCommand(String commandLine) {
    return when(Trigger.forCommand(commandLine));
  }

  /** Shorthand for {@code when(Trigger.forCommandGlob(glob))}. */
  public Fault forCommandGlob(String glob) {
    return when(Trigger.forCommandGlob(glob));
  }

  /** Shorthand for {@code when(Trigger.forCommandMatching(regex))}. */
  public Fault forCommandMatching(String regex) {
    return when(Trigger.forCommandMatching(regex));
  }

  /** Shorthand for {@code when(Trigger.forSftp(actions))}. */
  public Fault forSftp(SftpAction... actions) {
    return when(Trigger.forSftp(actions));
  }

  /** Shorthand for {@code when(Trigger.forPath(path))}. */
  public Fault forPath(String path) {
    return when(Trigger.forPath(path));
  }

  /** Shorthand for {@code when(Trigger.forPathGlob(glob))}. */
  public Fault forPathGlob(String glob) {
    return when(Trigger.forPathGlob(glob));
  }

  /** Shorthand for {@code when(Trigger.withProbability(p))}. */
  public Fault withProbability(double p) {
    return when(Trigger.withProbability(p));
  }

  /** Shorthand for {@code when(Trigger.atMost(count))}. */
  public Fault atMost(int count) {
    return when(Trigger.atMost(count));
  }

  // ---------------------------------------------------------------- reading

  /** Where the fault strikes. */
  public Stage stage() {
    return spec.stage();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fault that && spec.equals(that.spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  /**
   * The fault as it reads in a plan: {@code dropConnection() at OUTPUT after 4096 bytes when
   * forCommand("cat big.log")}.
   */
  @Override
  public String toString() {
    return spec.toString();
  }
}
