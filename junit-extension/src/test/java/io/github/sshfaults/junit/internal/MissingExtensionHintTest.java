package io.github.sshfaults.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.sshd.FakeSshHost;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A test that forgot {@code @SshFaultsTest} gets a hint saying so, once per run. */
class MissingExtensionHintTest {

  @Test
  void isLoadedByTheLauncherWithoutTheUserRegisteringIt() {
    assertThat(ServiceLoader.load(TestExecutionListener.class).stream())
        .anyMatch(provider -> provider.type() == MissingExtensionHint.class);
  }

  @Test
  void hintsOnceWhenTestsFailForWantOfTheExtension() {
    List<String> hints = run(Forgotten.class);

    assertThat(hints)
        .singleElement()
        .asString()
        .startsWith(
            "usesAHost(FakeSshHost) failed with \"No ParameterResolver registered for parameter"
                + " [io.github.sshfaults.sshd.FakeSshHost arg0] in method [void ")
        .endsWith(
            "\": sshfaults' parameters (FakeSshHost, List<FakeSshHost>, ConcurrentSsh,"
                + " HostRegistry) need its extension. Annotate the test class (or method) with"
                + " @io.github.sshfaults.junit.SshFaultsTest. (Said once per run; other tests may"
                + " fail for the same reason.)");
  }

  @Test
  void recognisesEachOfTheExtensionsParameterTypes() {
    assertThat(run(ForgottenFleet.class)).hasSize(1);
    assertThat(run(ForgottenRunner.class)).hasSize(1);
  }

  @Test
  void saysNothingWhenAnotherParameterLacksAResolver() {
    assertThat(run(OtherParameter.class)).isEmpty();
  }

  private static List<String> run(Class<?> testClass) {
    List<String> hints = new CopyOnWriteArrayList<>();
    LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new MissingExtensionHint(hints::add))
                .build())
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build());
    return hints;
  }

  // Run by the launcher above only. Without -parameters, as most users compile, the message would
  // say arg0 too; this project compiles with it, so the parameters are named arg0 to match.

  static class Forgotten {
    @Test
    void usesAHost(FakeSshHost arg0) {}

    @Test
    void usesAnotherHost(FakeSshHost arg0) {}
  }

  static class ForgottenFleet {
    @Test
    void usesAFleet(List<FakeSshHost> fleet) {}
  }

  static class ForgottenRunner {
    @Test
    void usesARunner(ConcurrentSsh runner) {}
  }

  static class OtherParameter {
    @Test
    void usesAString(String text) {}
  }
}
