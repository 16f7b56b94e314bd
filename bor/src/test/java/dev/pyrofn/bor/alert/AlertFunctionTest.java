package dev.pyrofn.bor.alert;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert evaluator end to end: rules in the real Alert Rule SOR (PostgreSQL), profiles from the Pyroscope stub
 * through the real Profile Data SOR, owners from the real Registry SOR.
 */
class AlertFunctionTest {
  static final String TRIAGE = "http://triage.example:7081";

  @RegisterExtension
  static final BorStack STACK = new BorStack();
  private final Http alerts = STACK.bor(AlertVerticle.SPEC_V1, Map.of("TRIAGE_URL", TRIAGE,
      "ALERT_EVALUATION_TIMEOUT_MS", "1500", "UPSTREAM_RETRIES", "0"));

  @BeforeEach
  void script() {
    // checkout: regex 30% (compile 20 + matcher 10), GC 35% on its own thread, other work 35%
    STACK.pyroscope().profile("checkout", CPU, Map.of(
        "main;Checkout.validate;java/util/regex/Pattern.compile", 20L,
        "main;Checkout.validate;java/util/regex/Pattern.matcher", 10L,
        "GCTaskThread::run;native:G1ParScanThreadState::trim_queue", 35L,
        "main;Checkout.total", 35L));
    STACK.pyroscope().profile("payments", CPU, Map.of("main;Payments.charge", 100L));
  }

  @Test
  void aRuleAboveItsThresholdFiresWithEvidenceAndATriageLink() {
    long id = rule("checkout", "java/util/regex/*", 20, "critical", "#checkout-oncall");

    JsonObject rule = only(alerts.ok("/alerts"));

    assertThat(rule.getLong("id")).isEqualTo(id);
    assertThat(rule.getString("state")).isEqualTo("firing");
    assertThat(rule.getDouble("valuePercent")).isEqualTo(30.0);
    assertThat(rule.getString("severity")).isEqualTo("critical");
    assertThat(rule.getString("notificationChannel")).isEqualTo("#checkout-oncall");
    JsonObject evidence = rule.getJsonObject("evidence");
    assertThat(evidence.getInteger("matchedFunctions")).isEqualTo(2);
    assertThat(evidence.getJsonArray("functions").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("name", "java/util/regex/Pattern.compile").put("percent", 20.0).put("share", "self"));
    assertThat(rule.getString("triageUrl")).isEqualTo(TRIAGE + "/triage/checkout?types=cpu&from=now-300s");
    assertThat(rule.containsKey("error")).isFalse();
  }

  @Test
  void eachPatternFormIsMeasuredAndBelowThresholdIsOk() {
    rule("checkout", "rule:gc_pressure", 30, "critical", null);
    rule("checkout", "Checkout.validate", 31, "warning", null);
    rule("checkout", "", 40, "warning", null);
    rule("checkout", "rule:lock_contention", 1, "warning", null);

    JsonArray rules = alerts.ok("/alerts").getJsonArray("rules");

    assertThat(states(rules)).containsExactly("firing", "ok", "ok", "ok");
    assertThat(values(rules)).containsExactly(35.0, 30.0, 35.0, 0.0);
    assertThat(rules.getJsonObject(0).getJsonObject("evidence").getJsonArray("functions").getJsonObject(0)
        .getString("share")).isEqualTo("finding");
  }

  @Test
  void aTriageRulePatternNamesTheApplicationCallSite() {
    rule("checkout", "rule:regex_compilation", 10, "warning", null);

    JsonObject evidence = only(alerts.ok("/alerts")).getJsonObject("evidence");

    assertThat(evidence.getJsonArray("functions").getJsonObject(0).getString("name"))
        .isEqualTo("java/util/regex/Pattern.compile");
    assertThat(evidence.getJsonArray("callSites")).isNotEmpty();
    assertThat(evidence.getJsonArray("callSites").getJsonObject(0).getString("function"))
        .isEqualTo("Checkout.validate");
  }

