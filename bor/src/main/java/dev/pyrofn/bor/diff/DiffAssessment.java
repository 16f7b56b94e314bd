package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.diff.DiffMarkdown;
import dev.pyrofn.analysis.diff.DiffReport;
import dev.pyrofn.analysis.diff.ProfileDiff;
import dev.pyrofn.bor.common.ApiVersion;
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
import java.util.Collections;
import java.util.HashMap;
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

  DiffAssessment(Vertx vertx, Upstreams upstreams, ApiVersion version) {
    this.vertx = vertx;
    this.upstreams = upstreams;
    this.version = version;
  }

  Future<DiffAnswer> assess(DiffRequest request) {
    Future<DiffSides> sides = upstreams.profileData().diff(request.app, request.type, request.current,
        request.baseline);
    Future<List<BaselineLimit>> limits = version.isV2() && upstreams.baselines().isPresent()
        ? upstreams.baselines().get().limits(request.app, request.type) : null;
    Future<?> both = limits == null ? sides : Future.join(sides, limits).otherwiseEmpty();
    return both.compose(ignored -> sides)
        .compose(fetched -> vertx.executeBlocking(() -> compare(request, fetched, limits), false))
        .compose(answer -> recordHistory(request, answer));
  }

  private DiffAnswer compare(DiffRequest request, DiffSides sides, Future<List<BaselineLimit>> limits) {
    requireData(request, sides.baseline(), "baseline");
    requireData(request, sides.current(), "current");
    Map<String, Double> thresholds = limits != null && limits.succeeded() ? thresholds(limits.result())
        : Collections.emptyMap();
    DiffReport report = ProfileDiff.compare(sides.baseline().table(), sides.baseline().lengthSeconds(),
        sides.current().table(), sides.current().lengthSeconds(), thresholds, request.options);
    JsonObject json = DiffJson.report(request, sides, report, version);
    String uncheckedThresholds = null;
    if (limits != null && limits.failed()) {
      String error = Failures.describe(limits.cause()).getString("error");
      json.put("baselineError", error);
      uncheckedThresholds = downgradeBlindPass(json.getJsonObject("summary"), error);
    }
    String markdown = request.markdown ? DiffMarkdown.render(request.app, request.type.name(), report) : null;
    if (markdown != null && uncheckedThresholds != null) {
      markdown = markdown + "\n> **Verdict lowered to warn:** " + uncheckedThresholds + "\n";
    }
    return new DiffAnswer(json, markdown);
  }

  /**
   * A deploy gate must not pass while blind to the approved thresholds: with the Baseline SOR failing, a
   * {@code pass} becomes {@code warn} with the reason (a {@code fail} stays a fail). Returns the reason, or null.
   */
  static String downgradeBlindPass(JsonObject summary, String baselineError) {
    if (!"pass".equals(summary.getString("verdict"))) {
      return null;
    }
    String reason = "approved thresholds could not be checked: " + baselineError;
    summary.put("verdict", "warn");
    summary.getJsonArray("reasons").add(reason);
    return reason;
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
    JsonArray regressions = json.getJsonArray("regressions");
    for (int i = 0; i < Math.min(5, regressions.size()); i++) {
      JsonObject row = regressions.getJsonObject(i);
      top.add(new JsonObject().put("name", row.getString("function"))
          .put("deltaPercent", row.getDouble("deltaPercent")));
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
