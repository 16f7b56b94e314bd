package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallerEdges;
import dev.pyrofn.analysis.callsite.FrameKind;
import dev.pyrofn.analysis.profile.CallGraph;
import java.util.Arrays;

/**
 * Rebuilds the tree of a flame graph from its levels in one pass and aggregates it per function.
 *
 * <p>A level is a flat run of groups {@code [dx, total, self, nameIndex]}. Offsets are delta-encoded per level:
 * {@code start = previousEnd + dx}. A node's parent is the node of the level above whose interval contains it;
 * both levels are sorted by offset, so one cursor that only moves right finds every parent.
 *
 * <p>Only two levels are held at a time, as packed arrays, plus the {@link AncestorPaths} frontier and the
 * per-function sums. When call sites are asked for ({@link AppFrames} given), each node of the two levels also
 * carries the nearest application frame at or above it, and every node adds its value to one
 * {@link CallerEdges} pair: memory bounded by the pairs kept, still one pass.
 */
final class LevelWalker implements LevelSink {
  private static final int INITIAL_WIDTH = 256;
  private static final int GROUP_SIZE = 4;
  /**
   * What a decode lets the ancestor cells reach before compacting them: 2 MB. Below it a compaction pass costs more
   * than the memory it frees (it was ~15% of a 65,536-node decode); above it memory stays bounded by twice the
   * frontier.
   */
  static final int DECODE_COMPACTION_FLOOR = 1 << 18;
  private static final int FILTERS = 4;
  // Odd multipliers for Fibonacci-style hashing: the top 6 bits of id * multiplier pick the bit of a filter.
  private static final int[] HASH_MULTIPLIERS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F};

  private final NameTable names;
  private final FunctionSums sums;
  private final AncestorPaths paths;
  // Call sites: null when not asked for. kinds[id] is APPLICATION, IDLE or OTHER for each function id.
  private final byte[] kinds;
  private final CallerEdges edges;

  private final long[] group = new long[GROUP_SIZE];
  private int filled;
  private long previousEnd;

  private int level = -1;
  private int nodeCount;

  // One node of a level occupies, at index i:
  //   spans[2*i], spans[2*i + 1]  its interval [start, end);
  //   cells[i]             its cell in AncestorPaths;
  //   masks[FILTERS*i + k]  FILTERS 64-bit Bloom filters of the names on its path (root excluded), one bit
  //                        per name in each, under independent hashes. A child whose name misses any filter
  //                        has no ancestor of that name, which settles the recursion check without touching
  //                        AncestorPaths for most nodes (4 filters: ~2% of nodes on 30-deep paths reach it).
  // "previous*" is the level above, the unprefixed arrays the level being read; they swap at each level end.
  private long[] previousSpans = new long[INITIAL_WIDTH * 2];
  private int[] previousCells = new int[INITIAL_WIDTH];
  private long[] previousMasks = new long[INITIAL_WIDTH * FILTERS];
  private int previousCount;
  private long[] spans = new long[INITIAL_WIDTH * 2];
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

  LevelWalker(NameTable names) {
    this(names, false, null, AncestorPaths.MIN_COMPACTION);
  }

  /**
   * {@code withCalls}: also collect caller -> callee edges (the diff's grouping); {@code appFrames}: null for no
   * call sites, else also collect caller edges classified by it.
   */
  LevelWalker(NameTable names, boolean withCalls, AppFrames appFrames) {
    this(names, withCalls, appFrames, DECODE_COMPACTION_FLOOR);
  }

  /** As above; {@code compactionFloor}: see {@link AncestorPaths#AncestorPaths(int, int)}. */
  LevelWalker(NameTable names, boolean withCalls, AppFrames appFrames, int compactionFloor) {
    this.calls = withCalls ? new CallEdges(names.functionCount()) : null;
    this.names = names;
    this.sums = new FunctionSums(names.functionCount());
    this.paths = new AncestorPaths(names.functionCount(), compactionFloor);
    if (appFrames == null) {
      this.kinds = null;
      this.edges = null;
    } else {
      this.kinds = classify(names, appFrames);
      this.edges = new CallerEdges();
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
    previousEnd = 0;
  }

  @Override
  public void accept(long value) {
    group[filled++] = value;
    if (filled == GROUP_SIZE) {
      filled = 0;
      addNode();
    }
  }

  @Override
  public void acceptNode(long dx, long total, long self, long nameIndex) {
    if (filled != 0) {
      LevelSink.super.acceptNode(dx, total, self, nameIndex);
      return;
    }
    group[0] = dx;
    group[1] = total;
    group[2] = self;
    group[3] = nameIndex;
    addNode();
  }

  @Override
  public void endLevel() {
    if (filled != 0) {
      throw new ProfileFormatException("levels[" + level + "]: length is not a multiple of " + GROUP_SIZE
          + " (each node is " + GROUP_SIZE + " numbers)");
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

  FunctionSums sums() {
    return sums;
  }

  /** The caller edges; null when call sites were not asked for. */
  CallerEdges edges() {
    return edges;
  }

  /** Cells held by the recursion check: bounded by the frontier, not by the node count. */
  int retainedCells() {
    return paths.size();
  }

  private void addNode() {
    int id = names.idOf(group[GROUP_SIZE - 1], level);
    ensureCapacity();
    decodeSpan();
    if (level == 0) {
      cells[count] = paths.addRoot();
      Arrays.fill(masks, FILTERS * count, FILTERS * count + FILTERS, 0L);
      if (kinds != null) {
        ids[count] = -1;
        appAt[count] = CallerEdges.NO_CALLER;
      }
      sums.addRoot(group[1]);
    } else {
      addChild(id, findParent());
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
    sums.add(id, group[2], group[1], nested);
    if (calls != null && !nested) {
      int caller = paths.functionAt(parentCell);
      if (caller >= 0) {
        calls.add(caller, id, group[1]);
      }
    }
    if (kinds != null) {
      addCallerEdges(id, parent, nested);
    }
  }

  /** Caller -> callee edges; empty when the walk was not asked to collect them. */
  CallGraph calls() {
    return calls == null ? CallGraph.empty() : calls.toGraph(names);
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
    long total = group[1];
    long self = group[2];
    if (!nested && total > 0) {
      edges.addTotal(id, above, total, entry);
    }
    if (self > 0) {
      edges.addSelf(id, here, self);
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

  private void decodeSpan() {
    long dx = group[0];
    long total = group[1];
    long self = group[2];
    if (dx < 0 || total < 0 || self < 0) {
      throw new ProfileFormatException("levels[" + level + "]: negative value in node " + count);
    }
    if (self > total) {
      throw new ProfileFormatException("levels[" + level + "]: node " + count + " has self " + self
          + " greater than its total " + total);
    }
    try {
      long start = Math.addExact(previousEnd, dx);
      long end = Math.addExact(start, total);
      spans[2 * count] = start;
      spans[2 * count + 1] = end;
      previousEnd = end;
    } catch (ArithmeticException e) {
      throw new ProfileFormatException("levels[" + level + "]: offsets overflow a 64-bit integer", e);
    }
  }

  private int findParent() {
    while (parentCursor < previousCount && !containedIn(parentCursor)) {
      parentCursor++;
    }
    if (parentCursor == previousCount) {
      throw new ProfileFormatException("levels[" + level + "]: node " + count
          + " lies outside every node of the level above");
    }
    return parentCursor;
  }

  private boolean containedIn(int parent) {
    return spans[2 * count] >= previousSpans[2 * parent] && spans[2 * count + 1] <= previousSpans[2 * parent + 1];
  }

  private void ensureCapacity() {
    if (count == cells.length) {
      int capacity = count * 2;
      cells = Arrays.copyOf(cells, capacity);
      masks = Arrays.copyOf(masks, capacity * FILTERS);
      spans = Arrays.copyOf(spans, capacity * 2);
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
