package dev.pyrofn.sor.profiles;

import static dev.pyrofn.runtime.format.Numbers.round2;

import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.callsite.CallerEdge;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON shapes of API.md for the Profile Data routes. Percentages are of the profile (or side) total, rounded
 * to 2 decimals; window bounds are epoch seconds. The server's synthetic {@code other} node (what maxNodes folded
 * away) is not listed as a function: its share is reported as {@code otherPercent} and {@code truncated}.
 */
final class ProfileJson {
  private final double truncationPercent;

  ProfileJson(double truncationPercent) {
    this.truncationPercent = truncationPercent;
  }

  static JsonObject apps(List<String> apps, TimeWindow window) {
    return new JsonObject().put("apps", new JsonArray(new ArrayList<Object>(apps)))
        .put("from", window.fromSeconds()).put("to", window.toSeconds());
  }

  static JsonObject types(String app, TimeWindow window, List<String> typeIds) {
    JsonArray types = new JsonArray();
    for (String id : typeIds) {
      ProfileType type = ProfileType.fromId(id);
      types.add(new JsonObject().put("profileType", type.name()).put("profileTypeId", type.id()));
    }
    return new JsonObject().put("appName", app).put("from", window.fromSeconds()).put("to", window.toSeconds())
        .put("types", types);
  }

  JsonObject profile(ProfileSnapshot snapshot, int limit, int callerLimit) {
    return header(snapshot.query()).mergeIn(side(snapshot, listed(snapshot.profile().table(), limit), callerLimit));
  }

  /**
   * The v2 filtered answer: only the functions {@code filter} matches, of the whole table, ranked as the whole
   * answer ranks them, with their callers; totals, percentages and {@code functionCount} stay the whole profile's.
   */
  JsonObject filteredProfile(ProfileSnapshot snapshot, FunctionFilter filter, int limit, int callerLimit) {
    FunctionFilter.Selection selection = filter.select(snapshot.profile().table(), limit);
    return header(snapshot.query()).mergeIn(side(snapshot, selection.listed, callerLimit))
        .put("filter", filter.echo(selection));
  }

  /**
   * Each side lists its own top {@code limit} by self and by total plus whatever of the other side's it has, so
   * names align, and the call edges between listed functions ({@code calls}): an entry frame with no self value of
   * its own still appears, with the path below it. Asked-for callers are added per side.
   */
  JsonObject diff(ProfileSnapshot baseline, ProfileSnapshot current, int limit, int callerLimit) {
    Set<String> names = new LinkedHashSet<>();
    for (ProfileSnapshot side : new ProfileSnapshot[] {baseline, current}) {
      names.addAll(names(listed(side.profile().table(), limit)));
      names.addAll(names(listedByTotal(side.profile().table(), limit)));
    }
    return header(current.query())
        .put("baseline", side(baseline, present(baseline.profile().table(), names), callerLimit)
            .put("calls", calls(baseline.profile().calls(), names)))
        .put("current", side(current, present(current.profile().table(), names), callerLimit)
            .put("calls", calls(current.profile().calls(), names)));
  }

  /** Edges whose both ends are listed, largest first. */
  private static JsonArray calls(CallGraph graph, Set<String> names) {
    List<CallGraph.Edge> edges = new ArrayList<>();
    for (CallGraph.Edge edge : graph.edges()) {
      if (names.contains(edge.caller()) && names.contains(edge.callee())) {
        edges.add(edge);
      }
    }
    edges.sort(Comparator.comparingLong(CallGraph.Edge::value).reversed()
        .thenComparing(CallGraph.Edge::caller).thenComparing(CallGraph.Edge::callee));
    JsonArray rows = new JsonArray();
    for (CallGraph.Edge edge : edges) {
      rows.add(new JsonObject().put("caller", edge.caller()).put("callee", edge.callee())
          .put("totalSamples", edge.value()));
    }
    return rows;
  }

  /** The top {@code limit} rows by total, without the {@code other} bucket. */
  private static List<FunctionStat> listedByTotal(FunctionTable table, int limit) {
    List<FunctionStat> byTotal = new ArrayList<>(table.functions());
    byTotal.sort(Comparator.comparingLong(FunctionStat::total).reversed().thenComparing(FunctionStat::name));
    List<FunctionStat> rows = new ArrayList<>(Math.min(limit, byTotal.size()));
    for (FunctionStat stat : byTotal) {
      if (rows.size() == limit) {
        break;
      }
      if (!DecodedProfile.OTHER.equals(stat.name())) {
        rows.add(stat);
      }
    }
    return rows;
  }

