package io.github.sshfaults.sshd.journal.internal;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Ranks what was seen by how close it came to what was expected, as WireMock's near misses do. */
public final class NearMisses {

  private NearMisses() {}

  /**
   * The {@code limit} candidates whose key is closest to {@code target} (by edit distance, ties in
   * the original order), closest first.
   */
  public static <E> List<E> closest(
      List<E> candidates, Function<? super E, String> key, String target, int limit) {
    return candidates.stream()
        .sorted(Comparator.comparingInt(candidate -> distance(key.apply(candidate), target)))
        .limit(limit)
        .toList();
  }

  /** The Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    if (a == null || b == null) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
