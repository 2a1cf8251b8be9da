package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.internal.OpenHosts;
import io.github.sshfaults.sshd.internal.SharedThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks that nothing a test (or a class) started is still running once it is over and everything
 * the extension owned was closed: no fake host it started is still open, and no thread of a
 * concurrent run, a client adapter, or a MINA SSHD, JSch or sshj client that it started is still
 * alive after a short grace period. The threads fake hosts share with the whole JVM ({@code
 * sshfaults-io-*}, {@code sshfaults-timer-*}, {@code sshfaults-exec-*}) are not leaks: they belong
 * to the JVM. A leak fails the test (or class), listing what leaked; the hosts it left open are
 * closed then, so that one leak does not spill into the next tests.
 *
 * <p>It lives in the context's store, put there before anything the extension owns, so that JUnit
 * closes it last (the store closes its values newest first).
 */
final class LeakCheck implements AutoCloseable {

  /** The JUnit configuration parameter that turns the check on for every test of a run. */
  static final String PARAMETER = "sshfaults.checkLeaks";

  /** How long threads get to end after everything was closed: they may be ending as we look. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheck.class);

  /** Thread names of the runners and clients whose leftovers count as leaks. */
  private static final List<String> WATCHED =
      List.of("sshfaults-", "sshd-", "Connect thread ", "sshj-");

  private final String what;
  private final Set<Object> reported;
  private final Set<Thread> threadsBefore;
  private final Set<AutoCloseable> hostsBefore;

  /**
   * @param reported what checks of this run have reported already: a test's leak is not reported
   *     again by its class
   */
  private LeakCheck(String what, Set<Object> reported) {
    this.what = what;
    this.reported = reported;
    this.threadsBefore = alive();
    this.hostsBefore = new HashSet<>(OpenHosts.now());
  }

  /** Starts checking {@code context} when the test or class asks for it; else does nothing. */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the name both JUnit 5.14 and 6 have
  static void startIfWanted(ExtensionContext context) {
    if (!wanted(context)) {
      return;
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(context.getUniqueId()) == null) {
      @SuppressWarnings("unchecked")
      Set<Object> reported =
          context
              .getRoot()
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(
                  Reported.class, key -> ConcurrentHashMap.newKeySet(), Set.class);
      store.put(context.getUniqueId(), new LeakCheck(context.getDisplayName(), reported));
    }
  }

  /** Root store key of what was reported. */
  private static final class Reported {}

  private static boolean wanted(ExtensionContext context) {
    if (context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)) {
      return true;
    }
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<SshFaultsTest> annotation =
          AnnotationSupport.findAnnotation(c.get().getElement(), SshFaultsTest.class);
      if (annotation.isPresent()) {
        return annotation.get().checkLeaks();
      }
    }
    return false;
  }

  /**
   * Fails when hosts started during the context are still open, or threads of the watched kinds
   * started during it are still alive after the grace period.
   *
   * @throws AssertionError listing each leaked host and thread
   */
  @Override
  public void close() throws Exception {
    List<AutoCloseable> hosts =
        OpenHosts.now().stream()
            .filter(host -> !hostsBefore.contains(host) && !reported.contains(host))
            .toList();
    List<Thread> threads = leakedThreads();
    reported.addAll(hosts);
    reported.addAll(threads);
    if (hosts.isEmpty() && threads.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder(what).append(" left running what it started (closed when it ended?):");
    hosts.forEach(host -> message.append("\n  open host ").append(host));
    threads.forEach(thread -> message.append(describe(thread)));
    for (AutoCloseable host : hosts) {
      host.close();
    }
    throw new AssertionError(message.toString());
  }

  private List<Thread> leakedThreads() throws InterruptedException {
    List<Thread> suspects =
        alive().stream()
            .filter(t -> !threadsBefore.contains(t) && !reported.contains(t) && isWatched(t))
            .toList();
    long deadline = System.nanoTime() + GRACE.toNanos();
    List<Thread> leaked = new ArrayList<>();
    for (Thread thread : suspects) {
      long remaining = deadline - System.nanoTime();
      if (remaining > 0) {
        thread.join(Math.max(1, remaining / 1_000_000));
      }
      if (thread.isAlive()) {
        leaked.add(thread);
      }
    }
    return leaked;
  }

  private static boolean isWatched(Thread thread) {
    String name = thread.getName();
    if (SharedThreads.isShared(name)) {
      return false;
    }
    // By name only: the JDK's unnamed internal threads of channel groups are not ours to judge.
    return WATCHED.stream().anyMatch(name::startsWith);
  }

  private static String describe(Thread thread) {
    return "\n  thread "
        + thread.getName()
        + Arrays.stream(thread.getStackTrace())
            .limit(6)
            .map(frame -> "\n      at " + frame)
            .collect(Collectors.joining());
  }

  private static Set<Thread> alive() {
    return Thread.getAllStackTraces().keySet();
  }
}
