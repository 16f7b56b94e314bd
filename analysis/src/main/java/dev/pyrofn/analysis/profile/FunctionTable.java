package dev.pyrofn.analysis.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile reduced to one row per function, sorted by self value (descending, then name).
 *
 * <p>{@code total} is the profile's root total (sum of all self values). The table is immutable.
 */
public final class FunctionTable {
  private static final Comparator<FunctionStat> BY_SELF_DESC =
      Comparator.comparingLong(FunctionStat::self).reversed()
          .thenComparing(Comparator.comparingLong(FunctionStat::total).reversed())
          .thenComparing(FunctionStat::name);

  private static final FunctionTable EMPTY = new FunctionTable(0, Collections.emptyList());

  private final long total;
  private final List<FunctionStat> functions;
  private final Map<String, FunctionStat> byName;

  private FunctionTable(long total, List<FunctionStat> sortedFunctions) {
    this.total = total;
    this.functions = Collections.unmodifiableList(sortedFunctions);
    Map<String, FunctionStat> index = new HashMap<>(sortedFunctions.size() * 2);
    for (FunctionStat stat : sortedFunctions) {
      index.put(stat.name(), stat);
    }
    this.byName = index;
  }

  public static FunctionTable empty() {
    return EMPTY;
  }

  /** Builds a table from rows in any order; names must be unique. */
  public static FunctionTable of(long total, List<FunctionStat> functions) {
    if (total < 0) {
      throw new IllegalArgumentException("negative profile total " + total);
    }
    List<FunctionStat> sorted = new ArrayList<>(functions);
    sorted.sort(BY_SELF_DESC);
    FunctionTable table = new FunctionTable(total, sorted);
    if (table.byName.size() != sorted.size()) {
      throw new IllegalArgumentException("function names must be unique");
    }
    return table;
  }

  /** Builds a table from parallel arrays (the decoder's output), computing percentages from {@code total}. */
  public static FunctionTable fromArrays(long total, String[] names, long[] self, long[] inclusive, int count) {
    List<FunctionStat> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(FunctionStat.of(names[i], self[i], inclusive[i], total));
    }
    return of(total, rows);
  }

  public long total() {
    return total;
  }

  public boolean isEmpty() {
    return total == 0;
  }

  public int size() {
    return functions.size();
  }

  /** All rows, sorted by self value descending. */
  public List<FunctionStat> functions() {
    return functions;
  }

  /** The first {@code limit} rows by self value. */
  public List<FunctionStat> top(int limit) {
    return functions.subList(0, Math.min(Math.max(limit, 0), functions.size()));
  }

  public Optional<FunctionStat> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public String toString() {
    return "FunctionTable{total=" + total + ", functions=" + functions.size() + "}";
  }
}