  @Test
  void rulesOnTheSameProfileShareOneFetch() {
    for (int i = 0; i < 5; i++) {
      rule("checkout", "java/util/regex/*", 10 + i, "warning", null);
    }
    rule("payments", "", 50, "warning", null);

    JsonObject answer = alerts.ok("/alerts");

    assertThat(answer.getJsonObject("counts").getInteger("firing")).isEqualTo(6);
    assertThat(STACK.pyroscope().profileQueries("checkout", CPU)).isEqualTo(1);
    assertThat(STACK.pyroscope().profileQueries("payments", CPU)).isEqualTo(1);
  }

  @Test
  void aDisabledRuleIsAbsentAndDisablingOneRemovesItsSeries() {
    long kept = rule("checkout", "java/util/regex/*", 20, "critical", null);
    long disabled = rule("checkout", "rule:gc_pressure", 30, "critical", null);
    STACK.alertRuleSor().post("/rules", ruleBody("checkout", "", 1, "warning", null).put("enabled", false));

    assertThat(ids(alerts.ok("/alerts").getJsonArray("rules"))).containsExactly(kept, disabled);
    assertThat(STACK.alertRuleSor().put("/rules/" + disabled, new JsonObject().put("enabled", false)).statusCode())
        .isEqualTo(200);

    assertThat(ids(alerts.ok("/alerts").getJsonArray("rules"))).containsExactly(kept);
    assertThat(metrics("/alerts/metrics")).doesNotContain("rule_id=\"" + disabled + "\"");
  }

  @Test
  void anAppWithoutProfileDataIsNoDataAndNotUp() {
    long id = rule("ledger", "java/util/regex/*", 5, "warning", null);

    assertThat(only(alerts.ok("/alerts")).getString("state")).isEqualTo("no_data");
    String text = metrics("/alerts/metrics");
    assertThat(text).contains(series("pyrofn_alert_rule_up", id, "ledger", "warning", "", "java/util/regex/*")
        + " 0\n");
    assertThat(text).doesNotContain("pyrofn_alert_rule_firing{rule_id=\"" + id + "\"")
        .doesNotContain("pyrofn_alert_rule_value_percent{rule_id=\"" + id + "\"");
  }

  @Test
  void pyroscopeDownMakesThatRuleErrorAndNotUpWithoutAFiringSampleWhileOthersAreEvaluated() {
    long down = rule("checkout", "java/util/regex/*", 20, "critical", "#checkout");
    long fine = rule("payments", "", 50, "warning", "#pay");
    STACK.pyroscope().failing("checkout", 503);

    JsonArray rules = alerts.ok("/alerts").getJsonArray("rules");
    assertThat(states(rules)).containsExactly("error", "firing");
    assertThat(rules.getJsonObject(0).getString("error")).isNotBlank();
    assertThat(rules.getJsonObject(0).getString("code")).startsWith("UPSTREAM_");
    assertThat(rules.getJsonObject(0).getValue("valuePercent")).isNull();

    String text = metrics("/alerts/metrics");
    assertThat(text)
        .contains(series("pyrofn_alert_rule_up", down, "checkout", "critical", "#checkout", "java/util/regex/*")
            + " 0\n")
        .contains(series("pyrofn_alert_rule_threshold_percent", down, "checkout", "critical", "#checkout",
            "java/util/regex/*") + " 20\n")
        .doesNotContain("pyrofn_alert_rule_firing{rule_id=\"" + down + "\"")
        .contains(series("pyrofn_alert_rule_firing", fine, "payments", "warning", "#pay", "") + " 1\n")
        .contains(series("pyrofn_alert_rule_value_percent", fine, "payments", "warning", "#pay", "") + " 100\n")
        .contains("pyrofn_alert_rules{state=\"error\"} 1\n")
        .contains("pyrofn_alert_evaluation_duration_seconds ");
  }

  @Test
  void aSlowProfileRunsOutOfTheBudgetAsAnErrorOfItsOwnRule() {
    rule("checkout", "java/util/regex/*", 20, "critical", null);
    rule("payments", "", 50, "warning", null);
    STACK.pyroscope().delay("checkout", 4_000);

    JsonObject answer = alerts.ok("/alerts");

    JsonArray rules = answer.getJsonArray("rules");
    assertThat(states(rules)).containsExactly("error", "firing");
    assertThat(rules.getJsonObject(0).getString("error")).contains("evaluation budget of 1500 ms");
    // answered when the budget ran out, not when the slow profile would have arrived
    assertThat(answer.getDouble("durationSeconds")).isLessThan(4.0);
  }

