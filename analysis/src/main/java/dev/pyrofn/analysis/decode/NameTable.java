package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * The {@code names} array of a flame graph, mapped to dense function ids.
 *
 * <p>Pyroscope de-duplicates names, but nothing in the format promises it, so the table is keyed by the
 * name string: two indexes holding the same string get the same id. Everything downstream (aggregation,
 * the recursion check) works on ids, so a function split over several indexes is still one function.
 *
 * <p>The de-duplication is an open-addressing table of ids over the names' hashes (int arrays, linear probing),
 * not a general-purpose map: no entry objects and no boxed ids, which matters when an answer has 100k names.
 */
final class NameTable {
  private static final NameTable EMPTY = new NameTable(new int[0], new String[0]);

  // idByIndex[nameIndex] = function id; ids are dense, 0 .. functionCount()-1.
  private final int[] idByIndex;
  private final String[] nameById;

  private NameTable(int[] idByIndex, String[] nameById) {
    this.idByIndex = idByIndex;
    this.nameById = nameById;
  }

  static NameTable empty() {
    return EMPTY;
  }

  /** Collects names in index order; see {@link Builder#add(String)}. */
  static Builder builder() {
    return new Builder();
  }

  /** How many name indexes the answer declared. */
  int indexCount() {
    return idByIndex.length;
  }

  /** How many distinct name strings: the bound on every per-function array. */
  int functionCount() {
    return nameById.length;
  }

  /** The function id of a name index taken from a level; throws when the index is out of range. */
  int idOf(long nameIndex, int level) {
    if (nameIndex < 0 || nameIndex >= idByIndex.length) {
      throw new ProfileFormatException("levels[" + level + "]: name index " + nameIndex
          + " is out of range (names has " + idByIndex.length + " entries)");
    }
    return idByIndex[(int) nameIndex];
  }

  String nameOf(int id) {
    return nameById[id];
  }

  static final class Builder {
    private static final int INITIAL = 256;

    // slots[i] = id + 1 of the name hashed there, 0 when free; at most half full.
    private int[] slots = new int[INITIAL * 2];
    private int[] hashById = new int[INITIAL];
    private String[] nameById = new String[INITIAL];
    private int functionCount;
    private int[] idByIndex = new int[INITIAL];
    private int count;

    void add(String name) {
      add(name, name.hashCode());
    }

    /**
     * Adds a name with a hash the caller already has (computed while reading it). One builder must get all its
     * hashes from one function of the name's characters: equal names must hash equally.
     */
    void add(String name, int hash) {
      int mask = slots.length - 1;
      int slot = spread(hash) & mask;
      int id;
      while (true) {
        int entry = slots[slot];
        if (entry == 0) {
          id = newId(name, hash);
          slots[slot] = id + 1;
          break;
        }
        if (hashById[entry - 1] == hash && nameById[entry - 1].equals(name)) {
          id = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (count == idByIndex.length) {
        idByIndex = Arrays.copyOf(idByIndex, count * 2);
      }
      idByIndex[count++] = id;
      if (functionCount * 2 > slots.length) {
        rehash();
      }
    }

    NameTable build() {
      return new NameTable(Arrays.copyOf(idByIndex, count), Arrays.copyOf(nameById, functionCount));
    }

    private int newId(String name, int hash) {
      if (functionCount == nameById.length) {
        nameById = Arrays.copyOf(nameById, functionCount * 2);
        hashById = Arrays.copyOf(hashById, functionCount * 2);
      }
      nameById[functionCount] = name;
      hashById[functionCount] = hash;
      return functionCount++;
    }

    private void rehash() {
      int[] grown = new int[slots.length * 2];
      int mask = grown.length - 1;
      for (int id = 0; id < functionCount; id++) {
        int slot = spread(hashById[id]) & mask;
        while (grown[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        grown[slot] = id + 1;
      }
      slots = grown;
    }

    /** String hashes of similar names differ in low bits only; Fibonacci mixing spreads them over the table. */
    private static int spread(int hash) {
      int h = hash * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }
}
