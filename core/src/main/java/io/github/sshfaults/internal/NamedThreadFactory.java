package io.github.sshfaults.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names every thread after its purpose and index ({@code sshfaults-worker-3}) and makes it a
 * daemon, so a forgotten pool can never keep a JVM alive; pools are still shut down explicitly.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger next = new AtomicInteger(1);

  /** Creates a factory whose threads are named {@code prefix-1}, {@code prefix-2}, ... */
  public NamedThreadFactory(String prefix) {
    this.prefix = Preconditions.notBlank(prefix, "thread name prefix");
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + next.getAndIncrement());
    thread.setDaemon(true);
    return thread;
  }
}
