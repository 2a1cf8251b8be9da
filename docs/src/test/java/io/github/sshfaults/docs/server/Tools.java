package io.github.sshfaults.docs.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the proofs need from outside the JVM: the server jar, {@code ssh}, Python with paramiko;
 * and running a script or program with a bound, leaving nothing behind.
 *
 * <p>A missing tool fails the proof with how to install it. {@code .ci/run} installs them, so CI
 * never skips a proof; elsewhere {@code -Dsshfaults.proofs.skipMissingTools=true} skips the proofs
 * whose tool is missing instead.
 */
public final class Tools {

  /** The docs module, where the proofs' scripts and plans live under {@code src/test/server}. */
  public static final Path DOCS_MODULE =
      Path.of(System.getProperty("sshfaults.docs.dir", System.getProperty("user.dir")))
          .toAbsolutePath()
          .normalize();

  /** The proofs' scripts and plans. */
  public static final Path SCRIPTS = DOCS_MODULE.resolve("src/test/server");

  private static final String SKIP = "sshfaults.proofs.skipMissingTools";

  private Tools() {}

  /** What a program did: its exit code and output lines. */
  public record Run(int exitCode, List<String> stdout, List<String> stderr) {}

  /** This JVM's {@code java}, which runs the server too. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * The server jar the build made: {@code sshd-fixtures/target/...-server.jar}, built by {@code
   * package}, which runs before the docs module's proofs (phase {@code integration-test}).
   */
  public static String serverJar() {
    String property = System.getProperty("sshfaults.server.jar");
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      fail(
          "The standalone server jar "
              + (property == null ? "(system property sshfaults.server.jar)" : property)
              + " is missing: build it with mvn -B -pl sshd-fixtures -am package -DskipTests, or"
              + " run these tests with mvn -B verify, whose package phase builds it");
    }
    return property;
  }

  /** {@code ssh} and {@code ssh-keygen}, or the test fails (or, when asked, is skipped). */
  public static void requireOpenSsh() {
    require(
        installed("ssh") && installed("ssh-keygen"),
        "OpenSSH's ssh and ssh-keygen are not installed: sudo apt-get install -y openssh-client"
            + " (as .ci/run does)");
  }

  /** Python 3 with paramiko: {@code /usr/bin/python3} unless {@code -Dsshfaults.python} says. */
  public static String requireParamiko() {
    String python = python();
    require(
        works(python, "-c", "import paramiko"),
        python
            + " cannot import paramiko: sudo apt-get install -y python3-paramiko (as .ci/run"
            + " does), or point -Dsshfaults.python at a Python 3 that has it");
    return python;
  }

  private static String python() {
    String property = System.getProperty("sshfaults.python");
    if (property != null && !property.isBlank()) {
      return property;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  private static void require(boolean present, String howToInstall) {
    if (present) {
      return;
    }
    if (Boolean.getBoolean(SKIP)) {
      Assumptions.abort("skipped on request (-D" + SKIP + "=true): " + howToInstall);
    }
    fail(howToInstall + "; or skip the proofs that need it with -D" + SKIP + "=true");
  }

  private static boolean installed(String program) {
    return works("sh", "-c", "command -v \"$0\"", program);
  }

  private static boolean works(String... command) {
    try {
      return run(Duration.ofSeconds(30), command).exitCode() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Runs {@code command} in the scripts' folder, with this JVM's {@code java} as {@code $JAVA},
   * and returns what it did; kills it and its children if it takes longer than {@code timeout}.
   *
   * @throws UncheckedIOException when it cannot start
   */
  public static Run run(Duration timeout, String... command) {
    Path out;
    Path err;
    try {
      out = Files.createTempFile("sshfaults-proof", ".out");
      err = Files.createTempFile("sshfaults-proof", ".err");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(Files.isDirectory(SCRIPTS) ? SCRIPTS.toFile() : null)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("JAVA", java());
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          fail(
              String.join(" ", command)
                  + " did not end within "
                  + timeout.toSeconds()
                  + " s; it printed: "
                  + Files.readAllLines(out)
                  + "; on stderr: "
                  + Files.readAllLines(err));
        }
        return new Run(
            process.exitValue(),
            Files.readAllLines(out, StandardCharsets.UTF_8),
            Files.readAllLines(err, StandardCharsets.UTF_8));
      } finally {
        stop(process.toHandle());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    } finally {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      } catch (IOException e) {
        // a temporary file in the temporary folder: nothing to worry about
      }
    }
  }

  /**
   * Stops {@code process} and every process it started, as Ctrl-C would: SIGTERM to all, then
   * SIGKILL to whatever still runs after 10 seconds.
   */
  static void stop(ProcessHandle process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process);
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (ProcessHandle handle : all) {
      try {
        handle
            .onExit()
            .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }
}
