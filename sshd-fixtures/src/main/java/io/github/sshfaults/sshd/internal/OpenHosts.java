package io.github.sshfaults.sshd.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake hosts of this JVM that are started and not closed yet, so that a leak check can tell
 * which a test left open: with threads shared by every host, an open host holds no thread of its
 * own to give it away. Diagnostic state only: nothing decides behaviour by it.
 */
public final class OpenHosts {

  private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();

  private OpenHosts() {}

  /** A host has started. */
  public static void opened(AutoCloseable host) {
    OPEN.add(host);
  }

  /** A host has closed. */
  public static void closed(AutoCloseable host) {
    OPEN.remove(host);
  }

  /** The hosts open right now, in no particular order. */
  public static List<AutoCloseable> now() {
    return List.copyOf(OPEN);
  }
}
