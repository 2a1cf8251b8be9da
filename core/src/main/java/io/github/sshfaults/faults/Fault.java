package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One thing that goes wrong on a fake host: an {@link Effect} at a {@link Stage} of a connection,
 * when a {@link Trigger} says so. Immutable: each fluent call returns a new fault, and checks at
 * once that the combination makes sense.
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
 */
@CheckReturnValue
public final class Fault {

  private static final Map<Class<? extends Effect>, List<Stage>> STAGES =
      Map.ofEntries(
          Map.entry(Effect.Refuse.class, List.of(Stage.CONNECT)),
          Map.entry(
              Effect.Drop.class,
              List.of(
                  Stage.CONNECT,
                  Stage.KEX,
                  Stage.AUTH,
                  Stage.AFTER_AUTH,
                  Stage.CHANNEL_OPEN,
                  Stage.EXEC,
                  Stage.OUTPUT,
                  Stage.SFTP,
                  Stage.TRANSPORT)),
          Map.entry(
              Effect.Reset.class,
              List.of(
                  Stage.CONNECT,
                  Stage.KEX,
                  Stage.AFTER_AUTH,
                  Stage.CHANNEL_OPEN,
                  Stage.EXEC,
                  Stage.OUTPUT,
                  Stage.SFTP,
                  Stage.TRANSPORT)),
          Map.entry(
              Effect.Hang.class,
              List.of(
                  Stage.CONNECT,
                  Stage.KEX,
                  Stage.AUTH,
                  Stage.CHANNEL_OPEN,
                  Stage.EXEC,
                  Stage.OUTPUT,
                  Stage.SFTP)),
          Map.entry(
              Effect.Delayed.class,
              List.of(Stage.BANNER, Stage.AUTH, Stage.EXEC, Stage.SFTP, Stage.TRANSPORT)),
          Map.entry(Effect.GarbageText.class, List.of(Stage.BANNER)),
          Map.entry(Effect.RandomGarbage.class, List.of(Stage.BANNER)),
          Map.entry(
              Effect.Disconnect.class,
              List.of(
                  Stage.AFTER_AUTH,
                  Stage.KEX,
                  Stage.AUTH,
                  Stage.CHANNEL_OPEN,
                  Stage.EXEC,
                  Stage.OUTPUT,
                  Stage.SFTP)),
          Map.entry(Effect.NoCommonAlgorithm.class, List.of(Stage.KEX)),
          Map.entry(Effect.SwapHostKey.class, List.of(Stage.KEX)),
          Map.entry(Effect.RejectAuth.class, List.of(Stage.AUTH)),
          Map.entry(Effect.RequireAuthMethods.class, List.of(Stage.AUTH)),
          Map.entry(Effect.TooManyAuthFailures.class, List.of(Stage.AUTH)),
          Map.entry(Effect.RejectChannelOpen.class, List.of(Stage.CHANNEL_OPEN)),
          Map.entry(Effect.LimitChannels.class, List.of(Stage.CHANNEL_OPEN)),
          Map.entry(Effect.LimitSessions.class, List.of(Stage.AFTER_AUTH)),
          Map.entry(Effect.ExitWith.class, List.of(Stage.EXEC)),
          Map.entry(Effect.Throttle.class, List.of(Stage.EXEC, Stage.TRANSPORT)),
          Map.entry(Effect.SftpError.class, List.of(Stage.SFTP)));

  /** The length of {@link #garbageBanner()}'s random bytes. */
  static final int RANDOM_GARBAGE_LENGTH = 64;

  private final Effect effect;
  private final Stage stage;
  private final Trigger trigger;
  private final long afterBytes;
  private final Direction direction;

  private Fault(Effect effect, Stage stage, Trigger trigger, long afterBytes, Direction direction) {
    this.effect = effect;
    this.stage = stage;
    this.trigger = trigger;
    this.afterBytes = afterBytes;
    this.direction = direction;
    validate();
  }

  private static Fault of(Effect effect) {
    return new Fault(
        effect, STAGES.get(effect.getClass()).get(0), Trigger.always(), 0, Direction.TO_CLIENT);
  }

  // ---------------------------------------------------------------- effects

  /**
   * Nothing listens on the host's port while this fault is in the plan: clients get "connection
   * refused" at once, as from a host whose server is down. Connections already open stay open. Only
   * at {@link Stage#CONNECT} and only without a trigger, because a refused connection is never
   * accepted, so there is nothing to count or match.
   */
  public static Fault refuse() {
    return of(new Effect.Refuse());
  }

  /**
   * The host closes the connection with a TCP FIN and no SSH goodbye, as a crashing server or a
   * proxy closing an idle connection does. Everything sent before still reaches the client. Default
   * stage {@link Stage#CONNECT}: accepted, then closed before the banner.
   */
  public static Fault dropConnection() {
    return of(new Effect.Drop());
  }

