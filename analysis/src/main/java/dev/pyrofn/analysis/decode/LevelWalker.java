package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallerEdges;
import dev.pyrofn.analysis.callsite.FrameKind;
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
 * <p>Only two levels are held at a time, as packed arrays, plus the {@link AncestorPaths} frontier and the
 * per-function sums. When call sites are asked for ({@link AppFrames} given), each node of the two levels also
 * carries the nearest application frame at or above it, and every node adds its value to one
 * {@link CallerEdges} pair per side: memory bounded by the pairs kept, still one pass.
 */
final class LevelWalker implements LevelSink {
  private static final int INITIAL_WIDTH = 256;
  private static final int FILTERS = 4;
  // Odd multipliers for Fibonacci-style hashing: the top 6 bits of id * multiplier pick the bit of a filter.
  private static final int[] HASH_MULTIPLIERS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F};

  private final NameTable names;
  private final int sides;
  private final int groupSize;
  private final SideTotals[] totals;
  private final AncestorPaths paths;
  // Call sites: null when not asked for. kinds[id] is APPLICATION, IDLE or OTHER for each function id.
  private final byte[] kinds;
  private final CallerEdges[] edges;

  private final long[] group;
  private int filled;
  private final long[] previousEnd;

  private int level = -1;
  private int nodeCount;

  // One node of a level occupies, at index i:
  //   spans[i*2*sides ..]  [start0, end0, start1, end1]: its interval on each side (end exclusive);
  //   cells[i]             its cell in AncestorPaths;
  //   masks[FILTERS*i + k]  FILTERS 64-bit Bloom filters of the names on its path (root excluded), one bit
  //                        per name in each, under independent hashes. A child whose name misses any filter
  //                        has no ancestor of that name, which settles the recursion check without touching
  //                        AncestorPaths for most nodes (4 filters: ~2% of nodes on 30-deep paths reach it).
  // "previous*" is the level above, the unprefixed arrays the level being read; they swap at each level end.
  private long[] previousSpans = new long[INITIAL_WIDTH * 4];
  private int[] previousCells = new int[INITIAL_WIDTH];
  private long[] previousMasks = new long[INITIAL_WIDTH * FILTERS];
  private int previousCount;
  private long[] spans = new long[INITIAL_WIDTH * 4];
  private int[] cells = new int[INITIAL_WIDTH];
  private long[] masks = new long[INITIAL_WIDTH * FILTERS];
  private int count;
  private int parentCursor;
  // Call sites only: per node, its function id and the nearest application frame at or above it (a function id,
  // CallerEdges.NO_CALLER or CallerEdges.IDLE).
  private int[] previousIds = new int[0];
  private int[] previousAppAt = new int[0];
  private int[] ids = new int[0];
  private int[] appAt = new int[0];

  private static final byte OTHER = 0;
  private static final byte APPLICATION = 1;
  private static final byte IDLE = 2;

  // Caller -> callee sums, only when asked for (the diff's grouping); null otherwise.
  private final CallEdges calls;

  LevelWalker(NameTable names, int sides) {
    this(names, sides, false, null);
  }

  /**
   * {@code withCalls}: also collect caller -> callee edges (the diff's grouping); {@code appFrames}: null for no
   * call sites, else also collect caller edges classified by it.
   */
  LevelWalker(NameTable names, int sides, boolean withCalls, AppFrames appFrames) {
    this.calls = withCalls ? new CallEdges(sides, names.functionCount()) : null;
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
    if (appFrames == null) {
      this.kinds = null;
      this.edges = null;
    } else {
      this.kinds = classify(names, appFrames);
      this.edges = new CallerEdges[sides];
      for (int s = 0; s < sides; s++) {
        edges[s] = new CallerEdges();
      }
      previousIds = new int[INITIAL_WIDTH];
      previousAppAt = new int[INITIAL_WIDTH];
      ids = new int[INITIAL_WIDTH];
      appAt = new int[INITIAL_WIDTH];
    }
  }

  private static byte[] classify(NameTable names, AppFrames appFrames) {
    byte[] kinds = new byte[names.functionCount()];
    for (int id = 0; id < kinds.length; id++) {
      FrameKind kind = appFrames.kindOf(names.nameOf(id));
      kinds[id] = kind == FrameKind.APPLICATION ? APPLICATION : kind == FrameKind.IDLE ? IDLE : OTHER;
    }
    return kinds;
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

  /** The caller edges of side {@code s}; null when call sites were not asked for. */
  CallerEdges edges(int s) {
    return edges == null ? null : edges[s];
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
    if (level == 0) {
      cells[count] = paths.addRoot();
      Arrays.fill(masks, FILTERS * count, FILTERS * count + FILTERS, 0L);
      if (kinds != null) {
        ids[count] = -1;
        appAt[count] = CallerEdges.NO_CALLER;
      }
      for (int s = 0; s < sides; s++) {
        totals[s].addRoot(group[3 * s + 1]);
      }
    } else {
      addChild(id, findParent(base));
    }
    count++;
    nodeCount++;
  }

  private void addChild(int id, int parent) {
    int parentCell = previousCells[parent];
    boolean nested = mayHaveAncestorNamed(parent, id) && paths.pathContains(parentCell, level - 1, id);
    cells[count] = paths.addChild(id, parentCell);
    for (int k = 0; k < FILTERS; k++) {
      masks[FILTERS * count + k] = previousMasks[FILTERS * parent + k] | bitOf(id, k);
    }
    for (int s = 0; s < sides; s++) {
      totals[s].add(id, group[3 * s + 2], group[3 * s + 1], nested);
    }
    if (calls != null && !nested) {
      int caller = paths.functionAt(parentCell);
      if (caller >= 0) {
        for (int s = 0; s < sides; s++) {
          calls.add(caller, id, s, group[3 * s + 1]);
        }
      }
    }
    if (kinds != null) {
      addCallerEdges(id, parent, nested);
    }
  }

  /** Caller -> callee edges of side {@code s}; empty when the walk was not asked to collect them. */
  dev.pyrofn.analysis.profile.CallGraph calls(int s) {
    return calls == null ? dev.pyrofn.analysis.profile.CallGraph.empty() : calls.toGraph(names, s);
  }

  /**
   * The nearest application frame strictly above this node is the one at or above its parent; an idle wait
   * hides the callers above it (a pool's parked worker is not called by anyone).
   */
  private void addCallerEdges(int id, int parent, boolean nested) {
    int above = previousAppAt[parent];
    byte kind = kinds[id];
    int here = kind == APPLICATION ? id : kind == IDLE ? CallerEdges.IDLE : above;
    ids[count] = id;
    appAt[count] = here;
    boolean entry = above >= 0 && previousIds[parent] == above && kind != APPLICATION;
    for (int s = 0; s < sides; s++) {
      long total = group[3 * s + 1];
      long self = group[3 * s + 2];
      if (!nested && total > 0) {
        edges[s].addTotal(id, above, total, entry);
      }
      if (self > 0) {
        edges[s].addSelf(id, here, self);
      }
    }
  }

  private boolean mayHaveAncestorNamed(int parent, int id) {
    for (int k = 0; k < FILTERS; k++) {
      if ((previousMasks[FILTERS * parent + k] & bitOf(id, k)) == 0) {
        return false;
      }
    }
    return true;
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
      int capacity = count * 2;
      cells = Arrays.copyOf(cells, capacity);
      masks = Arrays.copyOf(masks, capacity * FILTERS);
      spans = Arrays.copyOf(spans, capacity * 2 * sides);
      if (kinds != null) {
        ids = Arrays.copyOf(ids, capacity);
        appAt = Arrays.copyOf(appAt, capacity);
      }
    }
  }

  private void swapLevels() {
    long[] spareSpans = previousSpans;
    int[] spareCells = previousCells;
    long[] spareMasks = previousMasks;
    previousSpans = spans;
    previousCells = cells;
    previousMasks = masks;
    previousCount = count;
    int[] spareIds = previousIds;
    int[] spareAppAt = previousAppAt;
    previousIds = ids;
    previousAppAt = appAt;
    ids = spareIds;
    appAt = spareAppAt;
    spans = spareSpans;
    cells = spareCells;
    masks = spareMasks;
    count = 0;
  }

  private static long bitOf(int id, int filter) {
    return 1L << ((id * HASH_MULTIPLIERS[filter]) >>> 26);
  }
}
