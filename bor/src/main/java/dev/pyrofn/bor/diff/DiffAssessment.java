package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.diff.ChangeGroup;
import dev.pyrofn.analysis.diff.DiffInputs;
import dev.pyrofn.analysis.diff.DiffMarkdown;
import dev.pyrofn.analysis.diff.DiffReport;
import dev.pyrofn.analysis.diff.DiffWindow;
import dev.pyrofn.analysis.diff.ProfileDiff;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.common.RequestIds;
import dev.pyrofn.bor.upstream.DiffSides;
import dev.pyrofn.bor.upstream.History;
import dev.pyrofn.bor.upstream.HistoryRecord;
import dev.pyrofn.bor.upstream.ProfileTable;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One diff: both windows from Profile Data and (v2) the approved thresholds in parallel, the comparison off the
 * event loop, then (v2) one History record awaited before the answer. Without Profile Data there is no diff (the
 * upstream error is the answer); a failed Baseline SOR only loses the thresholds ({@code baselineError}).
 */
final class DiffAssessment {
  private final Vertx vertx;
  private final Upstreams upstreams;
  private final ApiVersion version;
  private final AppPackages appPackages;

  DiffAssessment(Vertx vertx, Upstreams upstreams, ApiVersion version, AppPackages appPackages) {
    this.vertx = vertx;
    this.upstreams = upstreams;
    this.version = version;
    this.appPackages = appPackages;
  }

  /** The application frames are resolved first (v2: one Registry call): both windows are decoded with them. */
  Future<DiffAnswer> assess(DiffRequest request) {
    return appPackages.forApp(request.app).compose(frames -> assess(request, frames));
  }

  private Future<DiffAnswer> assess(DiffRequest request, AppPackages.Resolved frames) {
    Future<DiffSides> sides = upstreams.profileData().diff(request.app, request.type, request.current,
        request.baseline, frames.frames);
    Future<List<BaselineLimit>> limits = version.isV2() && upstreams.baselines().isPresent()
        ? upstreams.baselines().get().limits(request.app, request.type) : null;
    Future<?> both = limits == null ? sides : Future.join(sides, limits).otherwiseEmpty();
    return both.compose(ignored -> sides)
        .compose(fetched -> vertx.executeBlocking(() -> compare(request, fetched, limits, frames), false))
        .compose(answer -> recordHistory(request, answer));
  }

  /**
   * The verdict is decided by analysis from everything it depends on, the Baseline SOR's failure included (a
   * deploy gate never passes blind); JSON and Markdown only render it.
   */
  private DiffAnswer compare(DiffRequest request, DiffSides sides, Future<List<BaselineLimit>> limits,
      AppPackages.Resolved frames) {
    requireData(request, sides.baseline(), "baseline");
    requireData(request, sides.current(), "current");
    DiffInputs.Builder inputs = DiffInputs.builder(window(sides.baseline()), window(sides.current()))
        .type(request.type).options(request.options);
    if (limits != null && limits.succeeded()) {
      inputs.approvedThresholds(thresholds(limits.result()));
    }
    String baselineError = limits != null && limits.failed()
        ? Failures.describe(limits.cause()).getString("error") : null;
    if (baselineError != null) {
      inputs.baselinesUnavailable(baselineError);
    }
    DiffReport report = ProfileDiff.compare(inputs.build());
    Map<String, List<CallSite>> callSites = callSites(sides, report);
    JsonObject json = DiffJson.report(request, sides, report, version, callSites)
        .put("applicationFrames", DiffJson.applicationFrames(frames));
    if (baselineError != null) {
      json.put("baselineError", baselineError);
    }
    String markdown = request.markdown ? DiffMarkdown.render(request.app, request.type.name(),
        windowText(sides.baseline()), windowText(sides.current()), report, callSites) : null;
    return new DiffAnswer(json, markdown);
  }

  /**
   * The application frames each grouped change appeared under: its entry frame's call sites in the current window
   * (the baseline's for a path that disappeared). Null when the profile answer carried no caller rows.
   */
  private static Map<String, List<CallSite>> callSites(DiffSides sides, DiffReport report) {
    if (!sides.current().callSites().isPresent()) {
      return null;
    }
    Map<String, List<CallSite>> byEntry = new LinkedHashMap<>();
    for (List<ChangeGroup> groups : List.of(report.regressionGroups(), report.improvementGroups())) {
      for (ChangeGroup group : groups) {
        String entry = group.entry().function();
        List<CallSite> sites = sides.current().callSites().callersOf(entry);
        byEntry.put(entry, sites.isEmpty() && sides.baseline().callSites().isPresent()
            ? sides.baseline().callSites().callersOf(entry) : sites);
      }
    }
    return byEntry;
  }

  private static DiffWindow window(ProfileTable side) {
    return DiffWindow.of(side.table(), side.calls(), side.lengthSeconds());
  }

  private static String windowText(ProfileTable side) {
    return Instant.ofEpochSecond(side.from()) + " – " + Instant.ofEpochSecond(side.to()) + " ("
        + Math.round(side.lengthSeconds()) + " s)";
  }

  private static void requireData(DiffRequest request, ProfileTable side, String name) {
    if (side.table().isEmpty()) {
      throw ApiException.notFound("no " + request.type.name() + " profile data for app '" + request.app + "' in the "
          + name + " window " + side.from() + ".." + side.to());
    }
  }

  private static Map<String, Double> thresholds(List<BaselineLimit> limits) {
    Map<String, Double> byFunction = new HashMap<>();
    for (BaselineLimit limit : limits) {
      byFunction.put(limit.functionName(), limit.maxSelfPercent());
    }
    return byFunction;
  }

  private Future<DiffAnswer> recordHistory(DiffRequest request, DiffAnswer answer) {
    Optional<History> history = upstreams.history();
    if (!version.isV2() || history.isEmpty()) {
      return Future.succeededFuture(answer);
    }
    return history.get().record(historyRecord(request, answer.json())).map(answer::withHistory);
  }

  private static HistoryRecord historyRecord(DiffRequest request, JsonObject json) {
    JsonObject summary = json.getJsonObject("summary");
    String verdict = summary.getString("verdict");
    JsonArray top = new JsonArray();
    // The grouped changes the verdict was decided from, by entry frame (the self-share rows name leaves).
    JsonArray groups = json.getJsonArray("groups");
    for (int i = 0; i < Math.min(5, groups.size()); i++) {
      JsonObject entry = groups.getJsonObject(i).getJsonObject("entry");
      top.add(new JsonObject().put("name", entry.getString("function"))
          .put("deltaPercent", entry.getDouble("inclusiveDeltaPercent")));
    }
    StringBuilder reasons = new StringBuilder();
    for (Object reason : summary.getJsonArray("reasons")) {
      reasons.append(reasons.length() == 0 ? "" : " ").append(reason);
    }
    String recommendation = reasons.length() == 0 ? "no regression above the noise floor" : reasons.toString();
    return HistoryRecord.of(request.app, "diff_" + verdict, severityOf(verdict),
        new JsonArray().add(request.type.name()), top, recommendation,
        RequestIds.historyKey("diff", request.requestId));
  }

  private static String severityOf(String verdict) {
    switch (verdict) {
      case "fail":
        return "high";
      case "warn":
        return "medium";
      default:
        return "low";
    }
  }
}
