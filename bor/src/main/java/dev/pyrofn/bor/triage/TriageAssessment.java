package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.baseline.BaselineChecker;
import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.baseline.BaselineViolation;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.analysis.triage.TriageSummary;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.common.RequestIds;
import dev.pyrofn.bor.upstream.History;
import dev.pyrofn.bor.upstream.HistoryRecord;
import dev.pyrofn.bor.upstream.ProfileTable;
import dev.pyrofn.bor.upstream.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One triage: every type's profile (and v2 baselines) fetched in parallel, the rule engine run off the event loop,
 * then (v2) one History record written and awaited before the answer. A type that could not be fetched is
 * {@code unavailable}; when no type could be, the request fails with the most telling upstream error.
 */
final class TriageAssessment {
  /** A history record keeps at most this many call sites (the record body is capped at 16 KiB per field). */
  static final int HISTORY_CALL_SITES = 20;

  private final Vertx vertx;
  private final TriageEngine engine;
  private final Upstreams upstreams;
  private final ApiVersion version;
  private final AppPackages appPackages;

  TriageAssessment(Vertx vertx, TriageEngine engine, Upstreams upstreams, ApiVersion version,
      AppPackages appPackages) {
    this.vertx = vertx;
    this.engine = engine;
    this.upstreams = upstreams;
    this.version = version;
    this.appPackages = appPackages;
  }

  /** The application frames are resolved first (v2: one Registry call): the profiles are decoded with them. */
  Future<JsonObject> assess(TriageRequest request) {
    return appPackages.forApp(request.app).compose(frames -> assess(request, frames));
  }

  private Future<JsonObject> assess(TriageRequest request, AppPackages.Resolved frames) {
    List<TypeInputs> inputs = new ArrayList<>();
    List<Future<?>> calls = new ArrayList<>();
    for (ProfileType type : request.types) {
      TypeInputs fetched = fetch(request, type, frames);
      inputs.add(fetched);
      calls.add(fetched.profile);
      if (fetched.checksBaselines()) {
        calls.add(fetched.limits);
      }
    }
    return Future.join(calls).otherwiseEmpty()
        .compose(ignored -> vertx.executeBlocking(() -> analyse(request, inputs, frames), false))
        .compose(answer -> recordHistory(request, answer));
  }

  private TypeInputs fetch(TriageRequest request, ProfileType type, AppPackages.Resolved frames) {
    Future<ProfileTable> profile = upstreams.profileData().profile(request.app, type, request.window, frames.frames);
    Future<List<BaselineLimit>> limits = version.isV2()
        ? upstreams.baselines().map(b -> b.limits(request.app, type)).orElse(null) : null;
    return new TypeInputs(type, profile, limits);
  }

  private JsonObject analyse(TriageRequest request, List<TypeInputs> inputs, AppPackages.Resolved frames) {
    Map<String, ProfileDiagnosis> diagnoses = new LinkedHashMap<>();
    JsonObject profiles = new JsonObject();
    JsonArray violations = new JsonArray();
    List<Throwable> failures = new ArrayList<>();
    for (TypeInputs input : inputs) {
      if (input.profile.failed()) {
        failures.add(input.profile.cause());
        profiles.put(input.type.name(), TriageJson.unavailable(input.type, input.profile.cause()));
        continue;
      }
      ProfileTable table = input.profile.result();
      ProfileDiagnosis diagnosis = engine.diagnose(input.type, table.table(), table.callSites(), frames.frames);
      diagnoses.put(input.type.name(), diagnosis);
      JsonObject typeJson = TriageJson.profile(table, diagnosis, request.limit);
      if (input.checksBaselines()) {
        addBaselines(input, table, typeJson, violations);
      }
      profiles.put(input.type.name(), typeJson);
    }
    if (diagnoses.isEmpty()) {
      throw Failures.mostSignificant(failures);
    }
    TriageSummary summary = engine.summarize(diagnoses);
    JsonObject summaryJson = TriageJson.summary(summary);
    if (version.isV2() && upstreams.baselines().isPresent()) {
      summaryJson.put("baselineViolations", violations);
    }
    return new JsonObject().put("appName", request.app).put("from", request.window.fromSeconds())
        .put("to", request.window.toSeconds()).put("profiles", profiles).put("summary", summaryJson)
        .put("applicationFrames", TriageJson.applicationFrames(frames));
  }

  private static void addBaselines(TypeInputs input, ProfileTable table, JsonObject typeJson, JsonArray all) {
    if (input.limits.failed()) {
      typeJson.put("baselineViolations", new JsonArray());
      typeJson.put("baselineError", Failures.describe(input.limits.cause()).getString("error"));
      return;
    }
    List<BaselineViolation> found = BaselineChecker.check(table.table(), input.limits.result());
    JsonArray rows = new JsonArray();
    for (BaselineViolation violation : found) {
      rows.add(TriageJson.violation(violation));
      all.add(TriageJson.violation(violation).put("profileType", input.type.name()));
    }
    typeJson.put("baselineViolations", rows);
  }

  /**
   * v2: the record is written before the answer leaves; a failed write is reported ({@code historyError}) and,
   * while it is retried in the background, {@code historyPending: true}; never swallowed.
   */
  private Future<JsonObject> recordHistory(TriageRequest request, JsonObject answer) {
    Optional<History> history = upstreams.history();
    if (!version.isV2() || history.isEmpty()) {
      return Future.succeededFuture(answer);
    }
    return history.get().record(historyRecord(request, answer)).map(outcome -> outcome.addTo(answer));
  }

  private static HistoryRecord historyRecord(TriageRequest request, JsonObject answer) {
    JsonObject summary = answer.getJsonObject("summary");
    JsonArray types = new JsonArray();
    JsonArray top = new JsonArray();
    JsonObject profiles = answer.getJsonObject("profiles");
    for (String type : profiles.fieldNames()) {
      JsonObject profile = profiles.getJsonObject(type);
      if (!"unavailable".equals(profile.getString("diagnosis"))) {
        types.add(type);
        topOf(type, profile, top);
      }
    }
    return HistoryRecord.of(request.app, summary.getString("primaryIssue"), summary.getString("severity"), types, top,
        summary.getString("recommendation"), RequestIds.historyKey("triage", request.requestId))
        .withCallSites(callSitesOf(summary));
  }

  /** The call sites of the summary's findings (strongest first), flattened for a post-mortem. */
  private static JsonArray callSitesOf(JsonObject summary) {
    JsonArray sites = new JsonArray();
    JsonArray findings = summary.getJsonArray("findings", new JsonArray());
    for (int i = 0; i < findings.size() && sites.size() < HISTORY_CALL_SITES; i++) {
      JsonObject finding = findings.getJsonObject(i);
      JsonArray ofFinding = finding.getJsonArray("callSites", new JsonArray());
      for (int j = 0; j < ofFinding.size() && sites.size() < HISTORY_CALL_SITES; j++) {
        JsonObject site = ofFinding.getJsonObject(j);
        sites.add(new JsonObject().put("rule", finding.getString("rule"))
            .put("profileType", finding.getString("profileType")).put("function", site.getString("function"))
            .put("percent", site.getDouble("percent")));
      }
    }
    return sites;
  }

  private static void topOf(String type, JsonObject profile, JsonArray top) {
    JsonArray functions = profile.getJsonArray("topFunctions", new JsonArray());
    for (int i = 0; i < Math.min(3, functions.size()); i++) {
      JsonObject row = functions.getJsonObject(i);
      top.add(new JsonObject().put("profileType", type).put("name", row.getString("name"))
          .put("selfPercent", row.getDouble("selfPercent")));
    }
  }
}
