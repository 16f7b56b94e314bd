package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.diff.DiffReport;
import dev.pyrofn.analysis.diff.FunctionDiff;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.upstream.DiffSides;
import dev.pyrofn.bor.upstream.ProfileTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

import static dev.pyrofn.bor.common.Json.round2;

/** The JSON shape of the Diff Report answer (API.md); v2 adds threshold fields, never changes v1 ones. */
final class DiffJson {
  private DiffJson() {
  }

  static JsonObject report(DiffRequest request, DiffSides sides, DiffReport report, ApiVersion version) {
    boolean v2 = version.isV2();
    JsonObject summary = new JsonObject()
        .put("regressionsCount", report.regressionsCount())
        .put("improvementsCount", report.improvementsCount())
        .put("topRegression", report.topRegression().map(top -> entry(top, v2)).orElse(null))
        .put("verdict", report.verdict().id())
        .put("reasons", new JsonArray(new java.util.ArrayList<Object>(report.reasons())));
    if (v2) {
      summary.put("thresholdBreaches", entries(report.thresholdBreaches(), true));
    }
    return new JsonObject().put("appName", request.app).put("profileType", request.type.name())
        .put("profileTypeId", request.type.id())
        .put("baseline", side(sides.baseline())).put("current", side(sides.current()))
        .put("regressions", entries(report.regressions(), v2))
        .put("improvements", entries(report.improvements(), v2))
        .put("summary", summary)
        .put("options", options(request));
  }

  private static JsonObject side(ProfileTable side) {
    return new JsonObject().put("from", side.from()).put("to", side.to())
        .put("totalSamples", side.table().total());
  }

  private static JsonArray entries(List<FunctionDiff> rows, boolean v2) {
    JsonArray entries = new JsonArray();
    for (FunctionDiff row : rows) {
      entries.add(entry(row, v2));
    }
    return entries;
  }

  private static JsonObject entry(FunctionDiff row, boolean v2) {
    JsonObject entry = new JsonObject().put("function", row.function())
        .put("baselinePercent", round2(row.baselinePercent())).put("currentPercent", round2(row.currentPercent()))
        .put("deltaPercent", round2(row.deltaPercent())).put("status", row.status().id())
        .put("baselineSamples", row.baselineSamples()).put("currentSamples", row.currentSamples());
    if (v2) {
      entry.put("approvedThreshold", row.approvedThreshold().orElse(null))
          .put("exceedsThreshold", row.exceedsThreshold());
    }
    return entry;
  }

  private static JsonObject options(DiffRequest request) {
    return new JsonObject().put("minDelta", request.options.minDeltaPercent())
        .put("minSamples", request.options.minSamples()).put("warnDelta", request.options.warnDeltaPercent())
        .put("failDelta", request.options.failDeltaPercent()).put("limit", request.options.limit());
  }
}
