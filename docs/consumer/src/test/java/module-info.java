/**
 * The project's tests as a module of their own, as JPMS users write black-box tests: they reach
 * sshfaults through its exported packages only. Open, so that JUnit can reflect on the tests.
 */
open module com.example.fleet.test {
  requires com.example.fleet;
  requires io.github.sshfaults.junit;
  requires com.jcraft.jsch;
  requires org.junit.jupiter.api;
  requires org.junit.platform.testkit;
  requires org.assertj.core;
}
