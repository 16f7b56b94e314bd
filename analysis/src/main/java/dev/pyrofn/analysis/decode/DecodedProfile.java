package dev.pyrofn.analysis.decode;

import dev.pyrofn.analysis.callsite.CallSiteTable;
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
 * the root included.
 */
public final class DecodedProfile {
  /** Name Pyroscope gives to the node that collects everything truncated by {@code maxNodes}. */
  public static final String OTHER = "other";

  private static final DecodedProfile EMPTY =
      new DecodedProfile(FunctionTable.empty(), null, 0, 0, CallSiteTable.absent());

  private final FunctionTable table;
  private final String units;
  private final long sampleRate;
  private final long otherValue;
  private final int nodeCount;
  private final CallSiteTable callSites;
  private final CallGraph calls;

  private DecodedProfile(FunctionTable table, String units, long sampleRate, int nodeCount,
      CallSiteTable callSites) {
    this(table, units, sampleRate, nodeCount, callSites, CallGraph.empty());
  }

  private DecodedProfile(FunctionTable table, String units, long sampleRate, int nodeCount,
      CallSiteTable callSites, CallGraph calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.table = Objects.requireNonNull(table, "table");
    this.units = units;
    this.sampleRate = sampleRate;
    this.otherValue = table.selfOf(OTHER);
    this.nodeCount = nodeCount;
    this.callSites = Objects.requireNonNull(callSites, "callSites");
  }

  /** A profile with no samples: what the server answers for a window without data. */
  public static DecodedProfile empty() {
    return EMPTY;
  }

  /** {@code units} may be null (Connect answers carry none); {@code sampleRate} is 0 when absent. */
  public static DecodedProfile of(FunctionTable table, String units, long sampleRate, int nodeCount) {
    return of(table, units, sampleRate, nodeCount, CallSiteTable.absent());
  }

  /** As above, with the caller edges the decoder collected (or {@link CallSiteTable#absent()}). */
  public static DecodedProfile of(FunctionTable table, String units, long sampleRate, int nodeCount,
      CallSiteTable callSites) {
    if (sampleRate < 0 || nodeCount < 0) {
      throw new IllegalArgumentException("negative sampleRate or nodeCount");
    }
    return new DecodedProfile(table, units, sampleRate, nodeCount, callSites);
  }

  public FunctionTable table() {
    return table;
  }

  /** This profile with its caller -> callee edges. */
  public DecodedProfile withCalls(CallGraph value) {
    return new DecodedProfile(table, units, sampleRate, nodeCount, callSites, value);
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

  /** Who calls what, when the profile was decoded with {@link dev.pyrofn.analysis.callsite.AppFrames}. */
  public CallSiteTable callSites() {
    return callSites;
  }

  @Override
  public String toString() {
    return "DecodedProfile{total=" + table.total() + ", functions=" + table.size() + ", units=" + units
        + ", sampleRate=" + sampleRate + ", other=" + otherValue + ", nodes=" + nodeCount + "}";
  }
}
