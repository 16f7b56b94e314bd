package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * A growable int array made of fixed 64 KB pages: growing allocates one page and copies nothing, and no page
 * is big enough to be a G1 humongous object. Pages, once allocated, are kept for reuse (see {@link DecodeScratch}).
 */
final class IntPages {
  private static final int PAGE_BITS = 14;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int OFFSET_MASK = PAGE_SIZE - 1;

  private int[][] pages = new int[4][];

  /** The page holding {@code index}, allocated if needed: lets a sequential writer skip the page lookup. */
  int[] pageFor(int index) {
    int page = index >>> PAGE_BITS;
    if (page >= pages.length || pages[page] == null) {
      allocate(page);
    }
    return pages[page];
  }

  /** The page holding {@code index}, which must have been written (no allocation, no check). */
  int[] existingPage(int index) {
    return pages[index >>> PAGE_BITS];
  }

  static int offsetOf(int index) {
    return index & OFFSET_MASK;
  }

  int get(int index) {
    return pages[index >>> PAGE_BITS][index & OFFSET_MASK];
  }

  void set(int index, int value) {
    int page = index >>> PAGE_BITS;
    if (page >= pages.length || pages[page] == null) {
      allocate(page);
    }
    pages[page][index & OFFSET_MASK] = value;
  }

  /** Sets slots {@code [0, count)} to {@code value}, allocating pages as needed. */
  void fill(int count, int value) {
    for (int start = 0; start < count; start += PAGE_SIZE) {
      int page = start >>> PAGE_BITS;
      if (page >= pages.length || pages[page] == null) {
        allocate(page);
      }
      Arrays.fill(pages[page], 0, Math.min(PAGE_SIZE, count - start), value);
    }
  }

  /** Drops the pages past the first {@code maxInts} slots (the pool's bound); the rest stay for reuse. */
  void trim(int maxInts) {
    int keep = maxInts >>> PAGE_BITS;
    for (int page = keep; page < pages.length; page++) {
      pages[page] = null;
    }
  }

  /** Slots held by allocated pages (for tests of the pool's bound). */
  int allocatedInts() {
    int count = 0;
    for (int[] page : pages) {
      count += page == null ? 0 : page.length;
    }
    return count;
  }

  private void allocate(int page) {
    if (page >= pages.length) {
      pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
    }
    pages[page] = new int[PAGE_SIZE];
  }
}