  /**
   * The host resets the connection (TCP RST): clients report "connection reset", and data in flight
   * to them may be lost. Default stage {@link Stage#CONNECT}. Not at {@link Stage#AUTH}: an RST
   * needs bytes from the client left unread, and while a client waits for the answer to its
   * authentication request nothing makes every client speak; use {@link Stage#AFTER_AUTH} or {@link
   * #dropConnection()}.
   */
  public static Fault resetConnection() {
    return of(new Effect.Reset());
  }

  /**
   * Something never comes. Default stage {@link Stage#CONNECT}: the connection is accepted and
   * stays open, and the host never sends a byte. At {@link Stage#KEX} the host sends its
   * identification line and nothing more; at {@link Stage#AUTH} it never answers the authentication
   * request; at {@link Stage#CHANNEL_OPEN} it never answers the channel request. Clients fail at
   * their own timeouts, if they have one. At {@link Stage#EXEC} the command sends all its output
   * but never its exit status nor end of file, and at {@link Stage#OUTPUT} it stops after {@link
   * #afterBytes(long)} bytes of stdout: the command hangs, the connection still works. At {@link
   * Stage#SFTP} the SFTP subsystem stops answering, from the request that fired on (or once a
   * transfer went past {@link #afterBytes(long)} bytes); other channels still work.
   */
  public static Fault hang() {
    return of(new Effect.Hang());
  }

  /**
   * The host waits before going on. Default stage {@link Stage#BANNER}: the identification line is
   * late. At {@link Stage#AUTH} the answer to each authentication request is late; at {@link
   * Stage#EXEC} the command's first output; at {@link Stage#SFTP} the answer to each SFTP request
   * the fault fires on; at {@link Stage#TRANSPORT} every write, in order.
   */
  public static Fault delay(Delay delay) {
    return of(new Effect.Delayed(delay));
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
    return of(new Effect.GarbageText(text));
  }

  /**
   * The host sends 64 random bytes (from the seed) instead of its identification line, then closes.
   */
  public static Fault garbageBanner() {
    return of(new Effect.RandomGarbage(RANDOM_GARBAGE_LENGTH));
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
    return of(new Effect.Disconnect(reasonCode, message));
  }

  /**
   * The host offers, for {@code kind}, only an algorithm no client implements, so key exchange
   * fails as against a server with an incompatible configuration. Only at {@link Stage#KEX}.
   */
  public static Fault noCommonAlgorithm(AlgorithmKind kind) {
    return of(new Effect.NoCommonAlgorithm(kind));
  }

  /**
   * The host presents another host key of the same type, as a reinstalled or impersonated server
   * would; clients that verify keys refuse it. Only at {@link Stage#KEX}; combine with {@link
   * #fromConnection(int)} to swap the key from one connection to the next.
   */
  public static Fault swapHostKey() {
    return of(new Effect.SwapHostKey());
  }

  /**
   * The host rejects authentication by the given methods, or by every method when none is given,
   * whatever the credentials. The client may try other methods. Only at {@link Stage#AUTH}.
   */
  public static Fault rejectAuth(AuthMethod... methods) {
    notNull(methods, "authentication methods");
    Arrays.stream(methods).forEach(m -> notNull(m, "authentication method"));
    return of(new Effect.RejectAuth(Set.copyOf(Arrays.asList(methods))));
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
    return of(new Effect.RequireAuthMethods(methods));
  }

  /**
   * At the {@code maxTries}-th failed authentication request of a connection, the host sends {@code
   * SSH_MSG_DISCONNECT} reason 2 "Too many authentication failures" instead of a failure, as
   * OpenSSH does at {@code MaxAuthTries}. Only at {@link Stage#AUTH}.
   */
  public static Fault tooManyAuthFailures(int maxTries) {
    return of(new Effect.TooManyAuthFailures(maxTries));
  }

  /**
   * The host refuses to open a channel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and {@code
   * reason}. The description text the client sees is chosen by Apache MINA SSHD. Only at {@link
   * Stage#CHANNEL_OPEN}.
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
    return of(new Effect.RejectChannelOpen(reasonCode));
  }

  /**
   * The host refuses a channel when the connection already has {@code max} open, with reason {@link
   * ChannelOpenFailure#ADMINISTRATIVELY_PROHIBITED}, as OpenSSH does beyond {@code MaxSessions}.
   * Only at {@link Stage#CHANNEL_OPEN}.
   */
  public static Fault limitChannels(int max) {
    return of(new Effect.LimitChannels(max));
  }

