package io.github.sshfaults.sshd.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NearMissesTest {

  @Test
  void measuresEditDistance() {
    assertThat(NearMisses.distance("uptime", "uptime")).isZero();
    assertThat(NearMisses.distance("uptime", "uptime -p")).isEqualTo(3);
    assertThat(NearMisses.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearMisses.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void ranksClosestFirstAndKeepsTheOriginalOrderOfTies() {
    List<String> seen = List.of("reboot", "uptime -p", "uptim", "uptimf");

    assertThat(NearMisses.closest(seen, Function.identity(), "uptime", 3))
        .containsExactly("uptim", "uptimf", "uptime -p");
  }
}
