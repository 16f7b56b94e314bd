package dev.pyrofn.analysis.decode;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The large work arrays of one decode (the two level buffers and the ancestor cells), kept between decodes so a
 * decode at the product's default size allocates and zeroes them once per thread instead of once per answer.
 *
 * <p>Bounded: at most one scratch per available processor is pooled, and a scratch is trimmed before it goes back
 * (level buffers of at most {@value #MAX_POOLED_WIDTH} nodes, 3.4 MB; ancestor-cell pages up to
 * {@link #MAX_POOLED_PAGE_INTS} ints, 2 MB; the compaction map, needed only past 2 MB of cells, not at all), so the
 * pool holds at most ~5.5 MB per processor. A decode that needs more grows its own arrays as before and drops the
 * excess when it ends. A scratch is used by one
 * decode at a time; the pool's atomic hand-over publishes its contents to the next thread.
 */
final class DecodeScratch {
  /** Level buffers wider than this (nodes) are not kept: 2 x 32,768 x 52 bytes = 3.4 MB. */
  static final int MAX_POOLED_WIDTH = 1 << 15;
  /** Ancestor pages kept per {@link IntPages}: 2 MB, the cells of the decode's compaction floor. */
  static final int MAX_POOLED_PAGE_INTS = 1 << 19;
  private static final AtomicReferenceArray<DecodeScratch> POOL =
      new AtomicReferenceArray<>(Math.max(1, Runtime.getRuntime().availableProcessors()));

  // Level buffers in LevelWalker's layout (see there); null until a walker first needs them.
  long[] spans;
  int[] cells;
  long[] masks;
  long[] previousSpans;
  int[] previousCells;
  long[] previousMasks;
  final IntPages cellPages = new IntPages();
  final IntPages remapPages = new IntPages();

  /** A pooled scratch, or a new one when none is free. */
  static DecodeScratch take() {
    for (int i = 0; i < POOL.length(); i++) {
      if (POOL.get(i) != null) {
        DecodeScratch taken = POOL.getAndSet(i, null);
        if (taken != null) {
          return taken;
        }
      }
    }
    return new DecodeScratch();
  }

  /** Returns {@code scratch} to the pool, trimmed to the bound; dropped when the pool is full. */
  static void release(DecodeScratch scratch) {
    scratch.trim();
    for (int i = 0; i < POOL.length(); i++) {
      if (POOL.get(i) == null && POOL.compareAndSet(i, null, scratch)) {
        return;
      }
    }
  }

  /** Drops what is over the bound (package-private for its test). */
  void trim() {
    if (cells != null && Math.max(cells.length, previousCells.length) > MAX_POOLED_WIDTH) {
      spans = null;
      cells = null;
      masks = null;
      previousSpans = null;
      previousCells = null;
      previousMasks = null;
    }
    cellPages.trim(MAX_POOLED_PAGE_INTS);
    remapPages.trim(0);
  }
}
