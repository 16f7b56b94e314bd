package dev.pyrofn.analysis.decode;

/**
 * Name filters for the upper part of deep paths, so that the recursion check's filters stay sparse however deep
 * the path: a path is cut into segments (levels 1-{@value #FIRST}, then {@value #LENGTH} levels at a time down to
 * level {@value #DEEPEST}), a level node's own filters cover only the names of its unfinished segment, and each
 * finished segment is one <em>record</em> here, shared by every node below it. The first segment is the longest so
 * that shallow answers (most real ones, and the wide benchmark graphs of 10-20 levels) make no records at all.
 *
 * <p>A record is made when a node at a segment's last level (24, 40, 56, 72) gets its first child: the four filter
 * words of its segment's names, the node's cell (where an exact walk of the segment starts), and the record of the
 * segment above (-1 for none). Eight longs per record, in pages ({@link LongPages}):
 * <pre>
 *   [0..3] filter words of the segment's names (see {@link NameFilters})
 *   [4]    cell of the segment's last node in {@link AncestorPaths}
 *   [5]    record of the segment above, or -1
 * </pre>
 * A query walks the chain of records (one per segment, shared by neighbouring nodes and so in cache) and walks
 * the cells of a segment only when its filters cannot rule the name out: with 16 names in 256 bits that is
 * ~0.2% of segments (~1% with 24), where one filter over a 50-name path let ~9% of nodes through to a walk of the
 * whole path.
 *
 * <p>Records of nodes whose subtrees have ended are dropped by {@link #retain}, at each compaction of the ancestor
 * cells: a record is kept while a node of the current level has it in its chain, and then its cell is an ancestor
 * of that node, so the cell is kept too. Records are made only at segment ends, so they number at most the cells
 * made since the last compaction.
 */
final class PathSegments {
  /** Levels of the first segment. */
  static final int FIRST = 24;
  /** Levels of each later segment. */
  static final int LENGTH = 16;
  /** The last level that ends a segment: paths below it are checked by {@link AncestorPaths#pathContains}. */
  static final int DEEPEST = FIRST + 3 * LENGTH;
  static final int NONE = -1;
  private static final int STRIDE = 8;
  private static final int CELL = 4;
  private static final int ABOVE = 5;

  private final LongPages records;
  private final IntPages remap;
  private int size;

  PathSegments() {
    this(new LongPages(), new IntPages());
  }

  /** Over pages that may hold another decode's stale records: only records below the size are ever read. */
  PathSegments(LongPages records, IntPages remap) {
    this.records = records;
    this.remap = remap;
  }

  /** Adds the finished segment ending at {@code cell} with the given filter words; returns its record. */
  int add(long word0, long word1, long word2, long word3, int cell, int above) {
    int slot = STRIDE * size;
    long[] page = records.pageFor(slot);
    int offset = LongPages.offsetOf(slot);
    page[offset] = word0;
    page[offset + 1] = word1;
    page[offset + 2] = word2;
    page[offset + 3] = word3;
    page[offset + CELL] = cell;
    page[offset + ABOVE] = above;
    return size++;
  }

  /** True when a node at {@code level} ends a segment. */
  static boolean endsSegment(int level) {
    return level >= FIRST && level <= DEEPEST && ((level - FIRST) & (LENGTH - 1)) == 0;
  }

  /** Levels of the unfinished segment of a node at {@code level} (up to {@link #DEEPEST}), the node included. */
  static int unfinishedLength(int level) {
    return level < FIRST ? level : (level - FIRST) & (LENGTH - 1);
  }

  /**
   * True when a segment of {@code record}'s chain holds a node named {@code id}, whose filter bits are given
   * (exact: filters, then a walk).
   */
  boolean contains(int record, int id, int bit0, int bit1, int bit2, int bit3, AncestorPaths paths) {
    for (int r = record; r != NONE; ) {
      long[] page = records.existingPage(STRIDE * r);
      int offset = LongPages.offsetOf(STRIDE * r);
      int above = (int) page[offset + ABOVE];
      if (NameFilters.mayHold(page[offset], page[offset + 1], page[offset + 2], page[offset + 3],
          bit0, bit1, bit2, bit3)
          && paths.segmentContains((int) page[offset + CELL], above == NONE ? FIRST : LENGTH, id)) {
        return true;
      }
      r = above;
    }
    return false;
  }

  /** Records held (for tests of the memory bound). */
  int size() {
    return size;
  }

  /**
   * Keeps only the records in the chains of {@code records[0..count)} (the current level's), renumbering them in
   * place, and moves their cells as {@code paths} just moved them in a compaction. Records keep their order, so
   * a record still follows the one above it and the copy can run in place.
   */
  void retain(int[] chains, int count, AncestorPaths paths) {
    remap.fill(size, -1);
    for (int i = 0; i < count; i++) {
      for (int r = chains[i]; r != NONE && remap.get(r) < 0; r = above(r)) {
        remap.set(r, 0);
      }
    }
    int kept = 0;
    for (int r = 0; r < size; r++) {
      if (remap.get(r) >= 0) {
        remap.set(r, kept);
        long[] from = records.existingPage(STRIDE * r);
        int fromOffset = LongPages.offsetOf(STRIDE * r);
        long[] to = records.existingPage(STRIDE * kept);
        int toOffset = LongPages.offsetOf(STRIDE * kept);
        int above = (int) from[fromOffset + ABOVE];
        System.arraycopy(from, fromOffset, to, toOffset, CELL);
        to[toOffset + CELL] = paths.movedCell((int) from[fromOffset + CELL]);
        to[toOffset + ABOVE] = above == NONE ? NONE : remap.get(above);
        kept++;
      }
    }
    for (int i = 0; i < count; i++) {
      chains[i] = chains[i] == NONE ? NONE : remap.get(chains[i]);
    }
    size = kept;
  }

  private int above(int record) {
    int slot = STRIDE * record + ABOVE;
    return (int) records.existingPage(slot)[LongPages.offsetOf(slot)];
  }
}
