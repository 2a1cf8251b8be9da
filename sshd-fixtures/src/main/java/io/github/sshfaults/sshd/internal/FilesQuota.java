package io.github.sshfaults.sshd.internal;

import com.google.common.jimfs.Configuration;
import java.io.IOException;

/**
 * The size quota of a fake host's in-memory files: what bounds their memory. Space is counted as
 * a disk counts it, in blocks of {@value #BLOCK_SIZE} bytes: a file takes its size rounded up to
 * whole blocks, and the quota is rounded up to whole blocks too, so that a file exactly as large as
 * the quota fits. Jimfs allocates blocks as files grow, so a host holds no more memory than its
 * files take, and refuses a write that would take more than the quota.
 */
public final class FilesQuota {

  /** The size of a block, the unit files take space in. */
  public static final int BLOCK_SIZE = 4096;

  /** The smallest quota: one block. */
  public static final long MIN = BLOCK_SIZE;

  /** The largest quota, 1 TiB: more than any test heap, within what Jimfs can count. */
  public static final long MAX = 1L << 40;

  // What Jimfs 1.3 (HeapDisk.allocate) throws when a write needs more blocks than are left.
  private static final String JIMFS_FULL = "out of disk space";

  private FilesQuota() {}

  /**
   * Returns {@code bytes}, or throws naming it and what is allowed.
   *
   * @throws IllegalArgumentException when {@code bytes} lies outside {@link #MIN} to {@link #MAX}
   */
  public static long check(long bytes) {
    if (bytes < MIN || bytes > MAX) {
      throw new IllegalArgumentException(
          "files quota must be between "
              + MIN
              + " bytes (one block of 4 KiB) and "
              + MAX
              + " bytes (1 TiB), but was "
              + bytes);
    }
    return bytes;
  }

  /** {@code configuration} limited to {@code quota} bytes, releasing the blocks of deleted files. */
  public static Configuration.Builder limit(Configuration.Builder configuration, long quota) {
    return configuration
        .setBlockSize(BLOCK_SIZE)
        .setMaxSize(blocks(quota) * BLOCK_SIZE)
        // No cache of freed blocks: memory goes back to the heap when files are deleted.
        .setMaxCacheSize(0);
  }

  /** How many blocks {@code bytes} of content take. */
  public static long blocks(long bytes) {
    return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE;
  }

  /** What the host answers when the quota is exceeded: {@code quota of 65536 bytes exceeded}. */
  public static String exceeded(long quota) {
    return "quota of " + quota + " bytes exceeded";
  }

  /** Whether {@code failure}, or one of its causes, is the file system refusing to grow. */
  public static boolean isExceeded(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass() == IOException.class && JIMFS_FULL.equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
