package dev.pyrofn.analysis.callsite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Accumulates caller edges by dense ids while a profile streams by: an open-addressing hash of
 * (function id, caller id) to three sums, each slot four adjacent longs (key, total, entry, self) so one lookup
 * touches one cache line. At most {@code maxEdges} distinct pairs are kept; once full, a function's
 * cost under a caller not yet seen goes to its {@link CallerEdge#TRUNCATED_CALLER} edge, so memory is bounded by
 * what is kept, never by the document, and no cost is lost from the function's totals. (Beyond the bound, each
 * function may still get its truncation pair and its own-self pair: at most two per distinct name.)
 *
 * <p>Caller ids are function ids, or {@link #NO_CALLER}, {@link #IDLE} and (internally) the truncation marker.
 */
public final class CallerEdges {
  public static final int NO_CALLER = -1;
  public static final int IDLE = -2;
  /** Enough for every edge of a profile at Pyroscope's default 8192 (and the SOR's 65536) nodes. */
  public static final int DEFAULT_MAX_EDGES = 1 << 16;

  private static final int TRUNCATED = -3;
  private static final long EMPTY = Long.MIN_VALUE;
  private static final int INITIAL_CAPACITY = 1024;

  private final int maxEdges;
  private static final int STRIDE = 4;
  private static final int TOTAL = 1;
  private static final int ENTRY = 2;
  private static final int SELF = 3;

  // slots[STRIDE * i] is the key of slot i (EMPTY when free), followed by its total, entry and self sums.
  private long[] slots;
  private int capacity;
  private int size;
  // Self of application frames that are their own caller (an application leaf): by function id, no hashing, since
  // that is the second edge of almost every application node.
  private long[] ownSelf = new long[64];
  // The last pair touched: consecutive nodes often share it (a chain of library frames under one caller).
  private long lastKey = EMPTY;
  private int lastSlot = -1;

  public CallerEdges(int maxEdges) {
    if (maxEdges < 1) {
      throw new IllegalArgumentException("maxEdges must be positive");
    }
    this.maxEdges = maxEdges;
    allocate(INITIAL_CAPACITY);
  }

  public CallerEdges() {
    this(DEFAULT_MAX_EDGES);
  }

  /** A node's total, counted once per recursion; {@code entry}: its parent is the caller itself. */
  public void addTotal(int function, int caller, long total, boolean entry) {
    int base = STRIDE * slotOf(function, caller);
    slots[base + TOTAL] += total;
    if (entry) {
      slots[base + ENTRY] += total;
    }
  }

  /** A node's self value under the nearest application frame at or above it. */
  public void addSelf(int function, int caller, long self) {
    if (caller == function) {
      if (function >= ownSelf.length) {
        ownSelf = Arrays.copyOf(ownSelf, Math.max(function + 1, 2 * ownSelf.length));
      }
      ownSelf[function] += self;
      return;
    }
    // slotOf may grow (replace) the table: take the index first, then read the field.
    int base = STRIDE * slotOf(function, caller);
    slots[base + SELF] += self;
  }

  /** Distinct pairs kept (for tests of the bound). */
  public int size() {
    return size;
  }

  public CallSiteTable build(IntFunction<String> nameOf, long profileTotal) {
    for (int function = 0; function < ownSelf.length; function++) {
      if (ownSelf[function] > 0) {
        int base = STRIDE * slotOf(function, function);
        slots[base + SELF] += ownSelf[function];
        ownSelf[function] = 0;
      }
    }
    List<CallerEdge> edges = new ArrayList<>(size);
    for (int base = 0; base < slots.length; base += STRIDE) {
      long key = slots[base];
      if (key != EMPTY && (slots[base + TOTAL] > 0 || slots[base + SELF] > 0)) {
        int function = (int) (key >>> 32);
        int caller = (int) key;
        edges.add(CallerEdge.of(nameOf.apply(function), callerName(caller, nameOf), slots[base + TOTAL],
            slots[base + ENTRY], slots[base + SELF]));
      }
    }
    return CallSiteTable.of(profileTotal, edges);
  }

  private static String callerName(int caller, IntFunction<String> nameOf) {
    switch (caller) {
      case NO_CALLER:
        return CallerEdge.NO_CALLER;
      case IDLE:
        return CallerEdge.IDLE_CALLER;
      case TRUNCATED:
        return CallerEdge.TRUNCATED_CALLER;
      default:
        return nameOf.apply(caller);
    }
  }

  private int slotOf(int function, int caller) {
    long key = keyOf(function, caller);
    if (key == lastKey) {
      return lastSlot;
    }
    int slot = find(key);
    if (slots[STRIDE * slot] == EMPTY) {
      if (size >= maxEdges && caller != TRUNCATED && caller != function) {
        return slotOf(function, TRUNCATED);
      }
      if (2 * (size + 1) > capacity) {
        grow();
        slot = find(key);
      }
      slots[STRIDE * slot] = key;
      size++;
    }
    lastKey = key;
    lastSlot = slot;
    return slot;
  }

  private int find(long key) {
    int mask = capacity - 1;
    int slot = (int) (mix(key) & mask);
    while (slots[STRIDE * slot] != EMPTY && slots[STRIDE * slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] old = slots;
    allocate(capacity * 2);
    for (int base = 0; base < old.length; base += STRIDE) {
      if (old[base] != EMPTY) {
        System.arraycopy(old, base, slots, STRIDE * find(old[base]), STRIDE);
      }
    }
    lastKey = EMPTY;
  }

  private void allocate(int slotCount) {
    capacity = slotCount;
    slots = new long[STRIDE * slotCount];
    for (int base = 0; base < slots.length; base += STRIDE) {
      slots[base] = EMPTY;
    }
  }

  private static long keyOf(int function, int caller) {
    return ((long) function << 32) | (caller & 0xFFFFFFFFL);
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