  @Test
  void theRegistryFillsTheChannelAndOwnerOfRulesWithoutOne() {
    STACK.registrySor().post("/services", new JsonObject().put("appName", "checkout").put("teamOwner", "team-shop")
        .put("tier", "critical").put("notificationChannel", "#shop"));
    long id = rule("checkout", "java/util/regex/*", 20, "critical", null);
    rule("checkout", "", 10, "warning", "#own-channel");

    JsonArray rules = alerts.ok("/alerts").getJsonArray("rules");

    assertThat(rules.getJsonObject(0).getString("notificationChannel")).isEqualTo("#shop");
    assertThat(rules.getJsonObject(0).getString("teamOwner")).isEqualTo("team-shop");
    assertThat(rules.getJsonObject(1).getString("notificationChannel")).isEqualTo("#own-channel");
    assertThat(metrics("/alerts/metrics")).contains(series("pyrofn_alert_rule_firing", id, "checkout", "critical",
        "#shop", "java/util/regex/*") + " 1\n");
  }

  @Test
  void appSelectsOneAppsRulesAndABadAppIs400() {
    rule("checkout", "java/util/regex/*", 20, "critical", null);
    long payments = rule("payments", "", 50, "warning", null);

    assertThat(ids(alerts.ok("/alerts?app=payments").getJsonArray("rules"))).containsExactly(payments);
    HttpResponse<Buffer> bad = alerts.get("/alerts/metrics?app=" + "a".repeat(300));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("app");
  }

  @Test
  void anUnreachableAlertRuleSorFailsTheEvaluationSoTheScrapeFails() {
    Map<String, String> env = new HashMap<>();
    env.put("ALERT_RULE_URL", FreePort.deadUrl());
    env.put("UPSTREAM_RETRIES", "0");
    Http blind = STACK.bor(AlertVerticle.SPEC_V1, env);

    HttpResponse<Buffer> answer = blind.get("/alerts/metrics");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.bodyAsJsonObject().getString("error")).contains("Alert Rule SOR");
  }

  private static long rule(String app, String pattern, double threshold, String severity, String channel) {
    HttpResponse<Buffer> created = STACK.alertRuleSor().post("/rules", ruleBody(app, pattern, threshold, severity,
        channel));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getLong("id");
  }

  private static JsonObject ruleBody(String app, String pattern, double threshold, String severity, String channel) {
    JsonObject body = new JsonObject().put("appName", app).put("profileType", "cpu")
        .put("thresholdPercent", threshold).put("severity", severity);
    if (!pattern.isEmpty()) {
      body.put("functionPattern", pattern);
    }
    if (channel != null) {
      body.put("notificationChannel", channel);
    }
    return body;
  }

  private String metrics(String uri) {
    HttpResponse<Buffer> response = alerts.get(uri);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
    return response.bodyAsString();
  }

  private static String series(String name, long id, String app, String severity, String channel, String pattern) {
    return name + "{rule_id=\"" + id + "\",app=\"" + app + "\",profile_type=\"cpu\",severity=\"" + severity
        + "\",channel=\"" + channel + "\",function_pattern=\"" + pattern + "\"}";
  }

  private static JsonObject only(JsonObject answer) {
    assertThat(answer.getJsonArray("rules")).hasSize(1);
    return answer.getJsonArray("rules").getJsonObject(0);
  }

  private static List<String> states(JsonArray rules) {
    return rules.stream().map(rule -> ((JsonObject) rule).getString("state")).collect(Collectors.toList());
  }

  private static List<Double> values(JsonArray rules) {
    return rules.stream().map(rule -> ((JsonObject) rule).getDouble("valuePercent")).collect(Collectors.toList());
  }

  private static List<Long> ids(JsonArray rules) {
    return rules.stream().map(rule -> ((JsonObject) rule).getLong("id")).collect(Collectors.toList());
  }
}
