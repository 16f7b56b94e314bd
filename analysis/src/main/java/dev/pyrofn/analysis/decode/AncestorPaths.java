package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * Answers "does this node have an ancestor with the same name?" exactly while the levels stream by, keeping
 * only the part of the tree that can still have descendants.
 *
 * <p>Every node becomes a <em>cell</em> in two parallel int arrays (one slot per cell, 8 bytes):
 * <pre>
 *   names[c]   function id of the node; -1 for the root ("total" is not a function)
 *   parents[c] cell of the parent node; -1 for the root
 * </pre>
 * A parent is always created before its children, so {@code parents[c] < c}. Cells of nodes whose subtree
 * has ended are garbage: {@link #retain} compacts the arrays down to the ancestors of the current level
 * (what the check truly needs), whenever they have doubled since the last compaction. Memory is therefore
 * bounded by twice that frontier, not by the document.
 *
 * <p>{@code onPath[id]} counts the nodes named {@code id} on the path from the root to the {@code loaded}
 * cell. Queries of one level arrive left to right and so do their parents, so moving the loaded path from
 * one parent to the next walks only up to their common ancestor and back down: over a level, each ancestor
 * is entered and left at most once. Siblings share a parent and cost nothing. The caller asks only when a
 * cheap filter (see {@link LevelWalker}) cannot rule the name out, so most nodes never move the path.
 */
final class AncestorPaths {
  private static final int NO_CELL = -1;
  private static final int ROOT_NAME = -1;
  private static final int MIN_COMPACTION = 4096;

  private int[] names = new int[1024];
  private int[] parents = new int[1024];
  private int size;
  private int liveAfterCompaction;
  private int[] remap = new int[0];

  private final int[] onPath;
  private int loaded = NO_CELL;
  private int loadedDepth = -1;

  AncestorPaths(int functionCount) {
    this.onPath = new int[functionCount];
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
   */
  void retain(int[] cells, int count) {
    if (size < MIN_COMPACTION || size < 2 * liveAfterCompaction) {
      return;
    }
    load(NO_CELL, -1);
    markAncestors(cells, count);
    int kept = 0;
    for (int c = 0; c < size; c++) {
      if (remap[c] >= 0) {
        remap[c] = kept;
        names[kept] = names[c];
        parents[kept] = parents[c] == NO_CELL ? NO_CELL : remap[parents[c]];
        kept++;
      }
    }
    for (int i = 0; i < count; i++) {
      cells[i] = remap[cells[i]];
    }
    size = kept;
    liveAfterCompaction = kept;
  }

  private void markAncestors(int[] cells, int count) {
    if (remap.length < size) {
      remap = new int[names.length];
    }
    Arrays.fill(remap, 0, size, -1);
    for (int i = 0; i < count; i++) {
      for (int c = cells[i]; c != NO_CELL && remap[c] < 0; c = parents[c]) {
        remap[c] = 0;
      }
    }
  }

  private int append(int id, int parentCell) {
    if (size == names.length) {
      int capacity = size * 2;
      names = Arrays.copyOf(names, capacity);
      parents = Arrays.copyOf(parents, capacity);
    }
    names[size] = id;
    parents[size] = parentCell;
    return size++;
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
    int id = names[cell];
    if (id != ROOT_NAME) {
      onPath[id]--;
    }
    return parents[cell];
  }

  private int enter(int cell) {
    int id = names[cell];
    if (id != ROOT_NAME) {
      onPath[id]++;
    }
    return parents[cell];
  }
}
