package dev.pyrofn.analysis.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Who calls whom in one profile, per function name: the value of each caller → callee edge, summed over every
 * node named {@code callee} whose parent is named {@code caller}, counting a recursive callee once (nodes with an
 * ancestor of the same name are skipped, as for {@link FunctionStat#total()}). The root is not a caller.
 *
 * <p>The diff needs it to follow where added cost goes below a frame; it is empty when the source could not tell
 * (an older Profile Data SOR), and the diff then judges each function on its own. Immutable and thread-safe. The
 * edges are held as parallel arrays (the decoder fills them without boxing); the per-caller index that
 * {@link #calleesOf} reads is built on first use, so a profile that is only listed never pays for it.
 */
public final class CallGraph {
  private static final CallGraph EMPTY = new CallGraph(new String[0], new String[0], new long[0], 0);

  private final String[] callers;
  private final String[] callees;
  private final long[] values;
  private final int size;
  // Built lazily; a race builds it twice with equal contents, which is harmless.
  private volatile Map<String, Map<String, Long>> byCaller;

  private CallGraph(String[] callers, String[] callees, long[] values, int size) {
    this.callers = callers;
    this.callees = callees;
    this.values = values;
    this.size = size;
  }

  public static CallGraph empty() {
    return EMPTY;
  }

  /**
   * A graph over the first {@code size} entries of the arrays, which the graph then owns: each (caller, callee)
   * pair at most once, values positive.
   */
  public static CallGraph ofDistinctEdges(String[] callers, String[] callees, long[] values, int size) {
    if (size < 0 || size > callers.length || size > callees.length || size > values.length) {
      throw new IllegalArgumentException("size " + size + " does not fit the edge arrays");
    }
    return size == 0 ? EMPTY : new CallGraph(callers, callees, values, size);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Number of distinct caller → callee edges. */
  public int size() {
    return size;
  }

  /** Callee → edge value of {@code caller}; empty when it calls nothing (or is unknown). */
  public Map<String, Long> calleesOf(String caller) {
    return index().getOrDefault(caller, Collections.emptyMap());
  }

  public List<Edge> edges() {
    List<Edge> edges = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      edges.add(new Edge(callers[i], callees[i], values[i]));
    }
    return edges;
  }

  /** The graph with both ends of every edge renamed by {@code rename}; edges that meet add up. */
  public CallGraph renamed(UnaryOperator<String> rename) {
    Builder builder = builder();
    for (int i = 0; i < size; i++) {
      builder.add(rename.apply(callers[i]), rename.apply(callees[i]), values[i]);
    }
    return builder.build();
  }

  private Map<String, Map<String, Long>> index() {
    Map<String, Map<String, Long>> index = byCaller;
    if (index == null) {
      Map<String, Map<String, Long>> built = new HashMap<>();
      for (int i = 0; i < size; i++) {
        built.computeIfAbsent(callers[i], k -> new LinkedHashMap<>()).merge(callees[i], values[i], Long::sum);
      }
      built.replaceAll((caller, targets) -> Collections.unmodifiableMap(targets));
      index = Collections.unmodifiableMap(built);
      byCaller = index;
    }
    return index;
  }

  /** One caller → callee edge. */
  public static final class Edge {
    private final String caller;
    private final String callee;
    private final long value;

    public Edge(String caller, String callee, long value) {
      this.caller = Objects.requireNonNull(caller, "caller");
      this.callee = Objects.requireNonNull(callee, "callee");
      this.value = value;
    }

    public String caller() {
      return caller;
    }

    public String callee() {
      return callee;
    }

    public long value() {
      return value;
    }
  }

  /** Adds edge values; not thread-safe. */
  public static final class Builder {
    private final Map<String, Map<String, Long>> callees = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String caller, String callee, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("negative value for " + caller + " -> " + callee);
      }
      if (value > 0) {
        callees.computeIfAbsent(Objects.requireNonNull(caller, "caller"), k -> new LinkedHashMap<>())
            .merge(Objects.requireNonNull(callee, "callee"), value, Long::sum);
      }
      return this;
    }

    public CallGraph build() {
      int count = 0;
      for (Map<String, Long> targets : callees.values()) {
        count += targets.size();
      }
      String[] from = new String[count];
      String[] to = new String[count];
      long[] value = new long[count];
      int i = 0;
      for (Map.Entry<String, Map<String, Long>> caller : callees.entrySet()) {
        for (Map.Entry<String, Long> callee : caller.getValue().entrySet()) {
          from[i] = caller.getKey();
          to[i] = callee.getKey();
          value[i] = callee.getValue();
          i++;
        }
      }
      return ofDistinctEdges(from, to, value, count);
    }
  }

  @Override
  public String toString() {
    return "CallGraph{edges=" + size + ", first=" + Arrays.asList(callers).subList(0, Math.min(size, 3)) + "}";
  }
}
