package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.Objects;

/**
 * A flame graph reduced to its ranked function table, with what the server said about units.
 *
 * <p>{@code otherValue} is the value held by nodes named {@code other}: the bucket into which the server
 * folds everything beyond {@code maxNodes}. A large {@code otherPercent} means the table is missing detail
 * and the query should ask for more nodes. {@code nodeCount} counts every node of the flame graph,
 * the root included (for a diff: every node of the shared tree, on both sides).
 */
public final class DecodedProfile {
  /** Name Pyroscope gives to the node that collects everything truncated by {@code maxNodes}. */
  public static final String OTHER = "other";

  private static final DecodedProfile EMPTY = new DecodedProfile(FunctionTable.empty(), null, 0, 0);

  private final FunctionTable table;
  private final String units;
  private final long sampleRate;
  private final long otherValue;
  private final int nodeCount;
  private final CallGraph calls;

  private DecodedProfile(FunctionTable table, String units, long sampleRate, int nodeCount) {
    this(table, units, sampleRate, nodeCount, CallGraph.empty());
  }

  private DecodedProfile(FunctionTable table, String units, long sampleRate, int nodeCount, CallGraph calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.table = Objects.requireNonNull(table, "table");
    this.units = units;
    this.sampleRate = sampleRate;
    this.otherValue = table.selfOf(OTHER);
    this.nodeCount = nodeCount;
  }

  /** A profile with no samples: what the server answers for a window without data. */
  public static DecodedProfile empty() {
    return EMPTY;
  }

  /** {@code units} may be null (Connect answers carry none); {@code sampleRate} is 0 when absent. */
  public static DecodedProfile of(FunctionTable table, String units, long sampleRate, int nodeCount) {
    if (sampleRate < 0 || nodeCount < 0) {
      throw new IllegalArgumentException("negative sampleRate or nodeCount");
    }
    return new DecodedProfile(table, units, sampleRate, nodeCount);
  }

  public FunctionTable table() {
    return table;
  }

  /** This profile with its caller -> callee edges. */
  public DecodedProfile withCalls(CallGraph value) {
    return new DecodedProfile(table, units, sampleRate, nodeCount, value);
  }

  /**
   * Caller -> callee edges (recursion counted once, as for totals); empty unless decoded with calls
   * ({@code FlameGraphDecoder.decode*WithCalls}).
   */
  public CallGraph calls() {
    return calls;
  }

  /** The profile's root total (sum of every self value). */
  public long total() {
    return table.total();
  }

  /** {@code metadata.units} of a render answer ("samples", "bytes", "objects", ...), or null. */
  public String units() {
    return units;
  }

  /** Samples per second when units is "samples"; 0 when the answer does not say. */
  public long sampleRate() {
    return sampleRate;
  }

  public long otherValue() {
    return otherValue;
  }

  public double otherPercent() {
    return FunctionStat.percent(otherValue, table.total());
  }

  public int nodeCount() {
    return nodeCount;
  }

  @Override
  public String toString() {
    return "DecodedProfile{total=" + table.total() + ", functions=" + table.size() + ", units=" + units
        + ", sampleRate=" + sampleRate + ", other=" + otherValue + ", nodes=" + nodeCount + "}";
  }
}
