package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.baseline.BaselineViolation;
import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.Finding;
import dev.pyrofn.analysis.triage.FrameShare;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import dev.pyrofn.analysis.triage.TriageSummary;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.ProfileTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

import static dev.pyrofn.bor.common.Json.round2;

/** The JSON shapes of the Triage answer (API.md); percentages and scores with 2 decimals. */
final class TriageJson {
  static final String UNAVAILABLE = "unavailable";

  private TriageJson() {
  }

  static JsonObject profile(ProfileTable table, ProfileDiagnosis diagnosis, int limit) {
    JsonArray top = new JsonArray();
    for (FunctionStat stat : table.table().top(limit)) {
      top.add(new JsonObject().put("name", stat.name()).put("selfPercent", round2(stat.selfPercent()))
          .put("selfSamples", stat.self()).put("totalPercent", round2(stat.totalPercent())));
    }
    return new JsonObject().put("profileType", table.type().name()).put("profileTypeId", table.type().id())
        .put("diagnosis", diagnosis.diagnosis()).put("severity", diagnosis.severity().id())
        .put("totalSamples", table.table().total()).put("topFunctions", top)
        .put("findings", findings(diagnosis.findings())).put("recommendation", diagnosis.recommendation());
  }

  static JsonObject unavailable(ProfileType type, Throwable failure) {
    JsonObject error = Failures.describe(failure);
    return new JsonObject().put("profileType", type.name()).put("profileTypeId", type.id())
        .put("diagnosis", UNAVAILABLE).put("error", error.getString("error")).put("code", error.getString("code"));
  }

  static JsonObject summary(TriageSummary summary) {
    return new JsonObject().put("primaryIssue", summary.primaryIssue()).put("severity", summary.severity().id())
        .put("recommendation", summary.recommendation()).put("findings", findings(summary.findings()));
  }

  /** Which frames counted as the application's when call sites were computed, and where that came from. */
  static JsonObject applicationFrames(AppPackages.Resolved frames) {
    JsonObject json = new JsonObject().put("source", frames.source)
        .put("packages", new JsonArray(new ArrayList<Object>(frames.frames.prefixes())));
    if (frames.error != null) {
      json.put("registryError", frames.error);
    }
    return json;
  }

  static JsonObject violation(BaselineViolation violation) {
    return new JsonObject().put("function", violation.function())
        .put("currentPercent", round2(violation.currentPercent())).put("threshold", violation.threshold())
        .put("exceededBy", round2(violation.exceededBy())).put("severity", violation.severity().id())
        .put("message", violation.message());
  }

  private static JsonArray findings(List<Finding> findings) {
    JsonArray rows = new JsonArray();
    for (Finding finding : findings) {
      JsonArray functions = new JsonArray();
      for (FrameShare frame : finding.functions()) {
        functions.add(new JsonObject().put("name", frame.name()).put("percent", round2(frame.percent())));
      }
      JsonArray callSites = new JsonArray();
      for (CallSite site : finding.callSites()) {
        callSites.add(new JsonObject().put("function", site.function()).put("percent", round2(site.percent())));
      }
      rows.add(new JsonObject().put("rule", finding.rule()).put("title", finding.title())
          .put("profileType", finding.profileType()).put("severity", finding.severity().id())
          .put("score", round2(finding.score())).put("percent", round2(finding.percent()))
          .put("functions", functions).put("callSites", callSites).put("recommendation", finding.recommendation()));
    }
    return rows;
  }
}
