/**
 * sshfaults core: the fault model, the client adapters for JSch and sshj, the concurrent runner, and
 * AssertJ assertions for its reports. No MINA SSHD.
 *
 * <p>JSch and sshj are optional: bring the one whose adapter you use. AssertJ comes along, since
 * the assertions extend it.
 */
// "module": the qualified exports name our sibling modules, which are built after this one.
// "requires-automatic": Awaitility and sshj have no module descriptor (sshj names its automatic
// module, Awaitility only has its file name).
@SuppressWarnings({"module", "requires-automatic"})
module io.github.sshfaults.core {
  requires transitive org.assertj.core;
  requires awaitility;
  requires org.slf4j;
  requires static com.jcraft.jsch;
  requires static com.hierynomus.sshj;

  exports io.github.sshfaults.faults;
  exports io.github.sshfaults.clients;
  exports io.github.sshfaults.clients.jsch;
  exports io.github.sshfaults.clients.sshj;
  exports io.github.sshfaults.concurrent;
  exports io.github.sshfaults.assertions;

  // Not API: shared with our own modules only.
  exports io.github.sshfaults.internal to
      io.github.sshfaults.sshd,
      io.github.sshfaults.junit;
  exports io.github.sshfaults.faults.internal to
      io.github.sshfaults.sshd,
      io.github.sshfaults.junit;
  exports io.github.sshfaults.clients.internal to
      io.github.sshfaults.sshd,
      io.github.sshfaults.junit;
  exports io.github.sshfaults.concurrent.internal to
      io.github.sshfaults.sshd,
      io.github.sshfaults.junit;
}
