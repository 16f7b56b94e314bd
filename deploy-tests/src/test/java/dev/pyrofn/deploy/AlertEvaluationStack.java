package dev.pyrofn.deploy;

import dev.pyrofn.bor.alert.AlertVerticle;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The alert evaluator as the stack runs it: ReadPyroscopeAlertEvaluation.v1 reading rules from the real Alert Rule
 * SOR (test PostgreSQL) and profiles through the real Profile Data SOR from the Pyroscope stub.
 */
final class AlertEvaluationStack implements AutoCloseable {
  private final PyroscopeStub pyroscope;
  private final RunningFunction profileData;
  private final RunningFunction alertRule;
  private final RunningFunction evaluator;

  private AlertEvaluationStack(Map<String, String> evaluatorEnv) {
    pyroscope = PyroscopeStub.start();
    profileData = RunningFunction.start(ProfileDataVerticle.SPEC,
        Map.of("PYROSCOPE_URL", pyroscope.url(), "PROFILE_CACHE_TTL_MS", "0"));
    alertRule = RunningFunction.start(AlertRuleVerticle.SPEC, TestDatabase.get().env());
    TestDatabase.get().reset(); // after the SOR's migrations: the tables exist
    Map<String, String> env = new HashMap<>(evaluatorEnv);
    env.put("PROFILE_DATA_URL", profileData.baseUrl());
    env.put("ALERT_RULE_URL", alertRule.baseUrl());
    evaluator = RunningFunction.start(AlertVerticle.SPEC_V1, env);
  }

  static AlertEvaluationStack start(Map<String, String> evaluatorEnv) {
    return new AlertEvaluationStack(evaluatorEnv);
  }

  PyroscopeStub pyroscope() {
    return pyroscope;
  }

  /** host:port of the evaluator, as a Prometheus target. */
  String evaluatorTarget() {
    return "127.0.0.1:" + evaluator.port();
  }

  String evaluatorUrl() {
    return evaluator.baseUrl();
  }

  /** What an operator's one curl does: POST /rules; the new rule's id. */
  long createRule(JsonObject rule) {
    HttpResponse<Buffer> created = alertRule.http().post("/rules", rule);
    if (created.statusCode() != 201) {
      throw new AssertionError("rule not created: " + created.bodyAsString());
    }
    return created.bodyAsJsonObject().getLong("id");
  }

  void disableRule(long id) {
    HttpResponse<Buffer> updated = alertRule.http()
        .put("/rules/" + id, new JsonObject().put("enabled", false));
    if (updated.statusCode() != 200) {
      throw new AssertionError("rule not disabled: " + updated.bodyAsString());
    }
  }

  @Override
  public void close() {
    evaluator.close();
    alertRule.close();
    profileData.close();
    pyroscope.close();
  }
}
