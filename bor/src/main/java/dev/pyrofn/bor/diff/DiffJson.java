package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.diff.ChangeGroup;
import dev.pyrofn.analysis.diff.CostUnit;
import dev.pyrofn.analysis.diff.DiffReport;
import dev.pyrofn.analysis.diff.FunctionDiff;
import dev.pyrofn.analysis.diff.TotalRates;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.upstream.DiffSides;
import dev.pyrofn.bor.upstream.ProfileTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

import static dev.pyrofn.bor.common.Json.round2;

/**
 * The JSON shape of the Diff Report answer (API.md); v2 adds threshold fields, never changes v1 ones. Both versions
 * carry the grouped changes ({@code groups}, {@code improvementGroups}), the total cost per second ({@code rates})
 * and, per row, the inclusive change and costs per second the verdict was decided from.
 */
final class DiffJson {
  private DiffJson() {
  }

  /** {@code callSites}: entry frame → the application frames it appeared under; null when not known. */
  static JsonObject report(DiffRequest request, DiffSides sides, DiffReport report, ApiVersion version,
      Map<String, List<CallSite>> callSites) {
    boolean v2 = version.isV2();
    JsonObject summary = new JsonObject()
        .put("regressionsCount", report.regressionsCount())
        .put("improvementsCount", report.improvementsCount())
        .put("topRegression", report.topRegression().map(top -> entry(top, report, v2)).orElse(null))
        .put("verdict", report.verdict().id())
        .put("reasons", new JsonArray(new java.util.ArrayList<Object>(report.reasons())))
        .put("topChange", report.topChange().map(group -> group(group, report, v2, callSites)).orElse(null))
        .put("groupedByCalls", report.groupedByCalls());
    if (v2) {
      summary.put("thresholdBreaches", entries(report.thresholdBreaches(), report, true));
    }
    return new JsonObject().put("appName", request.app).put("profileType", request.type.name())
        .put("profileTypeId", request.type.id())
        .put("baseline", side(sides.baseline())).put("current", side(sides.current()))
        .put("rates", rates(report.rates()))
        .put("groups", groups(head(report.regressionGroups(), request.options.limit()), report, v2, callSites))
        .put("improvementGroups", groups(head(report.improvementGroups(), request.options.limit()), report, v2,
            callSites))
        .put("regressions", entries(report.regressions(), report, v2))
        .put("improvements", entries(report.improvements(), report, v2))
        .put("summary", summary)
        .put("options", options(request));
  }

  private static JsonObject side(ProfileTable side) {
    return new JsonObject().put("from", side.from()).put("to", side.to())
        .put("totalSamples", side.table().total());
  }

  private static JsonObject rates(TotalRates rates) {
    return new JsonObject().put("unit", rates.unit().label())
        .put("baseline", round4(rates.baseline())).put("current", round4(rates.current()))
        .put("changePercent", round2(rates.changePercent()))
        .put("baselineSeconds", rates.baselineSeconds()).put("currentSeconds", rates.currentSeconds())
        .put("text", rates.toString());
  }

  private static <T> List<T> head(List<T> rows, int limit) {
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  private static JsonArray groups(List<ChangeGroup> groups, DiffReport report, boolean v2,
      Map<String, List<CallSite>> callSites) {
    JsonArray entries = new JsonArray();
    for (ChangeGroup group : groups) {
      entries.add(group(group, report, v2, callSites));
    }
    return entries;
  }

  private static JsonObject group(ChangeGroup group, DiffReport report, boolean v2,
      Map<String, List<CallSite>> callSites) {
    JsonObject json = new JsonObject().put("entry", entry(group.entry(), report, v2)).put("level", group.level().id())
        .put("rule", group.rule()).put("frames", group.members().size())
        .put("members", new JsonArray(new java.util.ArrayList<Object>(group.members())));
    if (callSites == null) {
      return json;
    }
    List<CallSite> sites = callSites.getOrDefault(group.entry().function(), List.of());
    JsonArray rows = new JsonArray();
    for (CallSite site : sites) {
      rows.add(new JsonObject().put("function", site.function()).put("percent", round2(site.percent())));
    }
    return json.put("appearedUnder", sites.isEmpty() ? null : sites.get(0).function()).put("callSites", rows);
  }

  /** Which frames counted as the application's (as in the Triage answer). */
  static JsonObject applicationFrames(AppPackages.Resolved frames) {
    JsonObject json = new JsonObject().put("source", frames.source)
        .put("packages", new JsonArray(new java.util.ArrayList<Object>(frames.frames.prefixes())));
    if (frames.error != null) {
      json.put("registryError", frames.error);
    }
    return json;
  }

  private static JsonArray entries(List<FunctionDiff> rows, DiffReport report, boolean v2) {
    JsonArray entries = new JsonArray();
    for (FunctionDiff row : rows) {
      entries.add(entry(row, report, v2));
    }
    return entries;
  }

  private static JsonObject entry(FunctionDiff row, DiffReport report, boolean v2) {
    CostUnit unit = report.rates().unit();
    JsonObject entry = new JsonObject().put("function", row.function())
        .put("baselinePercent", round2(row.baselinePercent())).put("currentPercent", round2(row.currentPercent()))
        .put("deltaPercent", round2(row.deltaPercent())).put("status", row.status().id())
        .put("baselineSamples", row.baselineSamples()).put("currentSamples", row.currentSamples())
        .put("functionKey", row.key())
        .put("baselineInclusivePercent", round2(row.baselineInclusivePercent()))
        .put("currentInclusivePercent", round2(row.currentInclusivePercent()))
        .put("inclusiveDeltaPercent", round2(row.inclusiveDeltaPercent()))
        .put("baselineInclusiveSamples", row.baselineInclusive())
        .put("currentInclusiveSamples", row.currentInclusive())
        .put("baselineSelfRate", round4(unit.convert(row.baselinePerSecond())))
        .put("currentSelfRate", round4(unit.convert(row.currentPerSecond())))
        .put("baselineInclusiveRate", round4(unit.convert(row.baselineInclusivePerSecond())))
        .put("currentInclusiveRate", round4(unit.convert(row.currentInclusivePerSecond())))
        .put("change", row.change().id());
    if (v2) {
      entry.put("approvedThreshold", row.approvedThreshold().orElse(null))
          .put("exceedsThreshold", row.exceedsThreshold());
    }
    return entry;
  }

  private static JsonObject options(DiffRequest request) {
    return new JsonObject().put("minDelta", request.options.minDeltaPercent())
        .put("minSamples", request.options.minSamples()).put("warnDelta", request.options.warnDeltaPercent())
        .put("failDelta", request.options.failDeltaPercent()).put("limit", request.options.limit())
        .put("minRateChange", request.options.minRateChangePercent()).put("minZ", request.options.minZ())
        .put("totalWarn", request.options.totalWarnPercent());
  }

  /** Four significant decimals are enough for a rate in cores or MiB/s and keep small rates visible. */
  private static double round4(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
