package dev.pyrofn.analysis.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code names} array of a flame graph, mapped to dense function ids.
 *
 * <p>Pyroscope de-duplicates names, but nothing in the format promises it, so the table is keyed by the
 * name string: two indexes holding the same string get the same id. Everything downstream (aggregation,
 * the recursion check) works on ids, so a function split over several indexes is still one function.
 */
final class NameTable {
  private static final NameTable EMPTY = new NameTable(new int[0], new ArrayList<>());

  // idByIndex[nameIndex] = function id; ids are dense, 0 .. functionCount()-1.
  private final int[] idByIndex;
  private final List<String> nameById;

  private NameTable(int[] idByIndex, List<String> nameById) {
    this.idByIndex = idByIndex;
    this.nameById = nameById;
  }

  static NameTable empty() {
    return EMPTY;
  }

  /** Collects names in index order; see {@link #add(String)}. */
  static Builder builder() {
    return new Builder();
  }

  /** How many name indexes the answer declared. */
  int indexCount() {
    return idByIndex.length;
  }

  /** How many distinct name strings: the bound on every per-function array. */
  int functionCount() {
    return nameById.size();
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
    return nameById.get(id);
  }

  static final class Builder {
    private final Map<String, Integer> idByName = new HashMap<>();
    private final List<String> nameById = new ArrayList<>();
    private int[] idByIndex = new int[64];
    private int count;

    void add(String name) {
      Integer id = idByName.get(name);
      if (id == null) {
        id = nameById.size();
        idByName.put(name, id);
        nameById.add(name);
      }
      if (count == idByIndex.length) {
        idByIndex = Arrays.copyOf(idByIndex, count * 2);
      }
      idByIndex[count++] = id;
    }

    NameTable build() {
      return new NameTable(Arrays.copyOf(idByIndex, count), nameById);
    }
  }
}
