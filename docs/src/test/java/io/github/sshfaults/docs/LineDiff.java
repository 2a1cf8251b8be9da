package io.github.sshfaults.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the style of {@code diff -u}: {@code -} for lines only in the expected text,
 * {@code +} for lines only in the actual text, two lines of context around each change, and an
 * {@code @@ line N @@} header giving where each hunk starts in the actual text's file.
 */
final class LineDiff {

  private static final int CONTEXT = 2;

  /** One line of the diff, and the index in the actual text it sits at. */
  private record Op(char kind, String line, int actualIndex) {}

  private LineDiff() {}

  /**
   * Renders the differences, or returns an empty string when the texts are equal.
   *
   * @param actualFirstLine the 1-based line of the actual text's first line in its file
   */
  static String render(List<String> expected, List<String> actual, int actualFirstLine) {
    List<Op> ops = operations(expected, actual);
    boolean[] shown = new boolean[ops.size()];
    boolean changed = false;
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).kind() != ' ') {
        changed = true;
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(ops.size() - 1, i + CONTEXT); j++) {
          shown[j] = true;
        }
      }
    }
    if (!changed) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ops.size(); i++) {
      if (shown[i]) {
        if (i == 0 || !shown[i - 1]) {
          int line = actualFirstLine + ops.get(i).actualIndex();
          out.append("  @@ line ").append(line).append(" @@\n");
        }
        out.append("  ").append(ops.get(i).kind()).append(ops.get(i).line()).append('\n');
      }
    }
    return out.toString();
  }

  /** Both texts as one sequence of kept, removed and added lines, by longest common subsequence. */
  private static List<Op> operations(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            expected.get(i).equals(actual.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        ops.add(new Op(' ', expected.get(i++), j++));
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        ops.add(new Op('-', expected.get(i++), j));
      } else {
        ops.add(new Op('+', actual.get(j), j++));
      }
    }
    return ops;
  }
}
