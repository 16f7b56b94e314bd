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
  // Literals in the code (not an array): a static array's elements are loads for the JIT, not constants.
  private static final int HASH_0 = 0x9E3779B9;
  private static final int HASH_1 = 0x85EBCA6B;
  private static final int HASH_2 = 0xC2B2AE35;
  private static final int HASH_3 = 0x27D4EB2F;

  private final NameTable names;
  private final FunctionSums sums;
  private final AncestorPaths paths;
  // Call sites: null when not asked for. kinds[id] is APPLICATION, IDLE or OTHER for each function id.
  private final byte[] kinds;
  private final CallerEdges edges;

  private final DecodeScratch scratch;
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
  // Taken from (and handed back to) the DecodeScratch: their contents from an earlier decode are never read,
  // every slot is written before it is read.
  private long[] previousSpans;
  private int[] previousCells;
  private long[] previousMasks;
  private int previousCount;
  private long[] spans;
  private int[] cells;
  private long[] masks;
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
    this(names, false, null, AncestorPaths.MIN_COMPACTION, new DecodeScratch());
  }

  /**
   * {@code withCalls}: also collect caller -> callee edges (the diff's grouping); {@code appFrames}: null for no
   * call sites, else also collect caller edges classified by it.
   */
  LevelWalker(NameTable names, boolean withCalls, AppFrames appFrames, DecodeScratch scratch) {
    this(names, withCalls, appFrames, DECODE_COMPACTION_FLOOR, scratch);
  }

  /**
   * As above; {@code compactionFloor}: see {@link AncestorPaths#AncestorPaths(int, int)}; {@code scratch}: where
   * the level buffers and ancestor pages come from, handed back by {@link #release()}.
   */
  LevelWalker(NameTable names, boolean withCalls, AppFrames appFrames, int compactionFloor, DecodeScratch scratch) {
    this.calls = withCalls ? new CallEdges(names.functionCount()) : null;
    this.names = names;
    this.sums = new FunctionSums(names.functionCount());
    this.scratch = scratch;
    this.paths = new AncestorPaths(names.functionCount(), compactionFloor, scratch.cellPages, scratch.remapPages);
    if (scratch.cells == null) {
      scratch.spans = new long[INITIAL_WIDTH * 2];
      scratch.cells = new int[INITIAL_WIDTH];
      scratch.masks = new long[INITIAL_WIDTH * FILTERS];
      scratch.previousSpans = new long[INITIAL_WIDTH * 2];
      scratch.previousCells = new int[INITIAL_WIDTH];
      scratch.previousMasks = new long[INITIAL_WIDTH * FILTERS];
    }
    spans = scratch.spans;
    cells = scratch.cells;
    masks = scratch.masks;
    previousSpans = scratch.previousSpans;
    previousCells = scratch.previousCells;
    previousMasks = scratch.previousMasks;
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
      addNode(group[0], group[1], group[2], group[3]);
    }
  }

  @Override
  public void acceptNode(long dx, long total, long self, long nameIndex) {
    if (filled != 0) {
      LevelSink.super.acceptNode(dx, total, self, nameIndex);
      return;
    }
    addNode(dx, total, self, nameIndex);
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

  private void addNode(long dx, long total, long self, long nameIndex) {
    int id = names.idOf(nameIndex, level);
    if (count == cells.length) {
      grow();
    }
    if ((dx | total | self) < 0 || self > total) {
      throw invalidNode(dx, total, self);
    }
    // All three are non-negative, so a sum overflowed exactly when it came out negative.
    long start = previousEnd + dx;
    long end = start + total;
    if ((start | end) < 0) {
      throw new ProfileFormatException("levels[" + level + "]: offsets overflow a 64-bit integer",
          new ArithmeticException("long overflow"));
    }
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    previousEnd = end;
    if (level == 0) {
      cells[count] = paths.addRoot();
      Arrays.fill(masks, FILTERS * count, FILTERS * count + FILTERS, 0L);
      if (kinds != null) {
        ensureCallSiteCapacity();
        ids[count] = -1;
        appAt[count] = CallerEdges.NO_CALLER;
      }
      sums.addRoot(total);
    } else {
      addChild(id, findParent(start, end), total, self);
    }
    count++;
    nodeCount++;
  }

  private void addChild(int id, int parent, long total, long self) {
    int parentCell = previousCells[parent];
    int from = FILTERS * parent;
    long mask0 = previousMasks[from];
    long mask1 = previousMasks[from + 1];
    long mask2 = previousMasks[from + 2];
    long mask3 = previousMasks[from + 3];
    int bit0 = (id * HASH_0) >>> 26;
    int bit1 = (id * HASH_1) >>> 26;
    int bit2 = (id * HASH_2) >>> 26;
    int bit3 = (id * HASH_3) >>> 26;
    // One branch for the four filters: a name that misses any of them has no ancestor of that name.
    boolean mayBeNested = ((mask0 >>> bit0) & (mask1 >>> bit1) & (mask2 >>> bit2) & (mask3 >>> bit3) & 1L) != 0;
    boolean nested = mayBeNested && paths.pathContains(parentCell, level - 1, id);
    int to = FILTERS * count;
    masks[to] = mask0 | (1L << bit0);
    masks[to + 1] = mask1 | (1L << bit1);
    masks[to + 2] = mask2 | (1L << bit2);
    masks[to + 3] = mask3 | (1L << bit3);
    cells[count] = paths.addChild(id, parentCell);
    sums.add(id, self, total, nested);
    if (calls != null && !nested) {
      int caller = paths.functionAt(parentCell);
      if (caller >= 0) {
        calls.add(caller, id, total);
      }
    }
    if (kinds != null) {
      ensureCallSiteCapacity();
      addCallerEdges(id, parent, nested, total, self);
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
  private void addCallerEdges(int id, int parent, boolean nested, long total, long self) {
    int above = previousAppAt[parent];
    byte kind = kinds[id];
    int here = kind == APPLICATION ? id : kind == IDLE ? CallerEdges.IDLE : above;
    ids[count] = id;
    appAt[count] = here;
    boolean entry = above >= 0 && previousIds[parent] == above && kind != APPLICATION;
    if (!nested && total > 0) {
      edges.addTotal(id, above, total, entry);
    }
    if (self > 0) {
      edges.addSelf(id, here, self);
    }
  }

  /** Out of the hot method, which stays small enough to inline. */
  private ProfileFormatException invalidNode(long dx, long total, long self) {
    if ((dx | total | self) < 0) {
      return new ProfileFormatException("levels[" + level + "]: negative value in node " + count);
    }
    return new ProfileFormatException("levels[" + level + "]: node " + count + " has self " + self
        + " greater than its total " + total);
  }

  /** The node of the level above whose interval holds [start, end): the cursor only moves right. */
  private int findParent(long start, long end) {
    int parent = parentCursor;
    while (parent < previousCount
        && !(start >= previousSpans[2 * parent] && end <= previousSpans[2 * parent + 1])) {
      parent++;
    }
    if (parent == previousCount) {
      throw outsideEveryParent();
    }
    parentCursor = parent;
    return parent;
  }

  private ProfileFormatException outsideEveryParent() {
    return new ProfileFormatException("levels[" + level + "]: node " + count
        + " lies outside every node of the level above");
  }

  private void grow() {
    int capacity = count * 2;
    cells = Arrays.copyOf(cells, capacity);
    masks = Arrays.copyOf(masks, capacity * FILTERS);
    spans = Arrays.copyOf(spans, capacity * 2);
  }

  private void ensureCallSiteCapacity() {
    if (count == ids.length) {
      int capacity = Math.max(INITIAL_WIDTH, count * 2);
      ids = Arrays.copyOf(ids, capacity);
      appAt = Arrays.copyOf(appAt, capacity);
    }
  }

  /**
   * Hands the level buffers and ancestor pages back to the scratch pool: the walk is over (its sums, edges and
   * calls stay readable) and must not be fed again.
   */
  void release() {
    scratch.spans = spans;
    scratch.cells = cells;
    scratch.masks = masks;
    scratch.previousSpans = previousSpans;
    scratch.previousCells = previousCells;
    scratch.previousMasks = previousMasks;
    spans = null;
    cells = null;
    masks = null;
    previousSpans = null;
    previousCells = null;
    previousMasks = null;
    DecodeScratch.release(scratch);
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
}
