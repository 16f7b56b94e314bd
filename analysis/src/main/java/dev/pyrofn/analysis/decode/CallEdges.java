package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.PairSums;

/**
 * Caller → callee sums while the levels stream by, for the diff's grouping (see {@link CallGraph}): one
 * {@link PairSums} entry per edge.
 */
final class CallEdges {
  private final PairSums edges;

  /** {@code functionCount}: distinct names of the profile; a flame graph has a few edges per name. */
  CallEdges(int functionCount) {
    this.edges = new PairSums(1, functionCount * 2);
  }

  /** Adds {@code value} to the edge {@code caller → callee} (both function ids, >= 0). */
  void add(int caller, int callee, long value) {
    if (value == 0) {
      return;
    }
    edges.add(edges.slotOf(caller, callee), 0, value);
  }

  /** The edges, straight into arrays of the names the name table already holds (no copies). */
  CallGraph toGraph(NameTable names) {
    int size = edges.size();
    String[] callers = new String[size];
    String[] callees = new String[size];
    long[] sums = new long[size];
    int count = 0;
    for (int slot = 0; slot < edges.capacity(); slot++) {
      long value = edges.occupied(slot) ? edges.sum(slot, 0) : 0;
      if (value > 0) {
        callers[count] = names.nameOf(edges.first(slot));
        callees[count] = names.nameOf(edges.second(slot));
        sums[count] = value;
        count++;
      }
    }
    return CallGraph.ofDistinctEdges(callers, callees, sums, count);
  }
}
