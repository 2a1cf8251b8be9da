package io.github.sshfaults.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A scope closes what it holds newest first, every item even when some fail. */
class HostScopeTest {

  @Test
  void closesInReverseOrderAndKeepsEveryFailure() throws Exception {
    List<String> closed = new CopyOnWriteArrayList<>();
    HostScope scope = new HostScope(false);
    scope.addResource("first", () -> closed.add("first"));
    scope.addResource(
        "second",
        () -> {
          closed.add("second");
          throw new IllegalStateException("second failed");
        });
    scope.addResource(
        "third",
        () -> {
          closed.add("third");
          throw new IllegalStateException("third failed");
        });

    assertThatThrownBy(scope::close)
        .hasMessage("third failed")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("second failed"));
    assertThat(closed).containsExactly("third", "second", "first");
    assertThat(scope.hosts()).isEmpty();
  }
}
