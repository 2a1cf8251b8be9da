package io.github.sshfaults.docs;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each published module's public API equals its checked-in listing, {@code
 * <module>/api/<artifactId>.api}, so that every API change shows in a diff and is made on purpose.
 * After a deliberate change, write the listings anew and review the diff: {@code mvn -B -pl docs
 * -am verify -Dtest=ApiListingTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsshfaults.api.update=true}.
 */
class ApiListingTest {

  private static final Path PROJECT_ROOT =
      Path.of(System.getProperty("sshfaults.docs.dir", System.getProperty("user.dir")))
          .toAbsolutePath()
          .normalize()
          .getParent();

  /** A published module, and a class of it that locates its classes. */
  private record Module(String directory, String artifactId, Class<?> anchor) {
    Path listing() {
      return PROJECT_ROOT.resolve(directory).resolve("api").resolve(artifactId + ".api");
    }
  }

  private static final List<Module> MODULES =
      List.of(
          new Module("core", "sshfaults-core", Fault.class),
          new Module("sshd-fixtures", "sshfaults-sshd-fixtures", FakeSshHost.class),
          new Module("junit-extension", "sshfaults-junit-extension", SshFaultsTest.class));

  @TestFactory
  Stream<DynamicTest> publicApiEqualsTheCheckedInListing() {
    return MODULES.stream().map(module -> dynamicTest(module.artifactId(), () -> check(module)));
  }

  private static void check(Module module) throws IOException {
    List<String> actual = new ArrayList<>();
    actual.add("# The public API of " + module.artifactId() + ", written by ApiListingTest.");
    actual.addAll(ApiListing.of(module.anchor()));
    Path listing = module.listing();
    if (Boolean.getBoolean("sshfaults.api.update")) {
      Files.write(listing, actual);
      return;
    }
    List<String> expected = Files.exists(listing) ? Files.readAllLines(listing) : List.of();
    String diff = LineDiff.render(expected, actual, 1);
    if (!diff.isEmpty()) {
      fail(
          "The public API of "
              + module.artifactId()
              + " differs from "
              + PROJECT_ROOT.relativize(listing)
              + " (- listed, + actual). If the change is deliberate, write the listing anew with"
              + " -Dsshfaults.api.update=true and commit it with the change:\n"
              + diff);
    }
  }
}
