package dev.pyrofn.analysis.decode;

/**
 * Answers "does this node have an ancestor with the same name?" exactly while the levels stream by, keeping
 * only the part of the tree that can still have descendants.
 *
 * <p>Every node becomes a <em>cell</em>: two adjacent ints of one paged array (8 bytes, one cache line for
 * both when walking up a path):
 * <pre>
 *   slots[2c]     function id of the node; -1 for the root ("total" is not a function)
 *   slots[2c + 1] cell of the parent node; -1 for the root
 * </pre>
 * The array is paged ({@link IntPages}): growing never copies, and no page is large enough to be a G1
 * humongous allocation.
 * A parent is always created before its children, so {@code parents[c] < c}. Cells of nodes whose subtree
 * has ended are garbage: {@link #retain} compacts the arrays down to the ancestors of the current level
 * (what the check truly needs), whenever they have doubled since the last compaction. Memory is therefore
 * bounded by twice that frontier, not by the document.
 *
 * <p>A query reads the path upward when it is at most {@value #WALK_LIMIT} cells long. Deeper paths use
 * {@code onPath[id]}, the count of nodes named {@code id} on the path from the root to the {@code loaded}
 * cell: queries of one level arrive left to right and so do their parents, so
 * moving the loaded path from one parent to the next walks only up to their common ancestor and back down,
 * and over a level each ancestor is entered and left at most once, whatever the depth. The caller asks only
 * when a cheap filter (see {@link LevelWalker}) cannot rule the name out, so most nodes never get here.
 */
final class AncestorPaths {
  private static final int NO_CELL = -1;
  private static final int ROOT_NAME = -1;
  /** The smallest pool worth compacting at all. */
  static final int MIN_COMPACTION = 4096;
  private static final int WALK_LIMIT = 64;

  private final IntPages slots;
  private final IntPages remap;
  private int size;
  private int liveAfterCompaction;
  // The page that holds cell "size", so appending (once per node) skips the page lookup; valid below tailEnd.
  private int[] tail;
  private int tailEnd;

  private final int minCompaction;
  private final int[] onPath;
  private int loaded = NO_CELL;
  private int loadedDepth = -1;

  AncestorPaths(int functionCount) {
    this(functionCount, MIN_COMPACTION);
  }

  /** {@code minCompaction}: cells held before a compaction is considered (memory may reach that many). */
  AncestorPaths(int functionCount, int minCompaction) {
    this(functionCount, minCompaction, new IntPages(), new IntPages());
  }

  /**
   * As above, over pages that may hold another decode's stale cells ({@link DecodeScratch}): only cells below
   * {@link #size()} are ever read, and the compaction map is filled before it is read.
   */
  AncestorPaths(int functionCount, int minCompaction, IntPages slots, IntPages remap) {
    this.slots = slots;
    this.remap = remap;
    this.onPath = new int[functionCount];
    this.minCompaction = Math.max(minCompaction, MIN_COMPACTION);
  }

  /** Adds the root node of the flame graph. */
  int addRoot() {
    return append(ROOT_NAME, NO_CELL);
  }

  /** Adds a node named {@code id} under {@code parentCell}; returns its cell. */
  int addChild(int id, int parentCell) {
    return append(id, parentCell);
  }

  /** True when {@code cell} (a node at level {@code depth}) or one of its ancestors is named {@code id}. */
  boolean pathContains(int cell, int depth, int id) {
    // Filter hits are far apart in the tree, so moving the loaded path between them costs more than reading
    // a short path; the loaded path keeps the cost bounded per level on deep graphs.
    int c = cell;
    for (int step = 0; step < WALK_LIMIT && c != NO_CELL; step++) {
      // A cell's two slots are on one page: one page lookup per step.
      int[] page = slots.existingPage(2 * c);
      int offset = IntPages.offsetOf(2 * c);
      if (page[offset] == id) {
        return true;
      }
      c = page[offset + 1];
    }
    if (c == NO_CELL) {
      return false;
    }
    if (cell != loaded) {
      load(cell, depth);
    }
    return onPath[id] > 0;
  }

