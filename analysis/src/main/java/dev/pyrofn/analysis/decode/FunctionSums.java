package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.FunctionTable;

/**
 * Per-function sums of a flame graph, indexed by function id so the heap stays proportional to the number of
 * distinct functions.
 */
final class FunctionSums {
  // sums[2*id]: sum of self over every node named id.
  // sums[2*id + 1]: sum of total over nodes named id that have no ancestor named id (recursion counted once).
  // Side by side so one node touches one cache line: with 100k names the sums do not fit in the cache.
  // A function is present when that total is positive: a node with a non-zero total either has no ancestor of its
  // name (and is counted) or lies inside one that does and is at least as wide.
  private final long[] sums;
  private long rootTotal;

  FunctionSums(int functionCount) {
    this.sums = new long[functionCount * 2];
  }

  void addRoot(long value) {
    rootTotal += value;
  }

  void add(int id, long selfValue, long totalValue, boolean nested) {
    sums[2 * id] += selfValue;
    if (!nested) {
      sums[2 * id + 1] += totalValue;
    }
  }

  long rootTotal() {
    return rootTotal;
  }

  /** The function table of the functions present, ranked when a reader asks. */
  FunctionTable toTable(NameTable names) {
    int count = 0;
    for (int id = 0; id < sums.length / 2; id++) {
      long self = sums[2 * id];
      long total = sums[2 * id + 1];
      if (self < 0 || total < 0) {
        throw new ProfileFormatException("values of " + names.nameOf(id) + " overflow a 64-bit integer");
      }
      if (total > 0) {
        count++;
      }
    }
    String[] rowNames = new String[count];
    long[] rowSelf = new long[count];
    long[] rowTotal = new long[count];
    int row = 0;
    for (int id = 0; id < sums.length / 2; id++) {
      if (sums[2 * id + 1] > 0) {
        rowNames[row] = names.nameOf(id);
        rowSelf[row] = sums[2 * id];
        rowTotal[row] = sums[2 * id + 1];
        row++;
      }
    }
    return FunctionTable.ofDistinct(rootTotal, rowNames, rowSelf, rowTotal, count);
  }
}
