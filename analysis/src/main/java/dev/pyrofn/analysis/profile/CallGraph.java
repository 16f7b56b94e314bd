package dev.pyrofn.analysis.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who calls whom in one profile, per function name: the value of each caller → callee edge, summed over every
 * node named {@code callee} whose parent is named {@code caller}, counting a recursive callee once (nodes with an
 * ancestor of the same name are skipped, as for {@link FunctionStat#total()}). The root is not a caller.
 *
 * <p>The diff needs it to follow where added cost goes below a frame; it is empty when the source could not tell
 * (an older Profile Data SOR), and the diff then judges each function on its own. Immutable.
 */
public final class CallGraph {
  private static final CallGraph EMPTY = new CallGraph(Collections.emptyMap());

  private final Map<String, Map<String, Long>> callees;

  private CallGraph(Map<String, Map<String, Long>> callees) {
    this.callees = callees;
  }

  public static CallGraph empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return callees.isEmpty();
  }

  /** Callee → edge value of {@code caller}; empty when it calls nothing (or is unknown). */
  public Map<String, Long> calleesOf(String caller) {
    return callees.getOrDefault(caller, Collections.emptyMap());
  }

  public Iterable<String> callers() {
    return callees.keySet();
  }

  public List<Edge> edges() {
    List<Edge> edges = new ArrayList<>();
    callees.forEach((caller, targets) -> targets.forEach((callee, value) -> edges.add(new Edge(caller, callee,
        value))));
    return edges;
  }

  public int size() {
    int size = 0;
    for (Map<String, Long> targets : callees.values()) {
      size += targets.size();
    }
    return size;
  }

  /** The graph with both ends of every edge renamed by {@code rename}; edges that meet add up. */
  public CallGraph renamed(java.util.function.UnaryOperator<String> rename) {
    Builder builder = builder();
    callees.forEach((caller, targets) -> targets.forEach((callee, value) -> builder.add(rename.apply(caller),
        rename.apply(callee), value)));
    return builder.build();
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
    private final Map<String, Map<String, Long>> callees = new HashMap<>();

    private Builder() {}

    public Builder add(String caller, String callee, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("negative value for " + caller + " -> " + callee);
      }
      if (value > 0) {
        callees.computeIfAbsent(caller, k -> new LinkedHashMap<>()).merge(callee, value, Long::sum);
      }
      return this;
    }

    public CallGraph build() {
      Map<String, Map<String, Long>> frozen = new HashMap<>(callees.size() * 2);
      callees.forEach((caller, targets) -> frozen.put(caller, Collections.unmodifiableMap(new LinkedHashMap<>(
          targets))));
      return new CallGraph(Collections.unmodifiableMap(frozen));
    }
  }
}
