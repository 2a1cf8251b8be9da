/**
 * sshfaults JUnit extension: fake SSH hosts as parameters and fields of JUnit Jupiter tests,
 * closed after them, pass or fail.
 *
 * <p>JUnit creates the extension behind {@code @SshFaultsTest} reflectively, so its package is
 * open to JUnit's reflection module. The fields it fills ({@code @FakeHost FakeSshHost host;})
 * are yours: open your test packages to {@code org.junit.platform.commons} as JUnit's own field
 * injection requires (a test module patched or opened by the build tool already is).
 */
module io.github.sshfaults.junit {
  requires transitive io.github.sshfaults.sshd;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;
  requires org.slf4j;

  exports io.github.sshfaults.junit;

  opens io.github.sshfaults.junit to
      org.junit.platform.commons;
}