  private static JsonObject header(ProfileQuery query) {
    return new JsonObject().put("appName", query.app()).put("profileType", query.type().name())
        .put("profileTypeId", query.type().id());
  }

  private JsonObject side(ProfileSnapshot snapshot, List<FunctionStat> functions, int callerLimit) {
    DecodedProfile profile = snapshot.profile();
    JsonArray rows = new JsonArray();
    for (FunctionStat stat : functions) {
      rows.add(new JsonObject().put("name", stat.name())
          .put("selfSamples", stat.self()).put("selfPercent", round2(stat.selfPercent()))
          .put("totalSamples", stat.total()).put("totalPercent", round2(stat.totalPercent())));
    }
    TimeWindow window = snapshot.query().window();
    JsonObject side = new JsonObject().put("from", window.fromSeconds()).put("to", window.toSeconds())
        .put("unit", snapshot.unit()).put("totalSamples", profile.total());
    if (profile.sampleRate() > 0) {
      side.put("sampleRate", profile.sampleRate());
    }
    return side.put("functionCount", countFunctions(profile))
        .put("truncated", profile.otherValue() > 0 && profile.otherPercent() >= truncationPercent)
        .put("otherPercent", round2(profile.otherPercent()))
        .put("functions", rows)
        .mergeIn(callers(profile.callSites(), functions, callerLimit));
  }

  /**
   * Asked-for call sites: the caller edges of the listed functions, largest first, at most {@code limit};
   * {@code callersTruncated} when more existed. Nothing is added when call sites were not asked for.
   */
  private static JsonObject callers(CallSiteTable callSites, List<FunctionStat> listed, int limit) {
    if (!callSites.isPresent()) {
      return new JsonObject();
    }
    Set<String> names = new HashSet<>(names(listed));
    List<CallerEdge> edges = new ArrayList<>();
    for (CallerEdge edge : callSites.edges()) {
      if (names.contains(edge.function())) {
        edges.add(edge);
      }
    }
    edges.sort(Comparator.comparingLong((CallerEdge e) -> Math.max(e.total(), e.self())).reversed()
        .thenComparing(CallerEdge::function).thenComparing(CallerEdge::caller));
    JsonArray rows = new JsonArray();
    for (CallerEdge edge : edges.subList(0, Math.min(limit, edges.size()))) {
      rows.add(new JsonObject().put("function", edge.function()).put("caller", edge.caller())
          .put("totalSamples", edge.total()).put("entrySamples", edge.entry()).put("selfSamples", edge.self()));
    }
    return new JsonObject().put("callers", rows).put("callersTruncated", edges.size() > limit);
  }

  /** The top {@code limit} rows by self, without the {@code other} bucket. */
  private static List<FunctionStat> listed(FunctionTable table, int limit) {
    List<FunctionStat> rows = new ArrayList<>(Math.min(limit, table.size()));
    // One row more than asked covers the skipped "other" row; top() selects without sorting every row.
    for (FunctionStat stat : table.top(limit + 1)) {
      if (rows.size() == limit) {
        break;
      }
      if (!DecodedProfile.OTHER.equals(stat.name())) {
        rows.add(stat);
      }
    }
    return rows;
  }

  /** The rows of {@code table} named in {@code names}, in the table's order (self descending). */
  private static List<FunctionStat> present(FunctionTable table, Set<String> names) {
    List<FunctionStat> rows = new ArrayList<>(names.size());
    for (FunctionStat stat : table.functions()) {
      if (names.contains(stat.name())) {
        rows.add(stat);
      }
    }
    return rows;
  }

  private static List<String> names(List<FunctionStat> rows) {
    List<String> names = new ArrayList<>(rows.size());
    for (FunctionStat row : rows) {
      names.add(row.name());
    }
    return names;
  }

  private static int countFunctions(DecodedProfile profile) {
    return profile.table().size() - (profile.table().find(DecodedProfile.OTHER).isPresent() ? 1 : 0);
  }
}
