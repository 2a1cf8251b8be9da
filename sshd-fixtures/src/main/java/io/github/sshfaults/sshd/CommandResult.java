package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.inRange;
import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.internal.CheckReturnValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a stubbed command sends back: stdout, stderr and an exit code. Immutable.
 *
 * <pre>{@code
 * CommandResult.success("up 3 days\n");
 * CommandResult.exit(2).withStderr("ls: cannot access '/nope'\n");
 * }</pre>
 *
 * <p>Strings are sent as UTF-8. The fake host writes all of stdout, then all of stderr, flushes
 * both, and only then sends the exit code, so a client never sees the exit before the output.
 */
@CheckReturnValue
public final class CommandResult {

  /** The highest exit code a command can report: POSIX shells keep 8 bits. */
  public static final int MAX_EXIT_CODE = 255;

  private static final byte[] NONE = new byte[0];

  private final byte[] stdout;
  private final byte[] stderr;
  private final int exitCode;

  private CommandResult(byte[] stdout, byte[] stderr, int exitCode) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }

  /** A result with {@code stdout}, no stderr, and exit code 0. */
  public static CommandResult success(String stdout) {
    return new CommandResult(utf8(stdout, "stdout"), NONE, 0);
  }

  /**
   * A result with no output and the given exit code.
   *
   * @param exitCode 0 to {@value #MAX_EXIT_CODE}
   * @throws IllegalArgumentException naming the code when it lies outside that range
   */
  public static CommandResult exit(int exitCode) {
    return new CommandResult(NONE, NONE, checkExitCode(exitCode));
  }

  /** A copy of this result that sends {@code stdout} (UTF-8) on the standard output. */
  public CommandResult withStdout(String stdout) {
    return new CommandResult(utf8(stdout, "stdout"), stderr, exitCode);
  }

  /** A copy of this result that sends {@code stdout} as raw bytes on the standard output. */
  public CommandResult withStdout(byte[] stdout) {
    return new CommandResult(notNull(stdout, "stdout").clone(), stderr, exitCode);
  }

  /** A copy of this result that sends {@code stderr} (UTF-8) on the standard error. */
  public CommandResult withStderr(String stderr) {
    return new CommandResult(stdout, utf8(stderr, "stderr"), exitCode);
  }

  /** A copy of this result that sends {@code stderr} as raw bytes on the standard error. */
  public CommandResult withStderr(byte[] stderr) {
    return new CommandResult(stdout, notNull(stderr, "stderr").clone(), exitCode);
  }

  /** A copy of this result with another exit code (0 to {@value #MAX_EXIT_CODE}). */
  public CommandResult withExitCode(int exitCode) {
    return new CommandResult(stdout, stderr, checkExitCode(exitCode));
  }

  /** The bytes sent on the standard output (a copy). */
  public byte[] stdout() {
    return stdout.clone();
  }

  /** The bytes sent on the standard error (a copy). */
  public byte[] stderr() {
    return stderr.clone();
  }

  /** The exit code sent after the output. */
  public int exitCode() {
    return exitCode;
  }

  byte[] stdoutBytes() {
    return stdout;
  }

  byte[] stderrBytes() {
    return stderr;
  }

  private static int checkExitCode(int exitCode) {
    return inRange(exitCode, 0, MAX_EXIT_CODE, "exit code");
  }

  private static byte[] utf8(String text, String what) {
    return notNull(text, what).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommandResult that
        && exitCode == that.exitCode
        && Arrays.equals(stdout, that.stdout)
        && Arrays.equals(stderr, that.stderr);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(stdout) + Arrays.hashCode(stderr)) + exitCode;
  }

  @Override
  public String toString() {
    return "CommandResult[exit="
        + exitCode
        + ", stdout="
        + stdout.length
        + " bytes, stderr="
        + stderr.length
        + " bytes]";
  }
}
