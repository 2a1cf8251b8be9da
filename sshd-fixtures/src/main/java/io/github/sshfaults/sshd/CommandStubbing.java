package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.sshd.internal.CommandStubs;
import java.util.function.Function;

/**
 * The second half of a stub: says what a matched command sends back. Obtained from {@link
 * FakeSshHost#command(String)} or {@link FakeSshHost#commandMatching(String)}; nothing is
 * registered until one of its methods is called.
 *
 * <pre>{@code
 * host.command("uptime").replies("up 3 days\n");
 * host.command("cat /etc/nope").exitWith(1, "cat: /etc/nope: No such file or directory\n");
 * host.commandMatching("sleep \\d+").answers(call -> CommandResult.exit(0));
 * }</pre>
 */
public final class CommandStubbing {

  private final FakeSshHost host;
  private final CommandStubs stubs;
  private final Function<CommandHandler, CommandStubs.Stub> stubFor;

  CommandStubbing(
      FakeSshHost host, CommandStubs stubs, Function<CommandHandler, CommandStubs.Stub> stubFor) {
    this.host = host;
    this.stubs = stubs;
    this.stubFor = stubFor;
  }

  /** Answers with {@code stdout} (UTF-8) and exit code 0. */
  public FakeSshHost replies(String stdout) {
    return replies(CommandResult.success(stdout));
  }

  /** Answers with {@code result}: its stdout, stderr and exit code. */
  public FakeSshHost replies(CommandResult result) {
    notNull(result, "command result");
    return answers(invocation -> result);
  }

  /**
   * Answers with nothing on stdout, {@code stderr} on the standard error and {@code exitCode}: the
   * short form of {@code replies(CommandResult.exit(exitCode).withStderr(stderr))}, and the same
   * words as {@link io.github.sshfaults.faults.Fault#exitWith(int, String)}. Usually a failure;
   * exit code 0 is allowed, for a command that succeeds with nothing but stderr.
   *
   * @param exitCode 0 to {@value CommandResult#MAX_EXIT_CODE}
   * @throws IllegalArgumentException when the exit code lies outside that range
   */
  public FakeSshHost exitWith(int exitCode, String stderr) {
    return replies(CommandResult.exit(exitCode).withStderr(stderr));
  }

  /**
   * Answers each invocation with whatever {@code handler} computes from it.
   *
   * @throws IllegalStateException when the host closed since the stub was started
   */
  public FakeSshHost answers(CommandHandler handler) {
    host.checkOpen(FakeSshHost.STUB);
    stubs.add(stubFor.apply(notNull(handler, "command handler")));
    return host;
  }
}
