package io.github.sshfaults.docs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan file the guide shows starts, in Java: its faults read, its users, stubs and files
 * apply. The standalone server reads them with the same code.
 */
class PlanExamplesTest {

  static Stream<Path> plans() throws IOException {
    try (Stream<Path> files = Files.list(Tools.SCRIPTS)) {
      List<Path> plans = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(plans).extracting(p -> p.getFileName().toString())
          .contains("families.yaml", "fleet.yaml", "flaky.yaml");
      return plans.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("plans")
  void startsEveryHostOfThePlan(Path plan) {
    List<FakeSshHost> hosts = FakeSshHost.allFromPlan(plan);
    try {
      assertThat(hosts).isNotEmpty().allSatisfy(host -> assertThat(host.isRunning()).isTrue());
    } finally {
      hosts.forEach(FakeSshHost::close);
    }
  }

  @ParameterizedTest
  @MethodSource("plans")
  void givesEveryFamilyHostFaults(Path plan) {
    if (!plan.endsWith("families.yaml")) {
      return;
    }
    List<FakeSshHost> hosts = FakeSshHost.allFromPlan(plan);
    try {
      assertThat(hosts)
          .hasSize(13)
          .allSatisfy(host -> assertThat(host.faults().plan().faults()).isNotEmpty());
    } finally {
      hosts.forEach(FakeSshHost::close);
    }
  }
}
