package dev.pyrofn.bor.alert;

import static dev.pyrofn.bor.common.Json.round2;

import dev.pyrofn.analysis.alert.Evidence;
import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.bor.upstream.ServiceOwner;
import dev.pyrofn.runtime.client.FunctionClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** The JSON answer of {@code GET /alerts}. */
final class AlertJson {
  private AlertJson() {
  }

  static JsonObject evaluation(Evaluation evaluation, Optional<String> triageUrl) {
    JsonArray rules = new JsonArray();
    for (RuleOutcome outcome : evaluation.outcomes) {
      rules.add(rule(outcome, evaluation, triageUrl));
    }
    JsonObject counts = new JsonObject();
    for (RuleOutcome.State state : RuleOutcome.State.values()) {
      counts.put(state.id(), evaluation.count(state));
    }
    JsonObject answer = new JsonObject()
        .put("evaluatedAt", Instant.ofEpochMilli(evaluation.evaluatedAtMillis).toString())
        .put("window", new JsonObject().put("from", evaluation.window.fromSeconds())
            .put("to", evaluation.window.toSeconds())
            .put("seconds", evaluation.window.lengthMillis() / 1000))
        .put("durationSeconds", Math.round(evaluation.durationSeconds * 1000) / 1000.0)
        .put("counts", counts)
        .put("rules", rules);
    if (evaluation.registryError != null) {
      answer.put("registryError", evaluation.registryError);
    }
    return answer;
  }

  private static JsonObject rule(RuleOutcome outcome, Evaluation evaluation, Optional<String> triageUrl) {
    StoredRule rule = outcome.rule;
    ServiceOwner owner = outcome.owner;
    JsonObject json = new JsonObject().put("id", rule.id).put("appName", rule.appName)
        .put("profileType", rule.profileType).put("functionPattern", rule.functionPattern)
        .put("thresholdPercent", rule.thresholdPercent).put("severity", rule.severity)
        .put("notificationChannel", outcome.channel()).put("teamOwner", owner.teamOwner())
        .put("state", outcome.state.id())
        .put("valuePercent", outcome.measurement == null ? null : round2(outcome.measurement.valuePercent()))
        .put("evidence", evidence(outcome));
    triageUrl.ifPresent(base -> json.put("triageUrl", triageLink(base, rule, evaluation)));
    if (outcome.error != null) {
      json.put("error", outcome.error).put("code", outcome.errorCode);
    }
    return json;
  }

  private static JsonObject evidence(RuleOutcome outcome) {
    JsonArray functions = new JsonArray();
    if (outcome.measurement == null) {
      return new JsonObject().put("matchedFunctions", 0).put("functions", functions)
          .put("callSites", new JsonArray());
    }
    for (Evidence row : outcome.measurement.evidence()) {
      functions.add(new JsonObject().put("name", row.function()).put("percent", round2(row.percent()))
          .put("share", row.share().id()));
    }
    JsonArray callSites = new JsonArray();
    for (CallSite site : outcome.measurement.callSites()) {
      callSites.add(new JsonObject().put("function", site.function()).put("percent", round2(site.percent())));
    }
    return new JsonObject().put("matchedFunctions", outcome.measurement.matchedFunctions())
        .put("functions", functions).put("callSites", callSites);
  }

  /** The Triage answer for the same app, type and window length: the next step from a firing rule. */
  static String triageLink(String base, StoredRule rule, Evaluation evaluation) {
    return base + "/triage/" + FunctionClient.segment(rule.appName) + "?types=" + rule.profileType + "&from=now-"
        + evaluation.window.lengthMillis() / 1000 + "s";
  }
}
