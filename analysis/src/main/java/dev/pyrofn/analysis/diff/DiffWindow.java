package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.Objects;

/** One side of a diff: its function table, its caller → callee edges (may be empty) and its length in seconds. */
public final class DiffWindow {
  private final FunctionTable table;
  private final CallGraph calls;
  private final double seconds;

  private DiffWindow(FunctionTable table, CallGraph calls, double seconds) {
    this.table = Objects.requireNonNull(table, "table");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.seconds = seconds;
  }

  public static DiffWindow of(FunctionTable table, CallGraph calls, double seconds) {
    return new DiffWindow(table, calls, seconds);
  }

  public static DiffWindow of(FunctionTable table, double seconds) {
    return new DiffWindow(table, CallGraph.empty(), seconds);
  }

  public FunctionTable table() {
    return table;
  }

  public CallGraph calls() {
    return calls;
  }

  public double seconds() {
    return seconds;
  }
}
