package io.github.sshfaults.sshd.testclients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Assertions on the cause chain of what a client library threw. */
public final class Causes {

  private Causes() {}

  /**
   * Asserts that {@code thrown} or one of its causes is a {@code type} whose message contains
   * {@code fragment}, and shows the whole chain when none is.
   */
  public static void assertCausedBy(
      Throwable thrown, Class<? extends Throwable> type, String fragment) {
    List<String> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t) && String.valueOf(t.getMessage()).contains(fragment)) {
        return;
      }
      chain.add(t.toString());
    }
    assertThat(chain)
        .as("a %s with \"%s\" in the cause chain", type.getSimpleName(), fragment)
        .anyMatch(entry -> false);
  }
}