  /** Number of cells currently held (for tests of the memory bound). */
  int size() {
    return size;
  }

  /**
   * Declares that only {@code cells[0..count)} (the nodes of the level just finished) and their ancestors can
   * still matter; when the pool has grown enough, drops every other cell and rewrites {@code cells} in place.
   * Cells keep their order, so parents still precede children and the copy can run in place.
   */
  void retain(int[] cells, int count) {
    if (size < minCompaction || size < 2 * liveAfterCompaction) {
      return;
    }
    load(NO_CELL, -1);
    markAncestors(cells, count);
    // Page by page, no per-slot page lookup: every page below "size" exists (fill and append created them), and
    // a cell moves only down (kept <= c), after its slots were read.
    int kept = 0;
    for (int c = 0; c < size; c++) {
      int[] marks = remap.existingPage(c);
      int mark = IntPages.offsetOf(c);
      if (marks[mark] >= 0) {
        marks[mark] = kept;
        int[] from = slots.existingPage(2 * c);
        int fromOffset = IntPages.offsetOf(2 * c);
        int name = from[fromOffset];
        int parent = from[fromOffset + 1];
        int[] to = slots.existingPage(2 * kept);
        int toOffset = IntPages.offsetOf(2 * kept);
        to[toOffset] = name;
        to[toOffset + 1] = parent == NO_CELL ? NO_CELL : remap.get(parent);
        kept++;
      }
    }
    for (int i = 0; i < count; i++) {
      cells[i] = remap.get(cells[i]);
    }
    size = kept;
    liveAfterCompaction = kept;
    tailEnd = 0;
  }

  private void markAncestors(int[] cells, int count) {
    remap.fill(size, -1);
    for (int i = 0; i < count; i++) {
      int c = cells[i];
      while (c != NO_CELL) {
        int[] marks = remap.existingPage(c);
        int mark = IntPages.offsetOf(c);
        if (marks[mark] >= 0) {
          break;
        }
        marks[mark] = 0;
        c = slots.existingPage(2 * c)[IntPages.offsetOf(2 * c) + 1];
      }
    }
  }

  private int append(int id, int parentCell) {
    int slot = 2 * size;
    if (size >= tailEnd) {
      tail = slots.pageFor(slot);
      tailEnd = (slot - IntPages.offsetOf(slot) + tail.length) / 2;
    }
    int offset = IntPages.offsetOf(slot);
    tail[offset] = id;
    tail[offset + 1] = parentCell;
    return size++;
  }

  /** Function id of {@code cell}'s node; -1 for the root. */
  int functionAt(int cell) {
    return nameOf(cell);
  }

  private int nameOf(int cell) {
    return slots.get(2 * cell);
  }

  private int parentOf(int cell) {
    return slots.get(2 * cell + 1);
  }

  /** Moves the counted path from the loaded cell to {@code target} through their common ancestor. */
  private void load(int target, int targetDepth) {
    int from = loaded;
    int fromDepth = loadedDepth;
    int to = target;
    int toDepth = targetDepth;
    for (; fromDepth > toDepth; fromDepth--) {
      from = leave(from);
    }
    for (; toDepth > fromDepth; toDepth--) {
      to = enter(to);
    }
    while (from != to) {
      from = leave(from);
      to = enter(to);
    }
    loaded = target;
    loadedDepth = targetDepth;
  }

  private int leave(int cell) {
    int id = nameOf(cell);
    if (id != ROOT_NAME) {
      onPath[id]--;
    }
    return parentOf(cell);
  }

  private int enter(int cell) {
    int id = nameOf(cell);
    if (id != ROOT_NAME) {
      onPath[id]++;
    }
    return parentOf(cell);
  }
}