  /**
   * The host disconnects a connection that has just authenticated when {@code max} authenticated
   * connections are already open, with reason {@link DisconnectReason#TOO_MANY_CONNECTIONS}. Only
   * at {@link Stage#AFTER_AUTH}.
   */
  public static Fault limitSessions(int max) {
    return of(new Effect.LimitSessions(max));
  }

  /**
   * The command sends nothing on stdout, {@code stderr} on the standard error and exits with {@code
   * exitCode}, whatever its stub says. Only at {@link Stage#EXEC}; combine with {@link
   * #forCommand(String)} to fail one command.
   *
   * @param exitCode 0 to 255
   */
  public static Fault exitWith(int exitCode, String stderr) {
    return of(new Effect.ExitWith(exitCode, stderr));
  }

  /**
   * Bytes flow at most at {@code bytesPerSecond}, sent in chunks of at most {@code chunkSize}.
   * Default stage {@link Stage#EXEC}: a command's stdout. At {@link Stage#TRANSPORT} the whole
   * connection, in the fault's {@link #direction(Direction)}.
   */
  public static Fault throttle(long bytesPerSecond, int chunkSize) {
    return of(new Effect.Throttle(bytesPerSecond, chunkSize));
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
    return of(new Effect.SftpError(status, message));
  }

  // ---------------------------------------------------------------- where

  /**
   * This fault at {@code stage}.
   *
   * @throws IllegalArgumentException when the effect cannot happen there, naming the stages where
   *     it can, or when the trigger needs something the stage does not know (a user, a command)
   */
  public Fault at(Stage stage) {
    notNull(stage, "stage");
    return new Fault(effect, stage, trigger, afterBytes, direction);
  }

  /**
   * This fault once {@code bytes} bytes have gone by: of the command's stdout at {@link
   * Stage#OUTPUT}, of one open file's transfer (read or written, counted per open file) at {@link
   * Stage#SFTP}, of the connection in the fault's direction at {@link Stage#TRANSPORT}. For {@link
   * #dropConnection()}, {@link #resetConnection()}, and at {@link Stage#OUTPUT} and {@link
   * Stage#SFTP} also {@link #hang()} and {@link #disconnect(DisconnectReason, String)}, and {@link
   * #sftpError(SftpStatus)} at {@link Stage#SFTP}. There the host passes on the first {@code bytes}
   * bytes of a file, then fails the read or write that would go past them (a disk that fills up
   * during an upload: {@code sftpError(SftpStatus.NO_SPACE_ON_FILESYSTEM).afterBytes(1 << 20)});
   * files no longer than that are not touched.
   *
   * @throws IllegalArgumentException when negative, or when the fault is not at one of those stages
   *     yet (call {@link #at(Stage)} first)
   */
  public Fault afterBytes(long bytes) {
    return new Fault(effect, stage, trigger, notNegative(bytes, "byte count"), direction);
  }

  /**
   * Which way the bytes of a {@link Stage#TRANSPORT} fault flow: {@link Direction#TO_CLIENT} unless
   * set. For {@link #throttle(long, int)}, {@link #dropConnection()} and {@link #resetConnection()}
   * at {@link Stage#TRANSPORT}; a reset after a byte count needs {@link Direction#FROM_CLIENT},
   * since only unread bytes from the client make the kernel send an RST.
   */
  public Fault direction(Direction direction) {
    notNull(direction, "direction");
    return new Fault(effect, stage, trigger, afterBytes, direction);
  }

  // ---------------------------------------------------------------- when

