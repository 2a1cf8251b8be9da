package io.github.sshfaults.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @TestFactory
  Stream<DynamicTest> publicApiEqualsTheCheckedInListing() {
    return PublishedModules.ALL.stream()
        .map(module -> dynamicTest(module.artifactId(), () -> check(module)));
  }

  @TestFactory
  Stream<DynamicTest> listsTheTypesOfExactlyThePackagesTheModuleExportsToEverybody() {
    return PublishedModules.ALL.stream()
        .map(
            module ->
                dynamicTest(
                    module.artifactId(),
                    () -> {
                      ModuleDescriptor descriptor =
                          ApiListing.descriptor(module.anchor())
                              .orElseThrow(
                                  () ->
                                      new AssertionError(
                                          module.artifactId() + " has no module-info.class"));
                      Set<String> listed = new TreeSet<>();
                      for (String line : ApiListing.of(module.anchor())) {
                        Matcher type = TYPE_HEADER.matcher(line);
                        if (type.find()) {
                          listed.add(type.group(1));
                        }
                      }
                      assertEquals(
                          ApiListing.unqualifiedExports(descriptor),
                          listed,
                          "packages with types in the listing of " + module.artifactId());
                    }));
  }

  /** The package of the type a listing's header line declares: up to its first capital. */
  private static final Pattern TYPE_HEADER =
      Pattern.compile(
          "^(?:public|protected) [a-z@ ]*(?:class|interface|enum|record) ([a-z0-9_.]+)\\.[A-Z]");

  private static void check(PublishedModules.Module module) throws IOException {
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
              + PublishedModules.PROJECT_ROOT.relativize(listing)
              + " (- listed, + actual). If the change is deliberate, write the listing anew with"
              + " -Dsshfaults.api.update=true and commit it with the change:\n"
              + diff);
    }
  }
}
