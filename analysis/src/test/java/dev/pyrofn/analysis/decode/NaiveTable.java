package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected function table of a test tree, computed the slow and obvious way: a recursive walk that
 * carries the multiset of names on the current path, independent of the decoder's level encoding.
 */
final class NaiveTable {
  private NaiveTable() {
  }

  /** name -> [self, total] of one side, for functions with a non-zero total on that side. */
  static Map<String, List<Long>> expected(TreeNode root, int side) {
    Map<String, long[]> rows = new TreeMap<>();
    Map<String, Integer> onPath = new HashMap<>();
    for (TreeNode child : root.children) {
      walk(child, side, onPath, rows);
    }
    rows.values().removeIf(r -> r[2] == 0);
    Map<String, List<Long>> result = new TreeMap<>();
    rows.forEach((name, r) -> result.put(name, List.of(r[0], r[1])));
    return result;
  }

  /** The same shape, read from a decoded table, so the two can be compared with one equality. */
  static Map<String, List<Long>> actual(FunctionTable table) {
    Map<String, List<Long>> rows = new TreeMap<>();
    for (FunctionStat stat : table.functions()) {
      rows.put(stat.name(), List.of(stat.self(), stat.total()));
    }
    return rows;
  }

  private static void walk(TreeNode node, int side, Map<String, Integer> onPath, Map<String, long[]> rows) {
    long[] row = rows.computeIfAbsent(node.name, n -> new long[3]);
    long total = node.total(side);
    row[0] += node.self[side];
    if (onPath.getOrDefault(node.name, 0) == 0) {
      row[1] += total;
    }
    if (total > 0) {
      row[2] = 1;
    }
    onPath.merge(node.name, 1, Integer::sum);
    for (TreeNode child : node.children) {
      walk(child, side, onPath, rows);
    }
    onPath.merge(node.name, -1, Integer::sum);
  }
}
