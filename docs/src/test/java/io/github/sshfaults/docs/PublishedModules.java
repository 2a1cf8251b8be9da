package io.github.sshfaults.docs;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.FakeSshHost;
import java.nio.file.Path;
import java.util.List;

/** The modules we publish, for the tests that check their API: where they are, what they are. */
final class PublishedModules {

  /** The root of the project: the parent of this docs module. */
  static final Path PROJECT_ROOT =
      Path.of(System.getProperty("sshfaults.docs.dir", System.getProperty("user.dir")))
          .toAbsolutePath()
          .normalize()
          .getParent();

  /**
   * A published module: its directory, its artifact, and a class of it that locates its classes.
   */
  record Module(String directory, String artifactId, Class<?> anchor) {

    /** Its checked-in API listing. */
    Path listing() {
      return PROJECT_ROOT.resolve(directory).resolve("api").resolve(artifactId + ".api");
    }

    /** Its main sources. */
    Path sources() {
      return PROJECT_ROOT.resolve(directory).resolve("src").resolve("main").resolve("java");
    }
  }

  static final List<Module> ALL =
      List.of(
          new Module("core", "sshfaults-core", Fault.class),
          new Module("sshd-fixtures", "sshfaults-sshd-fixtures", FakeSshHost.class),
          new Module("junit-extension", "sshfaults-junit-extension", SshFaultsTest.class));

  private PublishedModules() {}
}
