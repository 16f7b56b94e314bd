package dev.pyrofn.analysis.profile;

/**
 * Sums keyed by a pair of int ids, for tables filled once per node while a profile streams by (caller → callee
 * edges, function ← application caller edges). Open addressing over one long array: an entry is its key followed by
 * its sums, so a probe that finds its key finds the sums in the same cache line, with no boxing, and the heap stays
 * proportional to the number of distinct pairs.
 *
 * <p>Keys are stored plus one, so 0 marks a free slot and a new table needs no filling; that is why the first id of
 * a pair must not be negative (the second may be, for marker ids). A slot index stays valid until the next insert,
 * which may grow (replace) the table.
 */
public final class PairSums {
  private final int stride;
  private long[] entries;
  private int capacity;
  private int size;

  /** {@code sums} per pair; {@code expectedPairs} sizes the first table (it grows past it). */
  public PairSums(int sums, int expectedPairs) {
    this.stride = 1 + sums;
    int slots = 1024;
    while (slots < expectedPairs * 2 && slots < (1 << 24)) {
      slots *= 2;
    }
    this.capacity = slots;
    this.entries = new long[slots * stride];
  }

  /** The slot of the pair, or -1 when it has none yet. */
  public int find(int first, int second) {
    long key = keyOf(first, second);
    int slot = probe(key);
    return entries[slot * stride] == key ? slot : -1;
  }

  /** The slot of the pair, added with zero sums when new. */
  public int slotOf(int first, int second) {
    long key = keyOf(first, second);
    if (2 * (size + 1) > capacity) {
      grow();
    }
    int slot = probe(key);
    if (entries[slot * stride] == 0) {
      entries[slot * stride] = key;
      size++;
    }
    return slot;
  }

  public void add(int slot, int sum, long value) {
    entries[slot * stride + 1 + sum] += value;
  }

  public long sum(int slot, int sum) {
    return entries[slot * stride + 1 + sum];
  }

  /** Distinct pairs held. */
  public int size() {
    return size;
  }

  /** Slots run from 0 to capacity - 1; only occupied ones hold a pair. */
  public int capacity() {
    return capacity;
  }

  public boolean occupied(int slot) {
    return entries[slot * stride] != 0;
  }

  public int first(int slot) {
    return (int) ((entries[slot * stride] - 1) >>> 32);
  }

  public int second(int slot) {
    return (int) (entries[slot * stride] - 1);
  }

  private static long keyOf(int first, int second) {
    if (first < 0) {
      throw new IllegalArgumentException("the first id of a pair must not be negative: " + first);
    }
    return (((long) first << 32) | (second & 0xFFFFFFFFL)) + 1;
  }

  /** The slot holding the key, or the free slot where it would go. */
  private int probe(long key) {
    int mask = capacity - 1;
    int slot = mix(key) & mask;
    while (true) {
      long found = entries[slot * stride];
      if (found == key || found == 0) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] old = entries;
    capacity *= 2;
    entries = new long[capacity * stride];
    for (int entry = 0; entry < old.length; entry += stride) {
      if (old[entry] != 0) {
        System.arraycopy(old, entry, entries, probe(old[entry]) * stride, stride);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
