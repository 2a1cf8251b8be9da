package io.github.sshfaults.sshd.internal;

import io.github.sshfaults.internal.NamedThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;

/**
 * The threads every fake host of the JVM shares, so that a thousand hosts cost a handful of
 * threads instead of a few each: the I/O threads of one asynchronous channel group, one timer, and
 * a bounded pool for command handlers. Created on first use, named {@code sshfaults-io-N}, {@code
 * sshfaults-io-resume-N}, {@code sshfaults-timer-N} and {@code sshfaults-exec-N}, daemon threads
 * (they never keep a JVM alive), never shut down: like the JDK's common pool, they belong to the
 * JVM, not to a host. What a host starts on them it stops when it closes ({@link HostTasks}).
 */
public final class SharedThreads {

  /** The most command handlers that may run at once, across every host of the JVM. */
  public static final int MAX_COMMANDS = 256;

  /** How long an idle handler thread waits for more work before it ends. */
  private static final long COMMAND_THREAD_IDLE_SECONDS = 10;

  /** Every thread name of these pools starts with one of these. */
  public static final String NAME_PREFIX = "sshfaults-";

  private SharedThreads() {}

  /**
   * Whether {@code threadName} names one of these shared threads: they outlive every host and
   * every test by design, so checks for leftover threads must pass them over.
   */
  public static boolean isShared(String threadName) {
    return threadName.startsWith("sshfaults-io-")
        || threadName.startsWith("sshfaults-timer-")
        || threadName.startsWith("sshfaults-exec-");
  }

  /** The channel group all hosts' sockets belong to; its threads must never block. */
  public static AsynchronousChannelGroup ioGroup() {
    return Io.GROUP;
  }

  /** Where MINA SSHD resumes reading suspended sessions. */
  public static CloseableExecutorService ioResume() {
    return Io.RESUME;
  }

  /** Short timed tasks: fault delays, session timeouts. Tasks must not block. */
  public static ScheduledThreadPoolExecutor timer() {
    return Timer.TIMER;
  }

  /**
   * Command handlers, which may block as long as their test wants: at most {@value #MAX_COMMANDS}
   * at once, then a {@link java.util.concurrent.RejectedExecutionException}.
   */
  public static ExecutorService commands() {
    return Commands.POOL;
  }

  /** I/O threads: as many as MINA SSHD gives one server by default, for all hosts together. */
  static int ioThreads() {
    return Runtime.getRuntime().availableProcessors() + 1;
  }

  private static ThreadFactory daemons(String prefix) {
    ThreadFactory named = new NamedThreadFactory(prefix);
    return task -> {
      Thread thread = named.newThread(task);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static final class Io {
    static final AsynchronousChannelGroup GROUP;
    static final CloseableExecutorService RESUME;

    static {
      try {
        // A fixed pool: its threads start now and stay, and no hidden internal thread comes with
        // it, as one does with every group over a cached pool.
        GROUP = AsynchronousChannelGroup.withFixedThreadPool(ioThreads(), daemons("sshfaults-io"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the fake hosts' I/O threads", e);
      }
      SshThreadPoolExecutor resume =
          new SshThreadPoolExecutor(
              ioThreads(),
              ioThreads(),
              COMMAND_THREAD_IDLE_SECONDS,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              daemons("sshfaults-io-resume"));
      resume.allowCoreThreadTimeOut(true);
      RESUME = resume;
    }
  }

  private static final class Timer {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(1, daemons("sshfaults-timer"));
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }

  private static final class Commands {
    static final ThreadPoolExecutor POOL =
        new ThreadPoolExecutor(
            0,
            MAX_COMMANDS,
            COMMAND_THREAD_IDLE_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemons("sshfaults-exec"));
  }
}
