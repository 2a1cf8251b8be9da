package io.github.sshfaults.sshd.testclients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assertions on the cause chain of what a client library threw. */
public final class Causes {

  private Causes() {}

  /**
   * Asserts that {@code thrown} or one of its causes is a {@code type} whose description (its
   * {@code toString()}: sshj puts the disconnect reason there) contains {@code fragment}, and shows
   * the whole chain when none is.
   */
  public static void assertCausedBy(
      Throwable thrown, Class<? extends Throwable> type, String fragment) {
    assertCausedBy(thrown, type, new String[] {fragment});
  }

  /**
   * Asserts that the client saw a TCP reset: "Connection reset" when it was reading, "Broken pipe"
   * when it was writing as the RST arrived, as against a real host.
   */
  public static void assertCausedByReset(Throwable thrown) {
    assertCausedBy(thrown, IOException.class, RESET_TEXTS);
  }

  /**
   * Asserts that {@code client} reported a TCP reset as it reports one from a real host. MINA
   * SSHD's client, when the reset arrives before its session is fully set up, fails the pending
   * connect or auth future with a plain "Session is being closed" and logs the reset instead of
   * chaining it: which of the two it reports depends on thread timing inside MINA, so both are
   * accepted for MINA. Raw-socket probes prove separately that the host really sends an RST.
   */
  public static void assertCausedByResetAsSeenBy(SshClientLibrary client, Throwable thrown) {
    if (client == SshClientLibrary.MINA && !hasInChain(thrown, IOException.class, RESET_TEXTS)) {
      assertCausedBy(thrown, org.apache.sshd.common.SshException.class, "Session is being closed");
    } else {
      assertCausedByReset(thrown);
    }
  }

  private static final String[] RESET_TEXTS = {"Connection reset", "Broken pipe"};

  private static boolean hasInChain(
      Throwable thrown, Class<? extends Throwable> type, String... fragments) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String description = t.toString();
      if (type.isInstance(t) && Arrays.stream(fragments).anyMatch(description::contains)) {
        return true;
      }
    }
    return false;
  }

  private static void assertCausedBy(
      Throwable thrown, Class<? extends Throwable> type, String... fragments) {
    if (hasInChain(thrown, type, fragments)) {
      return;
    }
    List<String> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      chain.add(t.toString());
    }
    assertThat(chain)
        .as(
            "a %s with one of %s in the cause chain",
            type.getSimpleName(), Arrays.asList(fragments))
        .anyMatch(entry -> false);
  }
}
