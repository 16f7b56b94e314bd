package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * Answers "does this node have an ancestor with the same name?" while the levels stream by, keeping only
 * the part of the tree that can still have descendants.
 *
 * <p>Every node becomes a <em>cell</em> in three parallel int arrays (one slot per cell):
 * <pre>
 *   names[c]   function id of the node; -1 for the root ("total" is not a function)
 *   parents[c] cell of the parent node; -1 for the root
 *   depths[c]  level of the node (root = 0), used to find common ancestors
 * </pre>
 * A parent is always created before its children, so {@code parents[c] < c}. Cells of nodes whose subtree
 * has ended are garbage: {@link #retain} compacts the arrays down to the ancestors of the current level
 * (what the check truly needs), whenever they have doubled since the last compaction. Memory is therefore
 * bounded by twice that frontier, not by the document.
 *
 * <p>{@code onPath[id]} counts the nodes named {@code id} on the path from the root to the {@code loaded}
 * cell. Children of one level arrive left to right and so do their parents, so moving the loaded path
 * from one parent to the next walks only up to their common ancestor and back down: over a level, each
 * ancestor is entered and left once. Siblings share a parent and cost nothing.
 */
final class AncestorPaths {
  private static final int NO_CELL = -1;
  private static final int ROOT_NAME = -1;
  private static final int MIN_COMPACTION = 4096;

  private int[] names = new int[1024];
  private int[] parents = new int[1024];
  private int[] depths = new int[1024];
  private int size;
  private int liveAfterCompaction;
  private int[] remap = new int[0];

  private final int[] onPath;
  private int loaded = NO_CELL;

  AncestorPaths(int functionCount) {
    this.onPath = new int[functionCount];
  }

  /** Adds the root node of the flame graph. */
  int addRoot() {
    return append(ROOT_NAME, NO_CELL, 0);
  }

  /** Adds a node named {@code id} under {@code parentCell}; returns its cell. */
  int addChild(int id, int parentCell) {
    return append(id, parentCell, depths[parentCell] + 1);
  }

  /** True when {@code cell} or one of its ancestors is named {@code id}. */
  boolean pathContains(int cell, int id) {
    if (cell != loaded) {
      load(cell);
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
    load(NO_CELL);
    markAncestors(cells, count);
    int kept = 0;
    for (int c = 0; c < size; c++) {
      if (remap[c] >= 0) {
        remap[c] = kept;
        names[kept] = names[c];
        depths[kept] = depths[c];
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

  private int append(int id, int parentCell, int depth) {
    if (size == names.length) {
      int capacity = size * 2;
      names = Arrays.copyOf(names, capacity);
      parents = Arrays.copyOf(parents, capacity);
      depths = Arrays.copyOf(depths, capacity);
    }
    names[size] = id;
    parents[size] = parentCell;
    depths[size] = depth;
    return size++;
  }

  /** Moves the counted path from the loaded cell to {@code target} through their common ancestor. */
  private void load(int target) {
    int from = loaded;
    int to = target;
    while (depthOf(from) > depthOf(to)) {
      from = leave(from);
    }
    while (depthOf(to) > depthOf(from)) {
      to = enter(to);
    }
    while (from != to) {
      from = leave(from);
      to = enter(to);
    }
    loaded = target;
  }

  private int depthOf(int cell) {
    return cell == NO_CELL ? -1 : depths[cell];
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
