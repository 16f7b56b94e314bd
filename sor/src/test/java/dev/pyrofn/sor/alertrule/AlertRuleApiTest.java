package dev.pyrofn.sor.alertrule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.DatabaseFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertRuleApiTest {
  @RegisterExtension
  static final DatabaseFunction FUNCTION = new DatabaseFunction(AlertRuleVerticle.SPEC);
  private final Http http = FUNCTION.http();

  static JsonObject rule(String app) {
    return new JsonObject().put("appName", app).put("profileType", "cpu").put("thresholdPercent", 25)
        .put("functionPattern", "java/util/regex/*").put("notificationChannel", "#alerts");
  }

  @Test
  void createAppliesDefaults() {
    HttpResponse<Buffer> created = http.post("/rules", rule("checkout"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject row = created.bodyAsJsonObject();
    assertThat(row.getBoolean("enabled")).isTrue();
    assertThat(row.getString("severity")).isEqualTo("warning");
    assertThat(row.getDouble("thresholdPercent")).isEqualTo(25.0);
    assertThat(row.getString("functionPattern")).isEqualTo("java/util/regex/*");
    assertThat(http.get("/rules/" + row.getLong("id")).bodyAsJsonObject()).isEqualTo(row);
  }

  @Test
  void listFiltersByAppAndActiveSkipsDisabled() {
    http.post("/rules", rule("checkout"));
    http.post("/rules", rule("checkout").put("enabled", false).put("profileType", "lock"));
    http.post("/rules", rule("payments"));

    assertThat(http.get("/rules").bodyAsJsonObject().getInteger("count")).isEqualTo(3);
    assertThat(http.get("/rules?appName=checkout").bodyAsJsonObject().getInteger("count")).isEqualTo(2);

    JsonObject active = http.get("/rules/active/checkout").bodyAsJsonObject();
    assertThat(active.getString("appName")).isEqualTo("checkout");
    assertThat(active.getInteger("count")).isEqualTo(1);
    assertThat(active.getJsonArray("rules").getJsonObject(0).getString("profileType")).isEqualTo("cpu");
  }

  @Test
  void partialUpdateCanDisableARule() {
    long id = http.post("/rules", rule("checkout")).bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> updated = http.put("/rules/" + id, new JsonObject().put("enabled", false)
        .put("thresholdPercent", 40));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getBoolean("enabled")).isFalse();
    assertThat(updated.bodyAsJsonObject().getDouble("thresholdPercent")).isEqualTo(40.0);
    assertThat(updated.bodyAsJsonObject().getString("functionPattern")).isEqualTo("java/util/regex/*");
    assertThat(http.get("/rules/active/checkout").bodyAsJsonObject().getInteger("count")).isZero();
    assertThat(http.put("/rules/" + id, new JsonObject()).statusCode()).isEqualTo(400);
    assertThat(http.put("/rules/424242", new JsonObject().put("enabled", true)).statusCode()).isEqualTo(404);
  }

  @Test
  void patternsAreValidatedByTheirMeaningAndStoredTrimmed() {
    HttpResponse<Buffer> gc = http.post("/rules", rule("checkout").put("functionPattern", " rule:gc_pressure "));
    assertThat(gc.statusCode()).isEqualTo(201);
    assertThat(gc.bodyAsJsonObject().getString("functionPattern")).isEqualTo("rule:gc_pressure");

    HttpResponse<Buffer> typo = http.post("/rules", rule("checkout").put("functionPattern", "rule:gc_presure"));
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.bodyAsJsonObject().getString("field")).isEqualTo("functionPattern");
    assertThat(typo.bodyAsJsonObject().getString("error")).contains("unknown triage rule 'gc_presure'");

    HttpResponse<Buffer> regex = http.post("/rules", rule("checkout").put("functionPattern", "^java/util/.*"));
    assertThat(regex.statusCode()).isEqualTo(400);
    assertThat(regex.bodyAsJsonObject().getString("error")).contains("looks like a regular expression");

    String pathological = "*a".repeat(40);
    assertThat(http.post("/rules", rule("checkout").put("functionPattern", pathological)).statusCode())
        .isEqualTo(400);
    assertThat(http.get("/rules?appName=checkout").bodyAsJsonObject().getInteger("count")).isEqualTo(1);
  }

  @Test
  void findAndDelete404s() {
    long id = http.post("/rules", rule("checkout")).bodyAsJsonObject().getLong("id");
    assertThat(http.get("/rules/424242").statusCode()).isEqualTo(404);
    assertThat(http.delete("/rules/" + id).statusCode()).isEqualTo(204);
    assertThat(http.delete("/rules/" + id).statusCode()).isEqualTo(404);
    assertThat(http.get("/rules/" + id).statusCode()).isEqualTo(404);
  }
}
