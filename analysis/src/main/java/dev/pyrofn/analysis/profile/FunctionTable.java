package dev.pyrofn.analysis.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A profile reduced to one row per function, sorted by self value (descending, then name).
 *
 * <p>{@code total} is the profile's root total (sum of all self values). The table is immutable and safe to share
 * between threads. A table built by the decoder ({@link #ofDistinct}) defers its work until it is asked: the full
 * sort on the first {@link #functions()}, the name index on the first {@link #find(String)}, and {@link #top(int)}
 * selects its rows without sorting the rest, so a caller that wants the top N of 100k rows does not pay for
 * sorting them all.
 */
public final class FunctionTable {
  private static final Comparator<FunctionStat> BY_SELF_DESC =
      Comparator.comparingLong(FunctionStat::self).reversed()
          .thenComparing(Comparator.comparingLong(FunctionStat::total).reversed())
          .thenComparing(FunctionStat::name);
  // Below this share of the rows, top(n) selects with a bounded heap instead of sorting everything.
  private static final int SELECT_FRACTION = 8;

  private static final FunctionTable EMPTY = new FunctionTable(0, new FunctionStat[0]);

  private final long total;
  // In no particular order until sorted; never modified after construction.
  private final FunctionStat[] rows;
  // Built on first use; a race builds the same value twice, which is harmless.
  private volatile List<FunctionStat> sorted;
  private volatile Map<String, FunctionStat> byName;

  private FunctionTable(long total, FunctionStat[] rows) {
    this.total = total;
    this.rows = rows;
  }

  public static FunctionTable empty() {
    return EMPTY;
  }

  /** Builds a table from rows in any order; names must be unique. */
  public static FunctionTable of(long total, List<FunctionStat> functions) {
    if (total < 0) {
      throw new IllegalArgumentException("negative profile total " + total);
    }
    FunctionTable table = new FunctionTable(total, functions.toArray(new FunctionStat[0]));
    table.functions();
    if (table.index().size() != table.rows.length) {
      throw new IllegalArgumentException("function names must be unique");
    }
    return table;
  }

  /** Builds a table from parallel arrays, computing percentages from {@code total}; names must be unique. */
  public static FunctionTable fromArrays(long total, String[] names, long[] self, long[] inclusive, int count) {
    List<FunctionStat> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(FunctionStat.of(names[i], self[i], inclusive[i], total));
    }
    return of(total, rows);
  }

  /**
   * As {@link #fromArrays}, for a caller that guarantees distinct names (the decoder, whose name table already
   * de-duplicated them): nothing is checked, sorted or indexed until a reader asks.
   */
  public static FunctionTable ofDistinct(long total, String[] names, long[] self, long[] inclusive, int count) {
    if (total < 0) {
      throw new IllegalArgumentException("negative profile total " + total);
    }
    FunctionStat[] rows = new FunctionStat[count];
    for (int i = 0; i < count; i++) {
      rows[i] = FunctionStat.of(names[i], self[i], inclusive[i], total);
    }
    return new FunctionTable(total, rows);
  }

  public long total() {
    return total;
  }

  public boolean isEmpty() {
    return total == 0;
  }

  public int size() {
    return rows.length;
  }

  /** All rows, sorted by self value descending. */
  public List<FunctionStat> functions() {
    List<FunctionStat> result = sorted;
    if (result == null) {
      FunctionStat[] copy = rows.clone();
      Arrays.sort(copy, BY_SELF_DESC);
      result = Collections.unmodifiableList(Arrays.asList(copy));
      sorted = result;
    }
    return result;
  }

  /** The first {@code limit} rows by self value. */
  public List<FunctionStat> top(int limit) {
    int n = Math.min(Math.max(limit, 0), rows.length);
    List<FunctionStat> all = sorted;
    if (all != null || n > rows.length / SELECT_FRACTION) {
      return functions().subList(0, n);
    }
    return select(n);
  }

  /** The best {@code n} rows with a heap of n whose head is the worst kept: one comparison for most rows. */
  private List<FunctionStat> select(int n) {
    if (n == 0) {
      return Collections.emptyList();
    }
    PriorityQueue<FunctionStat> best = new PriorityQueue<>(n, BY_SELF_DESC.reversed());
    for (FunctionStat row : rows) {
      if (best.size() < n) {
        best.add(row);
      } else if (BY_SELF_DESC.compare(row, best.peek()) < 0) {
        best.poll();
        best.add(row);
      }
    }
    FunctionStat[] kept = best.toArray(new FunctionStat[0]);
    Arrays.sort(kept, BY_SELF_DESC);
    return Collections.unmodifiableList(Arrays.asList(kept));
  }

  private Map<String, FunctionStat> index() {
    Map<String, FunctionStat> result = byName;
    if (result == null) {
      result = new HashMap<>(rows.length * 2);
      for (FunctionStat stat : rows) {
        result.put(stat.name(), stat);
      }
      byName = result;
    }
    return result;
  }

  /**
   * The self value of {@code name}, 0 when absent. Unlike {@link #find(String)} it scans the rows when no name
   * index was built yet, so one lookup (the decoder's "other" row) does not cost an index of every name.
   */
  public long selfOf(String name) {
    Map<String, FunctionStat> index = byName;
    if (index != null) {
      FunctionStat stat = index.get(name);
      return stat == null ? 0 : stat.self();
    }
    for (FunctionStat stat : rows) {
      if (stat.name().equals(name)) {
        return stat.self();
      }
    }
    return 0;
  }

  public Optional<FunctionStat> find(String name) {
    return Optional.ofNullable(index().get(name));
  }

  @Override
  public String toString() {
    return "FunctionTable{total=" + total + ", functions=" + rows.length + "}";
  }
}
