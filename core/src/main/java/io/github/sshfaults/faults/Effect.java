package io.github.sshfaults.faults;

import static io.github.sshfaults.internal.Preconditions.check;
import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notEmpty;
import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.positive;
import static io.github.sshfaults.internal.Preconditions.quote;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link Fault} does when it fires. Build effects through {@link Fault}'s factory methods
 * ({@link Fault#resetConnection()}, {@link Fault#rejectAuth(AuthMethod...)}, ...); each one is
 * described there. These records exist so that fault engines and reports can read a fault; their
 * {@code toString()} is the factory call that makes them.
 */
public sealed interface Effect {

  /** Nothing listens on the host's port: every client gets "connection refused". */
  record Refuse() implements Effect {
    @Override
    public String toString() {
      return "refuse()";
    }
  }

  /** The host closes the TCP connection (FIN) without an SSH goodbye. */
  record Drop() implements Effect {
    @Override
    public String toString() {
      return "dropConnection()";
    }
  }

  /** The host resets the TCP connection (RST): data in flight to the client is lost. */
  record Reset() implements Effect {
    @Override
    public String toString() {
      return "resetConnection()";
    }
  }

  /** The host keeps the connection open and stops answering. */
  record Hang() implements Effect {
    @Override
    public String toString() {
      return "hang()";
    }
  }

  /** The host waits before answering or sending. */
  record Delayed(Delay delay) implements Effect {
    /** Validates the delay. */
    public Delayed {
      notNull(delay, "delay");
    }

    @Override
    public String toString() {
      return "delay(" + delay + ")";
    }
  }

  /** The host sends {@code text} instead of its identification line, then closes (FIN). */
  record GarbageText(String text) implements Effect {
    /** Validates the text. */
    public GarbageText {
      notEmpty(text, "garbage banner text");
    }

    @Override
    public String toString() {
      return "garbageBanner(" + quote(text) + ")";
    }
  }

  /** The host sends {@code length} random bytes instead of its identification line, then closes. */
  record RandomGarbage(int length) implements Effect {
    /** Validates the length. */
    public RandomGarbage {
      inRange(length, 1, 65536, "garbage length");
    }

    @Override
    public String toString() {
      return "garbageBanner()";
    }
  }

  /**
   * The host sends {@code SSH_MSG_DISCONNECT} with a reason code and message, then closes. The code
   * is one of {@link DisconnectReason}'s, or any other that is not negative.
   */
  record Disconnect(int reasonCode, String message) implements Effect {
    /** Validates the reason code (0 or more) and the message. */
    public Disconnect {
      notNegative(reasonCode, "disconnect reason code");
      notNull(message, "disconnect message");
    }

    @Override
    public String toString() {
      return reasonCode >= 1 && reasonCode <= DisconnectReason.values().length
          ? "disconnect(" + DisconnectReason.of(reasonCode).name() + ", " + quote(message) + ")"
          : "disconnectWithCode(" + reasonCode + ", " + quote(message) + ")";
    }
  }

  /** The host offers only algorithms of {@code kind} that no client implements. */
  record NoCommonAlgorithm(AlgorithmKind kind) implements Effect {
    /** Validates the kind. */
    public NoCommonAlgorithm {
      notNull(kind, "algorithm kind");
    }

    @Override
    public String toString() {
      return "noCommonAlgorithm(" + kind + ")";
    }
  }

  /** The host presents another host key of the same type. */
  record SwapHostKey() implements Effect {
    @Override
    public String toString() {
      return "swapHostKey()";
    }
  }

  /** The host rejects authentication by these methods, or by any method when empty. */
  record RejectAuth(Set<AuthMethod> methods) implements Effect {
    /** Copies the methods. */
    public RejectAuth {
      methods = Set.copyOf(notNull(methods, "authentication methods"));
    }

    /** Whether a request by {@code method} is rejected. */
    public boolean rejects(AuthMethod method) {
      return methods.isEmpty() || methods.contains(method);
    }

    @Override
    public String toString() {
      return "rejectAuth("
          + methods.stream().sorted().map(AuthMethod::name).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** The host requires these methods one after the other: the first earns partial success. */
  record RequireAuthMethods(List<AuthMethod> methods) implements Effect {
    /** Validates and copies the methods: at least two, none twice. */
    public RequireAuthMethods {
      methods = List.copyOf(notNull(methods, "authentication methods"));
      check(
          methods.size() >= 2, "requireAuthMethods needs at least two methods, but was " + methods);
      check(
          Set.copyOf(methods).size() == methods.size(),
          "requireAuthMethods names a method twice: " + methods);
    }

    @Override
    public String toString() {
      return "requireAuthMethods("
          + methods.stream().map(AuthMethod::name).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * At the {@code maxTries}-th failed authentication request of a connection the host sends {@code
   * SSH_MSG_DISCONNECT} reason 2, "Too many authentication failures", as OpenSSH does.
   */
  record TooManyAuthFailures(int maxTries) implements Effect {
    /** Validates the number of tries. */
    public TooManyAuthFailures {
      positive(maxTries, "maximum authentication tries");
    }

    @Override
    public String toString() {
      return "tooManyAuthFailures(" + maxTries + ")";
    }
  }

  /**
   * The host refuses to open a channel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and a reason code:
   * one of {@link ChannelOpenFailure}'s, or any other that is not negative.
   */
  record RejectChannelOpen(int reasonCode) implements Effect {
    /** Validates the reason code (0 or more). */
    public RejectChannelOpen {
      notNegative(reasonCode, "channel open failure reason code");
    }

    @Override
    public String toString() {
      return reasonCode >= 1 && reasonCode <= ChannelOpenFailure.values().length
          ? "rejectChannelOpen(" + ChannelOpenFailure.of(reasonCode).name() + ")"
          : "rejectChannelOpenWithCode(" + reasonCode + ")";
    }
  }

  /** The host refuses a channel when the connection already has {@code max} open. */
  record LimitChannels(int max) implements Effect {
    /** Validates the limit. */
    public LimitChannels {
      positive(max, "channel limit");
    }

    @Override
    public String toString() {
      return "limitChannels(" + max + ")";
    }
  }

  /** The host disconnects a newly authenticated connection when {@code max} are already open. */
  record LimitSessions(int max) implements Effect {
    /** Validates the limit. */
    public LimitSessions {
      positive(max, "session limit");
    }

    @Override
    public String toString() {
      return "limitSessions(" + max + ")";
    }
  }

  /** The command exits with {@code exitCode} and {@code stderr}, whatever its stub says. */
  record ExitWith(int exitCode, String stderr) implements Effect {
    /** Validates the exit code (0 to 255) and the stderr text. */
    public ExitWith {
      inRange(exitCode, 0, 255, "exit code");
      notNull(stderr, "stderr");
    }

    @Override
    public String toString() {
      return "exitWith(" + exitCode + ", " + quote(stderr) + ")";
    }
  }

  /**
   * The host answers an SFTP request with {@code SSH_FXP_STATUS}: {@code status} and {@code
   * message}.
   */
  record SftpError(SftpStatus status, String message) implements Effect {
    /** Validates the status and message. */
    public SftpError {
      notNull(status, "SFTP status");
      notNull(message, "SFTP status message");
    }

    @Override
    public String toString() {
      return "sftpError(" + status.name() + ", " + quote(message) + ")";
    }
  }

  /** Bytes flow at most at {@code bytesPerSecond}, in chunks of at most {@code chunkSize}. */
  record Throttle(long bytesPerSecond, int chunkSize) implements Effect {
    /** Validates the rate and chunk size. */
    public Throttle {
      positive(bytesPerSecond, "bytes per second");
      inRange(chunkSize, 1, 1 << 20, "chunk size");
    }

    @Override
    public String toString() {
      return "throttle(" + bytesPerSecond + " bytes/s, chunks of " + chunkSize + ")";
    }
  }
}
