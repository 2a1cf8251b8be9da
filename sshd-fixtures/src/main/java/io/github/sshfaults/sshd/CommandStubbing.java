package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.notNull;

import java.util.function.Function;

/**
 * The second half of a stub: says what a matched command, or a line typed in a {@link Shell},
 * sends back. Obtained from {@link FakeSshHost#command(String)} and its kin, where finishing it
 * registers the stub on the host and returns the host, or from {@link Shell#line(String)} and its
 * kin, where finishing it returns a new shell with the stub; nothing is registered until one of its
 * methods is called.
 *
 * <pre>{@code
 * host.command("uptime").replies("up 3 days\n");
 * host.command("cat /etc/nope").exitWith(1, "cat: /etc/nope: No such file or directory\n");
 * host.commandMatching("sleep \\d+").answers(call -> CommandResult.exit(0));
 * Shell router = Shell.prompt("router> ").line("show clock").replies("12:00:00 UTC\n");
 * }</pre>
 *
 * @param <T> what finishing the stub returns: the {@link FakeSshHost}, or the new {@link Shell}
 */
public final class CommandStubbing<T> {

  private final Function<CommandHandler, T> finish;

  CommandStubbing(Function<CommandHandler, T> finish) {
    this.finish = finish;
  }

  /** Answers with {@code stdout} (UTF-8) and exit code 0. */
  public T replies(String stdout) {
    return replies(CommandResult.success(stdout));
  }

  /** Answers with {@code result}: its stdout, stderr and exit code. */
  public T replies(CommandResult result) {
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
  public T exitWith(int exitCode, String stderr) {
    return replies(CommandResult.exit(exitCode).withStderr(stderr));
  }

  /**
   * Answers each invocation with whatever {@code handler} computes from it.
   *
   * @throws IllegalStateException when the stub is for a host that closed since it was started
   */
  public T answers(CommandHandler handler) {
    return finish.apply(notNull(handler, "command handler"));
  }
}
