/**
 * sshfaults sshd fixtures: fake SSH hosts on Apache MINA SSHD, their journal, the assertions for
 * tests with them ({@code SshFaultsAssertions}), and the adapter for MINA SSHD's own client.
 *
 * <p>On the module path, MINA SSHD is the module {@code org.apache.sshd.osgi} (the artifact {@code
 * org.apache.sshd:sshd-osgi}): MINA's {@code sshd-core} and {@code sshd-common} share packages, so
 * the two cannot both be modules. SFTP ({@code org.apache.sshd.sftp}) is optional: a host starts
 * without it and serves no SFTP.
 */
// "module": the qualified exports name our JUnit extension's module, which is built after this one.
// "requires-automatic", "requires-transitive-automatic": MINA SSHD and Jimfs have no module
// descriptor (they name their automatic modules), Awaitility only has its file name.
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module io.github.sshfaults.sshd {
  requires transitive io.github.sshfaults.core;
  requires transitive org.apache.sshd.osgi;
  requires static org.apache.sshd.sftp;
  requires com.google.common.jimfs;
  requires awaitility;
  requires org.slf4j;
  // TCP_QUICKACK, where the JDK has it (see QuickAck); a host works without it.
  requires static jdk.net;
  // Plan files (FakeSshHost.fromPlan and the standalone server).
  requires org.snakeyaml.engine;
  // The standalone server only (its shaded jar runs on the class path): its command line and its
  // control interface.
  requires static info.picocli;
  requires static jdk.httpserver;

  exports io.github.sshfaults.sshd;
  exports io.github.sshfaults.sshd.journal;
  exports io.github.sshfaults.sshd.assertions;
  exports io.github.sshfaults.clients.mina;

  // Not API: shared with our own JUnit extension only.
  exports io.github.sshfaults.sshd.internal to
      io.github.sshfaults.junit;
  exports io.github.sshfaults.sshd.internal.faults to
      io.github.sshfaults.junit;
  exports io.github.sshfaults.sshd.journal.internal to
      io.github.sshfaults.junit;
}
