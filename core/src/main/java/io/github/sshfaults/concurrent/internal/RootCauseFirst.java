package io.github.sshfaults.concurrent.internal;

import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One-line descriptions of failures that put the root cause first: {@code ConnectException:
 * Connection refused (in SshException: DefaultConnectFuture[deploy@/127.0.0.1:38845]: Failed ...)}.
 * Client libraries wrap what went wrong in their own exceptions, whose messages say little and come
 * first; a table cut to its width would otherwise show the wrapper and lose the reason.
 */
public final class RootCauseFirst {

  private static final String IN = " (in ";
  private static final String ELLIPSIS = "...";

  private RootCauseFirst() {}

  /**
   * The root cause's simple class name and message, then each wrapper from the innermost out, in
   * parentheses: {@code Root: message (in Wrapper: message, in Outer)}. A wrapper's message that
   * only repeats its cause ({@code new RuntimeException(cause)}) is left out. One line, uncut.
   */
  public static String describe(Throwable failure) {
    return describe(failure, Integer.MAX_VALUE);
  }

  /**
   * {@link #describe(Throwable)} in at most {@code max} characters: the wrappers are cut first, so
   * the root cause stays whole as long as it fits. Through a jump host, the hop that failed comes
   * first: in full ({@link HopFailedException#hopDescription()}) when uncut, in a few words ({@code
   * inner host: }) when cut.
   */
  public static String describe(Throwable failure, int max) {
    List<Throwable> chain = chain(failure);
    // Through a jump host, which hop failed comes first: "inner host web-1 via bastion: ...".
    for (int i = 0; i < chain.size() - 1; i++) {
      if (chain.get(i) instanceof HopFailedException hop) {
        String prefix = (max == Integer.MAX_VALUE ? hop.hopDescription() : shortHop(hop)) + ": ";
        List<Throwable> rest = new ArrayList<>(chain);
        rest.remove(i);
        return Text.oneLine(prefix + describe(rest, Math.max(1, max - prefix.length())), max);
      }
    }
    return describe(chain, max);
  }

  /**
   * The hop in a few words, for a table whose target column already names both hosts ({@code web-1
   * via bastion}): the root cause keeps the room.
   */
  private static String shortHop(HopFailedException failure) {
    String jump =
        failure.target().jumpHost().map(jumpHost -> jumpHost.target().displayName()).orElse("?");
    return switch (failure.hop()) {
      case JUMP_HOST -> "jump host " + jump;
      case TUNNEL -> "tunnel from " + jump;
      case INNER_HOST -> "inner host";
    };
  }

  private static String describe(List<Throwable> chain, int max) {
    Throwable root = chain.get(chain.size() - 1);
    String first = Text.oneLine(line(root, null), Integer.MAX_VALUE);
    if (chain.size() == 1) {
      return Text.oneLine(first, max);
    }
    List<String> wrappers = new ArrayList<>();
    for (int i = chain.size() - 2; i >= 0; i--) {
      if (!repeats(chain.get(i), chain.get(i + 1))) {
        wrappers.add(line(chain.get(i), chain.get(i + 1)));
      }
    }
    if (wrappers.isEmpty()) {
      return Text.oneLine(first, max);
    }
    String inside = Text.oneLine(String.join(", in ", wrappers), Integer.MAX_VALUE);
    String whole = first + IN + inside + ")";
    if (whole.length() <= max) {
      return whole;
    }
    int room = max - first.length() - IN.length() - ELLIPSIS.length() - 1;
    if (room < 1) {
      return Text.oneLine(whole, max);
    }
    return first + IN + inside.substring(0, room).stripTrailing() + ELLIPSIS + ")";
  }

  /** The failure and its causes, outermost first, stopping before a cause seen already. */
  private static List<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /**
   * Whether {@code wrapper} says nothing its cause does not: the same class, with no message of its
   * own (MINA SSHD rethrows its {@code SshException} in another to add its own stack).
   */
  private static boolean repeats(Throwable wrapper, Throwable cause) {
    return wrapper.getClass() == cause.getClass() && line(wrapper, cause).equals(name(wrapper));
  }

  private static String name(Throwable t) {
    return t.getClass().getSimpleName().isEmpty()
        ? t.getClass().getName()
        : t.getClass().getSimpleName();
  }

  /** {@code SimpleName: message}, without a message that only repeats {@code cause}. */
  private static String line(Throwable t, Throwable cause) {
    String name = name(t);
    String message = t.getMessage();
    boolean says =
        message != null
            && !message.isBlank()
            && (cause == null
                || !(message.equals(cause.toString()) || message.equals(cause.getMessage())));
    return says ? name + ": " + message : name;
  }
}
