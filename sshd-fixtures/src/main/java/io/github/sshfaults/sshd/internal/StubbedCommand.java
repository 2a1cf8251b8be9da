package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.sshd.CommandInvocation;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.internal.faults.CommandFaults;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exec request answered from the host's stubs. Nothing ever runs on the real machine.
 *
 * <p>MINA calls {@link #start} on an I/O thread, so the work is handed to the host's own executor:
 * a handler that blocks (on stdin, say) must never stall the transport of other sessions. The
 * threads are shared by every host of the JVM, at most {@link SharedThreads#MAX_COMMANDS} at once.
 */
final class StubbedCommand implements Command {

  /** The exit code of a shell that could not find the program. */
  static final int COMMAND_NOT_FOUND = 127;

  /** The exit code of a shell that cannot fork: "Resource temporarily unavailable". */
  static final int BUSY = 126;

  private static final Logger LOG = LoggerFactory.getLogger(StubbedCommand.class);

  private final String commandLine;
  private final CommandStubs stubs;
  private final ExecutorService executor;
  private final FaultEngine faults;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exitCallback;
  private volatile Future<?> running;

  StubbedCommand(
      String commandLine, CommandStubs stubs, ExecutorService executor, FaultEngine faults) {
    this.commandLine = commandLine;
    this.stubs = stubs;
    this.executor = executor;
    this.faults = faults;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    Invocation invocation =
        new Invocation(
            commandLine, channel.getSession().getUsername(), Map.copyOf(env.getEnv()), in);
    CommandFaults commandFaults = CommandFaults.decide(faults, channel.getSession(), commandLine);
    try {
      running = executor.submit(() -> run(invocation, commandFaults));
    } catch (RejectedExecutionException e) {
      if (executor.isShutdown()) {
        throw new IOException("Fake host is shutting down; cannot run " + commandLine, e);
      }
      refuseForWantOfThreads();
    }
  }

  /**
   * Every command thread of the JVM is busy (handlers that wait on their test, most likely): this
   * command fails at once, saying why, on the timer, never on the I/O thread that called us.
   */
  private void refuseForWantOfThreads() {
    String message =
        "sshfaults: "
            + SharedThreads.MAX_COMMANDS
            + " command handlers already run on the fake hosts of this JVM, the most there may"
            + " be at once; "
            + Preconditions.quote(commandLine)
            + " was not run\n";
    LOG.warn("{}", message.strip());
    SharedThreads.timer()
        .execute(
            () -> {
              try {
                err.write(message.getBytes(StandardCharsets.UTF_8));
                err.flush();
              } catch (IOException e) {
                LOG.debug("Client went away before hearing that {} was refused", commandLine, e);
              } finally {
                exitCallback.onExit(BUSY);
              }
            });
  }

  private void run(Invocation invocation, CommandFaults commandFaults) {
    CommandResult result = commandFaults.result(answer(invocation));
    boolean exits = true;
    try {
      exits = commandFaults.send(result.stdout(), result.stderr(), out, err);
    } catch (IOException e) {
      LOG.debug("Client went away while receiving the output of {}", commandLine, e);
    } catch (InterruptedException e) {
      // Destroyed while a fault held the output back: the channel is gone, nobody to answer.
      Thread.currentThread().interrupt();
      exits = false;
    } finally {
      // A fault that ends or stalls the command means no exit code, as from a dead process.
      if (exits) {
        exitCallback.onExit(result.exitCode());
      }
    }
  }

  private CommandResult answer(Invocation invocation) {
    return stubs
        .find(commandLine)
        .map(
            stub -> {
              try {
                CommandResult result = stub.handler().handle(invocation);
                if (result == null) {
                  return crashed(new NullPointerException("the handler returned null"));
                }
                return result;
              } catch (Exception | AssertionError e) {
                return crashed(e);
              }
            })
        .orElseGet(this::notFound);
  }

  private CommandResult notFound() {
    String program = commandLine.strip().split("\\s+", 2)[0];
    return CommandResult.exit(COMMAND_NOT_FOUND).withStderr(program + ": command not found\n");
  }

  private CommandResult crashed(Throwable failure) {
    LOG.debug("Stub for {} threw", commandLine, failure);
    return CommandResult.exit(1)
        .withStderr("sshfaults: the stub for '" + commandLine + "' threw " + failure + "\n");
  }

  @Override
  public void destroy(ChannelSession channel) {
    Future<?> task = running;
    if (task != null) {
      task.cancel(true);
    }
  }

  private record Invocation(
      String commandLine, String user, Map<String, String> environment, InputStream stdin)
      implements CommandInvocation {

    @Override
    public String stdinAsString() throws IOException {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
