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
    assertCausedBy(thrown, IOException.class, "Connection reset", "Broken pipe");
  }

  private static void assertCausedBy(
      Throwable thrown, Class<? extends Throwable> type, String... fragments) {
    List<String> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String description = t.toString();
      if (type.isInstance(t) && Arrays.stream(fragments).anyMatch(description::contains)) {
        return;
      }
      chain.add(description);
    }
    assertThat(chain)
        .as("a %s with one of %s in the cause chain", type.getSimpleName(), Arrays.asList(fragments))
        .anyMatch(entry -> false);
  }
}
