package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.Condition.Knowledge;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One kind of occasion for faults: a stage, the effect interface whose implementations act there,
 * what the occasion knows, and how the engine calls the effects. The one table of the fault model:
 * the stages a fault may be placed at, and whether it takes a byte count there, are read from it
 * and from the interfaces each effect implements, never listed per effect.
 *
 * @param <E> the effect interface of the occasion
 * @param <I> its injector, which the engine implements
 */
public final class OccasionKind<E extends Effect, I> {

  /** Whether faults of a kind count bytes: {@link io.github.sshfaults.faults.Fault#afterBytes}. */
  enum Bytes {
    /** No byte count: it must stay 0. */
    NONE,
    /** Any byte count, 0 included. */
    ANY,
    /** A byte count above 0. */
    POSITIVE;

    boolean accepts(long bytes) {
      return switch (this) {
        case NONE -> bytes == 0;
        case ANY -> true;
        case POSITIVE -> bytes > 0;
      };
    }
  }

  /** How the engine hands one firing to one effect. */
  @FunctionalInterface
  private interface Application<E, I> {
    void apply(E effect, I injector, Firing firing);
  }

  /** While such a fault is in the plan, nothing listens: no occasion, see {@link ListenEffect}. */
  public static final OccasionKind<ListenEffect, Void> LISTEN =
      new OccasionKind<>(
          "listen",
          Stage.CONNECT,
          ListenEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, none) -> true,
          (effect, none, firing) -> {});

  /** A connection accepted, before the host's first byte. */
  public static final OccasionKind<ConnectEffect, ConnectEffect.Injector> CONNECT =
      new OccasionKind<>(
          "connect",
          Stage.CONNECT,
          ConnectEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          ConnectEffect::atConnect);

  /** The host's identification line. */
  public static final OccasionKind<BannerEffect, BannerEffect.Injector> BANNER =
      new OccasionKind<>(
          "banner",
          Stage.BANNER,
          BannerEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          BannerEffect::atBanner);

  /** A key exchange. */
  public static final OccasionKind<KexEffect, KexEffect.Injector> KEX =
      new OccasionKind<>(
          "kex",
          Stage.KEX,
          KexEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          KexEffect::atKex);

  /** A connection's authentication as a whole, before any user is named. */
  public static final OccasionKind<AuthMethodsEffect, AuthMethodsEffect.Injector> AUTH_METHODS =
      new OccasionKind<>(
          "authentication methods",
          Stage.AUTH,
          AuthMethodsEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          AuthMethodsEffect::atAuthStart);

  /** One authentication request. */
  public static final OccasionKind<AuthEffect, AuthEffect.Injector> AUTH =
      new OccasionKind<>(
          "authentication request",
          Stage.AUTH,
          AuthEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER),
          AuthEffect::actsOn,
          AuthEffect::atAuth);

  /** A connection that has just authenticated. */
  public static final OccasionKind<AfterAuthEffect, AfterAuthEffect.Injector> AFTER_AUTH =
      new OccasionKind<>(
          "after authentication",
          Stage.AFTER_AUTH,
          AfterAuthEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER),
          AfterAuthEffect::actsOn,
          AfterAuthEffect::atAfterAuth);

  /** A request to open a channel. */
  public static final OccasionKind<ChannelOpenEffect, ChannelOpenEffect.Injector> CHANNEL_OPEN =
      new OccasionKind<>(
          "channel open",
          Stage.CHANNEL_OPEN,
          ChannelOpenEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER),
          ChannelOpenEffect::actsOn,
          ChannelOpenEffect::atChannelOpen);

  /** A command, before its output. */
  public static final OccasionKind<ExecEffect, ExecEffect.Injector> EXEC =
      new OccasionKind<>(
          "exec",
          Stage.EXEC,
          ExecEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER, Knowledge.COMMAND),
          (effect, injector) -> true,
          ExecEffect::atExec);

  /** A command's stdout, once it reached the fault's byte count. */
  public static final OccasionKind<OutputEffect, OutputEffect.Injector> OUTPUT =
      new OccasionKind<>(
          "output",
          Stage.OUTPUT,
          OutputEffect.class,
          Bytes.ANY,
          EnumSet.of(Knowledge.USER, Knowledge.COMMAND),
          (effect, injector) -> true,
          OutputEffect::atOutput);

  /** One SFTP request. */
  public static final OccasionKind<SftpEffect, SftpEffect.Injector> SFTP =
      new OccasionKind<>(
          "SFTP request",
          Stage.SFTP,
          SftpEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER, Knowledge.SFTP_REQUEST),
          (effect, injector) -> true,
          SftpEffect::atSftp);

  /** The transfer of one open file, past the fault's byte count. */
  public static final OccasionKind<SftpTransferEffect, SftpTransferEffect.Injector> SFTP_TRANSFER =
      new OccasionKind<>(
          "SFTP transfer",
          Stage.SFTP,
          SftpTransferEffect.class,
          Bytes.POSITIVE,
          EnumSet.of(Knowledge.USER, Knowledge.SFTP_REQUEST),
          (effect, injector) -> true,
          SftpTransferEffect::atSftpTransfer);

  /** A scripted shell about to write its prompt. */
  public static final OccasionKind<ShellEffect, ShellEffect.Injector> SHELL =
      new OccasionKind<>(
          "shell prompt",
          Stage.SHELL,
          ShellEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER, Knowledge.COMMAND),
          (effect, injector) -> true,
          ShellEffect::atShell);

  /**
   * The answer to a line typed in a scripted shell, once it reached the fault's byte count: the
   * same endings as a command's stdout.
   */
  public static final OccasionKind<OutputEffect, OutputEffect.Injector> SHELL_OUTPUT =
      new OccasionKind<>(
          "shell output",
          Stage.SHELL,
          OutputEffect.class,
          Bytes.POSITIVE,
          EnumSet.of(Knowledge.USER, Knowledge.COMMAND),
          (effect, injector) -> true,
          OutputEffect::atOutput);

  /** A request to open a tunnel that the host allows. */
  public static final OccasionKind<ForwardingEffect, ForwardingEffect.Injector> FORWARDING =
      new OccasionKind<>(
          "forwarding",
          Stage.FORWARDING,
          ForwardingEffect.class,
          Bytes.NONE,
          EnumSet.of(Knowledge.USER),
          (effect, injector) -> true,
          ForwardingEffect::atForwarding);

  /** A tunnel's bytes in one direction, past the fault's byte count. */
  public static final OccasionKind<ForwardingCutEffect, ForwardingCutEffect.Injector>
      FORWARDING_CUT =
          new OccasionKind<>(
              "forwarding cut",
              Stage.FORWARDING,
              ForwardingCutEffect.class,
              Bytes.POSITIVE,
              EnumSet.of(Knowledge.USER),
              (effect, injector) -> true,
              ForwardingCutEffect::atForwardingCut);

  /** A connection's byte stream, shaped when it is accepted. */
  public static final OccasionKind<TransportEffect, TransportEffect.Injector> TRANSPORT =
      new OccasionKind<>(
          "transport",
          Stage.TRANSPORT,
          TransportEffect.class,
          Bytes.NONE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          TransportEffect::atTransport);

  /** A connection's byte stream, cut after the fault's byte count. */
  public static final OccasionKind<TransportCutEffect, TransportCutEffect.Injector> TRANSPORT_CUT =
      new OccasionKind<>(
          "transport cut",
          Stage.TRANSPORT,
          TransportCutEffect.class,
          Bytes.POSITIVE,
          EnumSet.noneOf(Knowledge.class),
          (effect, injector) -> true,
          TransportCutEffect::atTransportCut);

  /** Every kind, in the order of their stages. */
  static final List<OccasionKind<?, ?>> ALL =
      List.of(
          LISTEN,
          CONNECT,
          BANNER,
          KEX,
          AUTH_METHODS,
          AUTH,
          AFTER_AUTH,
          CHANNEL_OPEN,
          EXEC,
          OUTPUT,
          SFTP,
          SFTP_TRANSFER,
          SHELL,
          SHELL_OUTPUT,
          FORWARDING,
          FORWARDING_CUT,
          TRANSPORT,
          TRANSPORT_CUT);

  private final String name;
  private final Stage stage;
  private final Class<E> type;
  private final Bytes bytes;
  private final Set<Knowledge> knows;
  private final BiPredicate<E, I> acts;
  private final Application<E, I> application;

  private OccasionKind(
      String name,
      Stage stage,
      Class<E> type,
      Bytes bytes,
      Set<Knowledge> knows,
      BiPredicate<E, I> acts,
      Application<E, I> application) {
    this.name = name;
    this.stage = stage;
    this.type = type;
    this.bytes = bytes;
    this.knows = Set.copyOf(knows);
    this.acts = acts;
    this.application = application;
  }

  /** The stage of the occasion. */
  public Stage stage() {
    return stage;
  }

  /** Whether a fault with {@code effect} and {@code afterBytes} is one of this kind. */
  boolean takes(Effect effect, long afterBytes) {
    return type.isInstance(effect) && bytes.accepts(afterBytes);
  }

  /** Whether the effect can act on this kind of occasion at all, byte count aside. */
  boolean accepts(Effect effect) {
    return type.isInstance(effect);
  }

  /** Whether faults of this kind count bytes. */
  boolean countsBytes() {
    return bytes != Bytes.NONE;
  }

  /** Whether the occasion knows {@code knowledge}. */
  boolean knows(Knowledge knowledge) {
    return knows.contains(knowledge);
  }

  /** Whether {@code effect}, of this kind, can act on the occasion {@code injector} is about. */
  boolean acts(Effect effect, I injector) {
    return acts.test(type.cast(effect), injector);
  }

  /** Hands {@code firing} to its effect, which tells {@code injector} what to do. */
  void apply(Firing firing, I injector) {
    application.apply(type.cast(firing.effect()), injector, firing);
  }

  /** The stages where {@code effect} can act, in stage order. */
  static List<Stage> stagesOf(Effect effect) {
    return ALL.stream()
        .filter(kind -> kind.accepts(effect))
        .map(kind -> kind.stage)
        .distinct()
        .sorted()
        .toList();
  }

  /** The stages where {@code effect} takes a byte count, in stage order. */
  static List<Stage> countingStagesOf(Effect effect) {
    return ALL.stream()
        .filter(kind -> kind.countsBytes() && kind.accepts(effect))
        .map(kind -> kind.stage)
        .distinct()
        .sorted()
        .toList();
  }

  /** The stages some occasion of which knows {@code knowledge}, in stage order. */
  static List<Stage> stagesKnowing(Knowledge knowledge) {
    return ALL.stream()
        .filter(kind -> kind.knows(knowledge))
        .map(kind -> kind.stage)
        .distinct()
        .sorted()
        .toList();
  }

  /** The kind of a fault with these parts, or null when it has none. */
  static OccasionKind<?, ?> of(Effect effect, Stage stage, long afterBytes) {
    for (OccasionKind<?, ?> kind : ALL) {
      if (kind.stage == stage && kind.takes(effect, afterBytes)) {
        return kind;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name + " (" + stage + ")";
  }
}
