package io.github.sshfaults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

  @Test
  void returnsValidValues() {
    assertThat(Preconditions.notBlank("alice", "user")).isEqualTo("alice");
    assertThat(Preconditions.inRange(5, 0, 255, "exit code")).isEqualTo(5);
    assertThat(Preconditions.probability(0.0, "p")).isZero();
    assertThat(Preconditions.positive(Duration.ofMillis(1), "delay")).hasMillis(1);
  }

  @Test
  void namesTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> Preconditions.notBlank("\t", "user name"))
        .hasMessage("user name must not be blank, but was \"\\t\"");
    assertThatThrownBy(() -> Preconditions.inRange(-1, 0, 255, "exit code"))
        .hasMessage("exit code must be between 0 and 255, but was -1");
    assertThatThrownBy(() -> Preconditions.probability(1.5, "probability"))
        .hasMessage("probability must be between 0.0 and 1.0, but was 1.5");
    assertThatThrownBy(() -> Preconditions.probability(Double.NaN, "probability"))
        .hasMessage("probability must be between 0.0 and 1.0, but was NaN");
    assertThatThrownBy(() -> Preconditions.positive(0, "threads"))
        .hasMessage("threads must be at least 1, but was 0");
    assertThatThrownBy(() -> Preconditions.positive(Duration.ZERO, "deadline"))
        .hasMessage("deadline must be longer than zero, but was PT0S");
    assertThatThrownBy(() -> Preconditions.notNegative(Duration.ofSeconds(-1), "delay"))
        .hasMessage("delay must be zero or longer, but was PT-1S");
    assertThatThrownBy(() -> Preconditions.notNull(null, "factory"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factory must not be null");
  }

  @Test
  void quotesWithEveryControlCharacterVisible() {
    assertThat(Preconditions.quote("a\tb\n\"c\"")).isEqualTo("\"a\\tb\\n\\\"c\\\"\"");
    assertThat(Preconditions.quote("x\u0000y\u001b[31mz\u007f"))
        .isEqualTo("\"x\\x00y\\e[31mz\\x7f\"");
    assertThat(Preconditions.quote(null)).isEqualTo("null");
  }
}
