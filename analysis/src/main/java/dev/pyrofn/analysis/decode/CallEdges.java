package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.CallGraph;
import java.util.Arrays;

/**
 * Caller → callee sums per side while the levels stream by, for the diff's grouping (see {@link CallGraph}).
 * Keys are the two function ids packed in a long, in an open-addressing table: one probe per node and no boxing,
 * so the heap stays proportional to the number of distinct edges.
 */
final class CallEdges {
  private static final long EMPTY = -1L;
  private static final int INITIAL_CAPACITY = 1024;

  private final int sides;
  private long[] keys;
  private long[] values;
  private int size;

  /** {@code functionCount}: distinct names of the profile; a flame graph has a few edges per name. */
  CallEdges(int sides, int functionCount) {
    this.sides = sides;
    int capacity = INITIAL_CAPACITY;
    while (capacity < functionCount * 4 && capacity < (1 << 24)) {
      capacity *= 2;
    }
    this.keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    this.values = new long[capacity * sides];
  }

  /** Adds {@code value} on {@code side} to the edge {@code caller → callee} (both function ids, >= 0). */
  void add(int caller, int callee, int side, long value) {
    if (value == 0) {
      return;
    }
    int slot = slotOf(((long) caller << 32) | callee);
    values[slot * sides + side] += value;
  }

  /** The edges of one side, straight into arrays of the names the name table already holds (no copies). */
  CallGraph toGraph(NameTable names, int side) {
    String[] callers = new String[size];
    String[] callees = new String[size];
    long[] sums = new long[size];
    int count = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      long value = keys[slot] == EMPTY ? 0 : values[slot * sides + side];
      if (value > 0) {
        callers[count] = names.nameOf((int) (keys[slot] >>> 32));
        callees[count] = names.nameOf((int) keys[slot]);
        sums[count] = value;
        count++;
      }
    }
    return CallGraph.ofDistinctEdges(callers, callees, sums, count);
  }

  private int slotOf(long key) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new long[keys.length * sides];
    int mask = keys.length - 1;
    for (int old = 0; old < oldKeys.length; old++) {
      if (oldKeys[old] != EMPTY) {
        int slot = mix(oldKeys[old]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[old];
        System.arraycopy(oldValues, old * sides, values, slot * sides, sides);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
