package dev.pyrofn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: all functions in one JVM on an embedded PostgreSQL whose data survives a restart. */
class LocalStackTest {
  private static Vertx client;

  @BeforeAll
  static void createClient() {
    client = Vertx.vertx();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  private static Env env(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("LOCAL_BASE_PORT", "0");
    return Env.of(env);
  }

  private static Http http(String baseUrl) {
    java.net.URI uri = java.net.URI.create(baseUrl);
    return new Http(WebClient.create(client, new WebClientOptions().setDefaultHost(uri.getHost())
        .setDefaultPort(uri.getPort())));
  }

  /** One curl creates a rule; the evaluator finds it and links it to the local Triage v2. */
  private static void assertTheEvaluatorReadsTheLocalRules(LocalStack stack) {
    JsonObject rule = new JsonObject().put("appName", "bank-order-service").put("profileType", "cpu")
        .put("functionPattern", "rule:gc_pressure").put("thresholdPercent", 30).put("severity", "critical");
    assertThat(http(stack.urls().get("ReadPyroscopeAlertRule.sor.v1")).post("/rules", rule).statusCode())
        .isEqualTo(201);

    JsonObject evaluated = http(stack.urls().get("ReadPyroscopeAlertEvaluation.v1")).get("/alerts")
        .bodyAsJsonObject().getJsonArray("rules").getJsonObject(0);

    assertThat(evaluated.getString("functionPattern")).isEqualTo("rule:gc_pressure");
    assertThat(evaluated.getString("state")).isIn("error", "no_data"); // no Pyroscope in this test
    assertThat(evaluated.getString("triageUrl"))
        .startsWith(stack.urls().get("ReadPyroscopeTriageAssessment.v2") + "/triage/bank-order-service?types=cpu");
  }

  @Test
  void servesEveryFunctionAndKeepsDataAcrossRestarts(@TempDir Path dataDir) {
    JsonObject baseline = new JsonObject().put("appName", "bank-order-service").put("profileType", "cpu")
        .put("functionName", "java/lang/String.matches").put("maxSelfPercent", 12.5);
    try (LocalStack stack = LocalStack.start(env(dataDir))) {
      assertThat(stack.urls()).containsKeys("ReadPyroscopeProfile.sor.v1", "ReadPyroscopeBaseline.sor.v1",
          "CreatePyroscopeTriageHistory.sor.v1", "ReadPyroscopeServiceRegistry.sor.v1",
          "ReadPyroscopeAlertRule.sor.v1", "ReadPyroscopeTriageAssessment.v1", "ReadPyroscopeTriageAssessment.v2",
          "ReadPyroscopeDiffReport.v1", "ReadPyroscopeDiffReport.v2", "ReadPyroscopeFleetSearch.v1",
          "ReadPyroscopeFleetSearch.v2", "ReadPyroscopeAlertEvaluation.v1");
      assertThat(stack.urls()).hasSize(12);
      for (String url : stack.urls().values()) {
        assertThat(http(url).get("/health").statusCode()).as(url).isEqualTo(200);
      }
      assertThat(http(stack.urls().get("ReadPyroscopeBaseline.sor.v1")).post("/baselines", baseline).statusCode())
          .isEqualTo(201);
      assertTheEvaluatorReadsTheLocalRules(stack);
    }
    try (LocalStack restarted = LocalStack.start(env(dataDir))) {
      JsonObject stored = http(restarted.urls().get("ReadPyroscopeBaseline.sor.v1"))
          .get("/baselines/bank-order-service/cpu").bodyAsJsonObject();
      assertThat(stored.getJsonArray("baselines")).hasSize(1);
      assertThat(stored.getJsonArray("baselines").getJsonObject(0).getDouble("maxSelfPercent")).isEqualTo(12.5);
    }
  }
}
