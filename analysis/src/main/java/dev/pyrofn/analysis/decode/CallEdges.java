package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.CallGraph;

/**
 * Caller → callee sums per side while the levels stream by, for the diff's grouping (see {@link CallGraph}).
 * Keys are the two function ids packed in a long, in an open-addressing table: one probe per node and no boxing,
 * so the heap stays proportional to the number of distinct edges.
 *
 * <p>An entry is its key followed by its sums, one per side, in one array: a probe that finds its key finds the
 * sums in the same cache line (with 100k names the table does not fit in the cache, so each probe is a miss).
 * Keys are stored plus one on the caller, so 0 marks a free slot and a new table needs no filling.
 */
final class CallEdges {
  private static final int INITIAL_CAPACITY = 1024;

  private final int stride;
  private long[] entries;
  private int capacity;
  private int size;

  /** {@code functionCount}: distinct names of the profile; a flame graph has a few edges per name. */
  CallEdges(int sides, int functionCount) {
    this.stride = 1 + sides;
    int slots = INITIAL_CAPACITY;
    while (slots < functionCount * 4 && slots < (1 << 24)) {
      slots *= 2;
    }
    this.capacity = slots;
    this.entries = new long[slots * stride];
  }

  /** Adds {@code value} on {@code side} to the edge {@code caller → callee} (both function ids, >= 0). */
  void add(int caller, int callee, int side, long value) {
    if (value == 0) {
      return;
    }
    int entry = entryOf(((long) (caller + 1) << 32) | callee); // may grow (replace) the array: read it after
    entries[entry + 1 + side] += value;
  }

  /** The edges of one side, straight into arrays of the names the name table already holds (no copies). */
  CallGraph toGraph(NameTable names, int side) {
    String[] callers = new String[size];
    String[] callees = new String[size];
    long[] sums = new long[size];
    int count = 0;
    for (int entry = 0; entry < entries.length; entry += stride) {
      long key = entries[entry];
      long value = key == 0 ? 0 : entries[entry + 1 + side];
      if (value > 0) {
        callers[count] = names.nameOf((int) (key >>> 32) - 1);
        callees[count] = names.nameOf((int) key);
        sums[count] = value;
        count++;
      }
    }
    return CallGraph.ofDistinctEdges(callers, callees, sums, count);
  }

  /** The index of the key's entry, added when new. */
  private int entryOf(long key) {
    if (size * 2 >= capacity) {
      grow();
    }
    int mask = capacity - 1;
    int slot = mix(key) & mask;
    while (true) {
      int entry = slot * stride;
      long found = entries[entry];
      if (found == key) {
        return entry;
      }
      if (found == 0) {
        entries[entry] = key;
        size++;
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] old = entries;
    capacity *= 2;
    entries = new long[capacity * stride];
    int mask = capacity - 1;
    for (int entry = 0; entry < old.length; entry += stride) {
      if (old[entry] != 0) {
        int slot = mix(old[entry]) & mask;
        while (entries[slot * stride] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, entry, entries, slot * stride, stride);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
