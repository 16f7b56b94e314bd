package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.baseline.BaselineChecker;
import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.baseline.BaselineViolation;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.analysis.triage.TriageSummary;
import dev.pyrofn.bor.common.ApiVersion;
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
  private final Vertx vertx;
  private final TriageEngine engine;
  private final Upstreams upstreams;
  private final ApiVersion version;

  TriageAssessment(Vertx vertx, TriageEngine engine, Upstreams upstreams, ApiVersion version) {
    this.vertx = vertx;
    this.engine = engine;
    this.upstreams = upstreams;
    this.version = version;
  }

  Future<JsonObject> assess(TriageRequest request) {
    List<TypeInputs> inputs = new ArrayList<>();
    List<Future<?>> calls = new ArrayList<>();
    for (ProfileType type : request.types) {
      TypeInputs fetched = fetch(request, type);
      inputs.add(fetched);
      calls.add(fetched.profile);
      if (fetched.checksBaselines()) {
        calls.add(fetched.limits);
      }
    }
    return Future.join(calls).otherwiseEmpty()
        .compose(ignored -> vertx.executeBlocking(() -> analyse(request, inputs), false))
        .compose(answer -> recordHistory(request, answer));
  }

  private TypeInputs fetch(TriageRequest request, ProfileType type) {
    Future<ProfileTable> profile = upstreams.profileData().profile(request.app, type, request.window);
    Future<List<BaselineLimit>> limits = version.isV2()
        ? upstreams.baselines().map(b -> b.limits(request.app, type)).orElse(null) : null;
    return new TypeInputs(type, profile, limits);
  }

  private JsonObject analyse(TriageRequest request, List<TypeInputs> inputs) {
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
      ProfileDiagnosis diagnosis = engine.diagnose(input.type, table.table());
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
        .put("to", request.window.toSeconds()).put("profiles", profiles).put("summary", summaryJson);
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
        summary.getString("recommendation"), RequestIds.historyKey("triage", request.requestId));
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
