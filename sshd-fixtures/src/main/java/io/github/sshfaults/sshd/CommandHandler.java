package io.github.sshfaults.sshd;

/**
 * Computes a stubbed command's result from what the client sent: the command line, stdin and the
 * environment.
 *
 * <pre>{@code
 * host.commandMatching("echo (.*)")
 *     .answers(call -> CommandResult.success(call.commandLine().substring(5) + "\n"));
 * }</pre>
 *
 * <p>Handlers run on the fake host's own executor, never on MINA SSHD's I/O threads, so a handler
 * may block (for instance on {@link CommandInvocation#stdin()}). A handler that throws makes the
 * command exit with status 1 and the exception on stderr, as a crashing program would.
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Answers one invocation.
   *
   * @param invocation what the client asked for
   * @return what to send back; never null
   * @throws Exception to make the command fail with exit code 1
   */
  CommandResult handle(CommandInvocation invocation) throws Exception;
}
