package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * Rebuilds the tree of a flame graph from its levels in one pass and aggregates it per function.
 *
 * <p>A level is a flat run of groups: {@code [dx, total, self, nameIndex]} for a single profile,
 * {@code [dxL, totalL, selfL, dxR, totalR, selfR, nameIndex]} for a diff (side {@code s} at offset
 * {@code 3*s}). Offsets are delta-encoded per level and per side: {@code start = previousEnd + dx}.
 * A node's parent is the node of the level above whose interval contains it on every side; both levels
 * are sorted by offset, so one cursor that only moves right finds every parent.
 *
 * <p>Only two levels are held at a time, as packed arrays (see {@link #spans}), plus the
 * {@link AncestorPaths} frontier and the per-function sums.
 */
final class LevelWalker implements LevelSink {
  private static final int INITIAL_WIDTH = 256;

  private final NameTable names;
  private final int sides;
  private final int groupSize;
  private final SideTotals[] totals;
  private final AncestorPaths paths;

  private final long[] group;
  private int filled;
  private final long[] previousEnd;

  private int level = -1;
  private int nodeCount;

  // spans: per node of a level, 2*sides longs [start0, end0, start1, end1] (end exclusive);
  // cells: per node, its cell in AncestorPaths. "previous" is the level above, "current" the one being read.
  private long[] previousSpans = new long[INITIAL_WIDTH * 4];
  private int[] previousCells = new int[INITIAL_WIDTH];
  private int previousCount;
  private long[] spans = new long[INITIAL_WIDTH * 4];
  private int[] cells = new int[INITIAL_WIDTH];
  private int count;
  private int parentCursor;

  LevelWalker(NameTable names, int sides) {
    this.names = names;
    this.sides = sides;
    this.groupSize = 3 * sides + 1;
    this.totals = new SideTotals[sides];
    for (int s = 0; s < sides; s++) {
      totals[s] = new SideTotals(names.functionCount());
    }
    this.paths = new AncestorPaths(names.functionCount());
    this.group = new long[groupSize];
    this.previousEnd = new long[sides];
  }

  @Override
  public void beginLevel() {
    level++;
    filled = 0;
    count = 0;
    parentCursor = 0;
    Arrays.fill(previousEnd, 0);
  }

  @Override
  public void accept(long value) {
    group[filled++] = value;
    if (filled == groupSize) {
      filled = 0;
      addNode();
    }
  }

  @Override
  public void endLevel() {
    if (filled != 0) {
      throw new ProfileFormatException("levels[" + level + "]: length is not a multiple of " + groupSize
          + " (each node is " + groupSize + " numbers)");
    }
    if (level == 0 && count > 1) {
      throw new ProfileFormatException("levels[0]: holds " + count + " nodes, expected the single root");
    }
    paths.retain(cells, count);
    swapLevels();
  }

  int nodeCount() {
    return nodeCount;
  }

  SideTotals side(int s) {
    return totals[s];
  }

  /** Cells held by the recursion check: bounded by the frontier, not by the node count. */
  int retainedCells() {
    return paths.size();
  }

  private void addNode() {
    int id = names.idOf(group[groupSize - 1], level);
    ensureCapacity();
    int base = count * 2 * sides;
    for (int s = 0; s < sides; s++) {
      decodeSpan(s, base);
    }
    int cell;
    if (level == 0) {
      cell = paths.addRoot();
      for (int s = 0; s < sides; s++) {
        totals[s].addRoot(group[3 * s + 1]);
      }
    } else {
      int parentCell = previousCells[findParent(base)];
      boolean nested = paths.pathContains(parentCell, id);
      cell = paths.addChild(id, parentCell);
      for (int s = 0; s < sides; s++) {
        totals[s].add(id, group[3 * s + 2], group[3 * s + 1], nested);
      }
    }
    cells[count++] = cell;
    nodeCount++;
  }

  private void decodeSpan(int s, int base) {
    long dx = group[3 * s];
    long total = group[3 * s + 1];
    long self = group[3 * s + 2];
    if (dx < 0 || total < 0 || self < 0) {
      throw new ProfileFormatException("levels[" + level + "]: negative value in node " + count);
    }
    if (self > total) {
      throw new ProfileFormatException("levels[" + level + "]: node " + count + " has self " + self
          + " greater than its total " + total);
    }
    try {
      long start = Math.addExact(previousEnd[s], dx);
      long end = Math.addExact(start, total);
      spans[base + 2 * s] = start;
      spans[base + 2 * s + 1] = end;
      previousEnd[s] = end;
    } catch (ArithmeticException e) {
      throw new ProfileFormatException("levels[" + level + "]: offsets overflow a 64-bit integer", e);
    }
  }

  private int findParent(int base) {
    while (parentCursor < previousCount && !containedIn(parentCursor, base)) {
      parentCursor++;
    }
    if (parentCursor == previousCount) {
      throw new ProfileFormatException("levels[" + level + "]: node " + count
          + " lies outside every node of the level above");
    }
    return parentCursor;
  }

  private boolean containedIn(int parent, int base) {
    int parentBase = parent * 2 * sides;
    for (int i = 0; i < 2 * sides; i += 2) {
      if (spans[base + i] < previousSpans[parentBase + i] || spans[base + i + 1] > previousSpans[parentBase + i + 1]) {
        return false;
      }
    }
    return true;
  }

  private void ensureCapacity() {
    if (count == cells.length) {
      cells = Arrays.copyOf(cells, count * 2);
    }
    if ((count + 1) * 2 * sides > spans.length) {
      spans = Arrays.copyOf(spans, Math.max(spans.length * 2, (count + 1) * 2 * sides));
    }
  }

  private void swapLevels() {
    long[] spareSpans = previousSpans;
    int[] spareCells = previousCells;
    previousSpans = spans;
    previousCells = cells;
    previousCount = count;
    spans = spareSpans;
    cells = spareCells;
    count = 0;
  }
}
