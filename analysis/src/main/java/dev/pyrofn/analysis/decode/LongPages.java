package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * A growable long array made of fixed 64 KB pages, like {@link IntPages}: growing copies nothing and no page is a
 * G1 humongous object. Pages, once allocated, are kept for reuse (see {@link DecodeScratch}).
 */
final class LongPages {
  private static final int PAGE_BITS = 13;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int OFFSET_MASK = PAGE_SIZE - 1;

  private long[][] pages = new long[4][];

  /** The page holding {@code index}, allocated if needed. */
  long[] pageFor(int index) {
    int page = index >>> PAGE_BITS;
    if (page >= pages.length || pages[page] == null) {
      if (page >= pages.length) {
        pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
      }
      pages[page] = new long[PAGE_SIZE];
    }
    return pages[page];
  }

  /** The page holding {@code index}, which must have been written (no allocation, no check). */
  long[] existingPage(int index) {
    return pages[index >>> PAGE_BITS];
  }

  static int offsetOf(int index) {
    return index & OFFSET_MASK;
  }

  /** Drops the pages past the first {@code maxLongs} slots (the pool's bound); the rest stay for reuse. */
  void trim(int maxLongs) {
    for (int page = maxLongs >>> PAGE_BITS; page < pages.length; page++) {
      pages[page] = null;
    }
  }

  /** Slots held by allocated pages (for tests of the pool's bound). */
  int allocatedLongs() {
    int count = 0;
    for (long[] page : pages) {
      count += page == null ? 0 : page.length;
    }
    return count;
  }
}
