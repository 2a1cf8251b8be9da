package io.github.sshfaults.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sshfaults.faults.HostFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SeedsTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(HostFaults.SEED_PROPERTY);
  }

  @Test
  void prefersTheExplicitSeed() {
    System.setProperty(HostFaults.SEED_PROPERTY, "5");

    assertThat(Seeds.resolve(9L)).isEqualTo(9L);
  }

  @Test
  void takesTheSystemPropertyWhenNoSeedIsGiven() {
    System.setProperty(HostFaults.SEED_PROPERTY, " -12 ");

    assertThat(Seeds.resolve(null)).isEqualTo(-12L);
  }

  @Test
  void rejectsAPropertyThatIsNotANumber() {
    System.setProperty(HostFaults.SEED_PROPERTY, "abc");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Seeds.resolve(null))
        .withMessage(
            "system property sshfaults.seed must be a whole number (a long), but was \"abc\"");
  }

  @Test
  void derivesDifferentSeedsForNeighbouringParts() {
    assertThat(Seeds.derive(1, 7))
        .isNotEqualTo(Seeds.derive(1, 8))
        .isNotEqualTo(Seeds.derive(2, 7));
    assertThat(Seeds.derive(1, 7, 1)).isEqualTo(Seeds.derive(1, 7, 1));
  }
}