  /** This fault, firing only when {@code trigger} also holds (the conditions add up). */
  public Fault when(Trigger trigger) {
    notNull(trigger, "trigger");
    return new Fault(effect, stage, this.trigger.and(trigger), afterBytes, direction);
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

  /** What the fault does. */
  public Effect effect() {
    return effect;
  }

  /** Where it strikes. */
  public Stage stage() {
    return stage;
  }

  /** When it fires. */
  public Trigger trigger() {
    return trigger;
  }

  /** The byte count of {@link #afterBytes(long)}; 0 unless set. */
  public long afterBytes() {
    return afterBytes;
  }

  /** The direction of {@link #direction(Direction)}; {@link Direction#TO_CLIENT} unless set. */
  public Direction direction() {
    return direction;
  }

  /** The stages where this fault's effect can happen, its default first. */
  public List<Stage> allowedStages() {
    return STAGES.get(effect.getClass());
  }

  // ---------------------------------------------------------------- validation

  private void validate() {
    List<Stage> allowed = allowedStages();
    if (!allowed.contains(stage)) {
      throw new IllegalArgumentException(
          effect + " cannot happen at stage " + stage + "; it can at " + names(allowed));
    }
    if (afterBytes > 0) {
      checkAfterBytes();
    }
    if (direction != Direction.TO_CLIENT) {
      boolean streamFault =
          effect instanceof Effect.Drop
              || effect instanceof Effect.Reset
              || effect instanceof Effect.Throttle;
      if (stage != Stage.TRANSPORT || !streamFault) {
        throw new IllegalArgumentException(
            "direction "
                + direction
                + " applies to dropConnection(), resetConnection() and"
                + " throttle() at stage TRANSPORT, but this fault is "
                + effect
                + " at "
                + stage);
      }
    }
    if (stage == Stage.TRANSPORT
        && effect instanceof Effect.Reset
        && afterBytes > 0
        && direction == Direction.TO_CLIENT) {
      throw new IllegalArgumentException(
          "resetConnection() after "
              + afterBytes
              + " bytes at stage TRANSPORT counts what the"
              + " client sends: call direction(Direction.FROM_CLIENT) before afterBytes. A reset"
              + " needs unread bytes from the client, and a client cut off in the middle of a"
              + " packet sends none; use dropConnection() to cut what the host sends");
    }
    for (Trigger.Condition condition : trigger.conditions()) {
      checkCondition(condition);
    }
  }

  private void checkAfterBytes() {
    Set<Class<? extends Effect>> counting =
        switch (stage) {
          case OUTPUT ->
              Set.of(
                  Effect.Drop.class,
                  Effect.Reset.class,
                  Effect.Hang.class,
                  Effect.Disconnect.class);
          case SFTP ->
              Set.of(
                  Effect.Drop.class,
                  Effect.Reset.class,
                  Effect.Hang.class,
                  Effect.Disconnect.class,
                  Effect.SftpError.class);
          case TRANSPORT -> Set.of(Effect.Drop.class, Effect.Reset.class);
          default -> Set.of();
        };
    if (!counting.contains(effect.getClass())) {
      throw new IllegalArgumentException(
          "afterBytes("
              + afterBytes
              + ") applies to dropConnection() and resetConnection() at stage"
              + " OUTPUT, SFTP or TRANSPORT, to hang() and disconnect() at OUTPUT and SFTP, and to"
              + " sftpError() at SFTP, but this fault is "
              + effect
              + " at "
              + stage
              + (counting.isEmpty() ? "; call at(Stage...) first" : ""));
    }
  }

  private void checkCondition(Trigger.Condition condition) {
    if (effect instanceof Effect.Refuse) {
      throw new IllegalArgumentException(
          "refuse() cannot have a trigger ("
              + trigger
              + "): a refused connection is never accepted,"
              + " so there is nothing to count or match; remove the fault to accept connections"
              + " again");
    }
    if (condition instanceof Trigger.User && !stage.knowsUser()) {
      throw new IllegalArgumentException(
          condition
              + " needs a stage where the user is known ("
              + names(userStages())
              + "), but "
              + effect
              + " is at "
              + stage);
    }
    if (condition instanceof Trigger.User && effect instanceof Effect.RequireAuthMethods) {
      throw new IllegalArgumentException(
          condition
              + " cannot trigger "
              + effect
              + ": the host announces its methods before the"
              + " client names its user");
    }
    if ((condition instanceof Trigger.SftpRequest
            || condition instanceof Trigger.PathGlob
            || condition instanceof Trigger.ExactPath)
        && !stage.knowsSftpRequest()) {
      throw new IllegalArgumentException(
          condition
              + " needs stage SFTP, where the SFTP request is known, but "
              + effect
              + " is at "
              + stage);
    }
    if (condition instanceof Trigger.Command && !stage.knowsCommand()) {
      throw new IllegalArgumentException(
          condition
              + " needs stage EXEC or OUTPUT, where the command is known, but "
              + effect
              + " is at "
              + stage);
    }
  }

  private static List<Stage> userStages() {
    return Arrays.stream(Stage.values()).filter(Stage::knowsUser).toList();
  }

  private static String names(List<Stage> stages) {
    return stages.stream().map(Stage::name).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fault that
        && effect.equals(that.effect)
        && stage == that.stage
        && trigger.equals(that.trigger)
        && afterBytes == that.afterBytes
        && direction == that.direction;
  }

  @Override
  public int hashCode() {
    return Objects.hash(effect, stage, trigger, afterBytes, direction);
  }

  /**
   * The fault as it reads in a plan: {@code dropConnection() at OUTPUT after 4096 bytes when
   * command("cat big.log")}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(effect).append(" at ").append(stage);
    if (afterBytes > 0 || stage == Stage.OUTPUT) {
      text.append(" after ").append(afterBytes).append(afterBytes == 1 ? " byte" : " bytes");
    }
    if (direction != Direction.TO_CLIENT) {
      text.append(" ").append(direction);
    }
    if (!trigger.isAlways()) {
      text.append(" when ").append(trigger);
    }
    return text.toString();
  }
}
