/**
 * sshfaults JUnit extension: fake SSH hosts as parameters and fields of JUnit Jupiter tests,
 * closed after them, pass or fail.
 *
 * <p>JUnit creates the extension behind {@code @SshFaultsTest} reflectively, so its package is
 * open to JUnit's reflection module. The fields it fills ({@code @FakeHost FakeSshHost host;})
 * are yours: open your test packages to {@code org.junit.platform.commons} as JUnit's own field
 * injection requires (a test module patched or opened by the build tool already is).
 *
 * <p>A {@code TestExecutionListener} of this module explains a test that fails because its class
 * lacks {@code @SshFaultsTest}; the JUnit Platform launcher finds it as a service.
 */
module io.github.sshfaults.junit {
  requires transitive io.github.sshfaults.sshd;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;
  requires org.slf4j;
  // The launcher is there whenever tests run; users never get it from us (provided scope).
  requires static org.junit.platform.launcher;

  exports io.github.sshfaults.junit;

  opens io.github.sshfaults.junit to
      org.junit.platform.commons;

  // Explains a forgotten @SshFaultsTest once per run, when a test fails for want of it.
  provides org.junit.platform.launcher.TestExecutionListener with
      io.github.sshfaults.junit.internal.MissingExtensionHint;
}
