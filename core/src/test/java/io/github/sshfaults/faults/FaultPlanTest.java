package io.github.sshfaults.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void keepsFaultsInOrder() {
    FaultPlan plan = FaultPlan.of(Fault.resetConnection()).with(Fault.rejectAuth());

    assertThat(plan.faults()).containsExactly(Fault.resetConnection(), Fault.rejectAuth());
    assertThat(plan).hasToString("1. resetConnection() at CONNECT\n2. rejectAuth() at AUTH");
  }

  @Test
  void describesTheEmptyPlan() {
    assertThat(FaultPlan.empty().isEmpty()).isTrue();
    assertThat(FaultPlan.of()).isEqualTo(FaultPlan.empty()).hasToString("(no faults)");
  }

  @Test
  void rejectsNullFaults() {
    assertThatNullPointerException()
        .isThrownBy(() -> FaultPlan.of(Fault.hang(), null))
        .withMessage("fault must not be null");
  }
}
