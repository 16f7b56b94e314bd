package dev.pyrofn.bor.upstream;

import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.callsite.CallerEdge;
import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One profile as the Profile Data SOR answered it: the type, the window it reports (epoch seconds) and the ranked
 * function table rebuilt from the listed rows (percentages recomputed from the profile total).
 */
public final class ProfileTable {
  private final ProfileType type;
  private final long from;
  private final long to;
  private final FunctionTable table;
  private final CallSiteTable callSites;
  private final CallGraph calls;
  private final OptionalInt matchingFunctions;

  private ProfileTable(ProfileType type, long from, long to, FunctionTable table, CallSiteTable callSites,
      CallGraph calls, OptionalInt matchingFunctions) {
    this.type = type;
    this.from = from;
    this.to = to;
    this.table = table;
    this.callSites = callSites;
    this.calls = calls;
    this.matchingFunctions = matchingFunctions;
  }

  public static ProfileTable of(ProfileType type, long from, long to, FunctionTable table) {
    return new ProfileTable(type, from, to, table, CallSiteTable.absent(), CallGraph.empty(), OptionalInt.empty());
  }

  /** A profile answer or one side of a diff answer: {@code {from, to, totalSamples, functions: [...]}}. */
  static ProfileTable fromJson(ProfileType type, JsonObject side) {
    try {
      long total = side.getLong("totalSamples");
      JsonArray rows = side.getJsonArray("functions", new JsonArray());
      List<FunctionStat> stats = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        JsonObject row = rows.getJsonObject(i);
        stats.add(FunctionStat.of(row.getString("name"), row.getLong("selfSamples"), row.getLong("totalSamples"),
            total));
      }
      return new ProfileTable(type, side.getLong("from"), side.getLong("to"), FunctionTable.of(total, stats),
          callSites(side, total), callsOf(side.getJsonArray("calls")), matchingFunctions(side.getJsonObject("filter")));
    } catch (RuntimeException e) {
      throw ApiException.upstreamError("Profile Data SOR answered a profile in an unexpected shape: " + e.getMessage(),
          e);
    }
  }

  /** The {@code callers} rows, when they were asked for and the SOR answered them; else absent. */
  private static CallSiteTable callSites(JsonObject side, long total) {
    JsonArray rows = side.getJsonArray("callers");
    if (rows == null) {
      return CallSiteTable.absent();
    }
    List<CallerEdge> edges = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      edges.add(CallerEdge.of(row.getString("function"), row.getString("caller"), row.getLong("totalSamples"),
          row.getLong("entrySamples"), row.getLong("selfSamples")));
    }
    return CallSiteTable.of(total, edges);
  }

  /** {@code filter.matchingFunctions} of a filtered answer; empty for a whole one (or a SOR without the filter). */
  private static OptionalInt matchingFunctions(JsonObject filter) {
    return filter == null ? OptionalInt.empty() : OptionalInt.of(filter.getInteger("matchingFunctions"));
  }

  /** {@code calls} of a diff side (caller -> callee edges); an answer without them gives an empty graph. */
  private static CallGraph callsOf(JsonArray rows) {
    if (rows == null) {
      return CallGraph.empty();
    }
    CallGraph.Builder calls = CallGraph.builder();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      calls.add(row.getString("caller"), row.getString("callee"), row.getLong("totalSamples"));
    }
    return calls.build();
  }

  public ProfileType type() {
    return type;
  }

  public long from() {
    return from;
  }

  public long to() {
    return to;
  }

  public double lengthSeconds() {
    return Math.max(1, to - from);
  }

  public FunctionTable table() {
    return table;
  }

  public CallSiteTable callSites() {
    return callSites;
  }

  /**
   * How many functions of the whole profile matched, when Profile Data filtered the answer
   * ({@link ProfileData#matchingProfileInFanOut}); the table then lists at most the rows asked for of them.
   */
  public OptionalInt matchingFunctions() {
    return matchingFunctions;
  }

  /** Caller -> callee edges between the listed functions (diff answers only; else empty). */
  public CallGraph calls() {
    return calls;
  }
}
