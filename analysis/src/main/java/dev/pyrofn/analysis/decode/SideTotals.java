package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.FunctionTable;

/**
 * Per-function sums for one side of a flame graph (a single profile has one side, a diff two), indexed by
 * function id so the heap stays proportional to the number of distinct functions.
 */
final class SideTotals {
  // self[id]: sum of self over every node named id.
  // total[id]: sum of total over nodes named id that have no ancestor named id (recursion counted once).
  // present[id]: some node named id has a non-zero total on this side (zero-width diff nodes do not count).
  private final long[] self;
  private final long[] total;
  private final boolean[] present;
  private long rootTotal;

  SideTotals(int functionCount) {
    this.self = new long[functionCount];
    this.total = new long[functionCount];
    this.present = new boolean[functionCount];
  }

  void addRoot(long value) {
    rootTotal += value;
  }

  void add(int id, long selfValue, long totalValue, boolean nested) {
    self[id] += selfValue;
    if (!nested) {
      total[id] += totalValue;
    }
    if (totalValue > 0) {
      present[id] = true;
    }
  }

  long rootTotal() {
    return rootTotal;
  }

  /** The ranked table of the functions present on this side. */
  FunctionTable toTable(NameTable names) {
    int count = 0;
    for (boolean p : present) {
      if (p) {
        count++;
      }
    }
    String[] rowNames = new String[count];
    long[] rowSelf = new long[count];
    long[] rowTotal = new long[count];
    int row = 0;
    for (int id = 0; id < present.length; id++) {
      if (present[id]) {
        if (self[id] < 0 || total[id] < 0) {
          throw new ProfileFormatException("values of " + names.nameOf(id) + " overflow a 64-bit integer");
        }
        rowNames[row] = names.nameOf(id);
        rowSelf[row] = self[id];
        rowTotal[row] = total[id];
        row++;
      }
    }
    return FunctionTable.fromArrays(rootTotal, rowNames, rowSelf, rowTotal, count);
  }
}
