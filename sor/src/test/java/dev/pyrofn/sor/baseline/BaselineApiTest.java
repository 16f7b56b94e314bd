package dev.pyrofn.sor.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.DatabaseFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BaselineApiTest {
  @RegisterExtension
  static final DatabaseFunction FUNCTION = new DatabaseFunction(BaselineVerticle.SPEC);
  private final Http http = FUNCTION.http();

  static JsonObject gcBaseline() {
    return new JsonObject().put("appName", "checkout").put("profileType", "cpu")
        .put("functionName", "libjvm.so.G1ParScanThreadState::trim_queue").put("maxSelfPercent", 15)
        .put("createdBy", "sre@bank");
  }

  @Test
  void createsThenReplacesOnTheSameKey() {
    HttpResponse<Buffer> created = http.post("/baselines", gcBaseline());
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject row = created.bodyAsJsonObject();
    assertThat(row.getLong("id")).isPositive();
    assertThat(row.getString("severity")).isEqualTo("warning");
    assertThat(row.getDouble("maxSelfPercent")).isEqualTo(15.0);
    assertThat(row.getString("createdBy")).isEqualTo("sre@bank");
    assertThat(OffsetDateTime.parse(row.getString("createdAt"))).isNotNull();

    HttpResponse<Buffer> replaced = http.post("/baselines",
        gcBaseline().put("maxSelfPercent", 20.5).put("severity", "critical").put("profileType", "process_cpu:cpu:nanoseconds:cpu:nanoseconds"));
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(replaced.bodyAsJsonObject().getLong("id")).isEqualTo(row.getLong("id"));
    assertThat(replaced.bodyAsJsonObject().getDouble("maxSelfPercent")).isEqualTo(20.5);
    assertThat(replaced.bodyAsJsonObject().getString("severity")).isEqualTo("critical");
    assertThat(replaced.bodyAsJsonObject().getString("profileType")).isEqualTo("cpu");
  }

  @Test
  void listsByAppAndByType() {
    http.post("/baselines", gcBaseline());
    http.post("/baselines", gcBaseline().put("functionName", "java/util/regex/Pattern.compile"));
    http.post("/baselines", gcBaseline().put("profileType", "memory").put("functionName", "com/bank/Ledger.append"));
    http.post("/baselines", gcBaseline().put("appName", "payments"));

    JsonObject all = http.get("/baselines/checkout").bodyAsJsonObject();
    assertThat(all.getString("appName")).isEqualTo("checkout");
    assertThat(all.getJsonArray("baselines")).hasSize(3);

    JsonObject cpu = http.get("/baselines/checkout/cpu").bodyAsJsonObject();
    assertThat(cpu.getString("profileType")).isEqualTo("cpu");
    assertThat(names(cpu.getJsonArray("baselines")))
        .containsExactly("java/util/regex/Pattern.compile", "libjvm.so.G1ParScanThreadState::trim_queue");

    JsonObject alloc = http.get("/baselines/checkout/allocation").bodyAsJsonObject();
    assertThat(alloc.getString("profileType")).isEqualTo("alloc");
    assertThat(names(alloc.getJsonArray("baselines"))).containsExactly("com/bank/Ledger.append");

    assertThat(http.get("/baselines/unknown-app").bodyAsJsonObject().getJsonArray("baselines")).isEmpty();
  }

  @Test
  void partialUpdateChangesOnlyWhatIsGiven() {
    long id = http.post("/baselines", gcBaseline()).bodyAsJsonObject().getLong("id");

    HttpResponse<Buffer> severityOnly = http.put("/baselines/" + id, new JsonObject().put("severity", "critical"));
    assertThat(severityOnly.statusCode()).isEqualTo(200);
    assertThat(severityOnly.bodyAsJsonObject().getString("severity")).isEqualTo("critical");
    assertThat(severityOnly.bodyAsJsonObject().getDouble("maxSelfPercent")).isEqualTo(15.0);

    HttpResponse<Buffer> percentOnly = http.put("/baselines/" + id, new JsonObject().put("maxSelfPercent", 30));
    assertThat(percentOnly.bodyAsJsonObject().getDouble("maxSelfPercent")).isEqualTo(30.0);
    assertThat(percentOnly.bodyAsJsonObject().getString("severity")).isEqualTo("critical");
  }

  @Test
  void updateNeedsAFieldAndAnExistingId() {
    long id = http.post("/baselines", gcBaseline()).bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> empty = http.put("/baselines/" + id, new JsonObject());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.bodyAsJsonObject().getString("error")).contains("maxSelfPercent");

    HttpResponse<Buffer> missing = http.put("/baselines/999999", new JsonObject().put("severity", "info"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
  }

  @Test
  void deleteRemovesOnceThen404() {
    long id = http.post("/baselines", gcBaseline()).bodyAsJsonObject().getLong("id");
    assertThat(http.delete("/baselines/" + id).statusCode()).isEqualTo(204);
    assertThat(http.delete("/baselines/" + id).statusCode()).isEqualTo(404);
    assertThat(http.get("/baselines/checkout").bodyAsJsonObject().getJsonArray("baselines")).isEmpty();
  }

  @Test
  void unknownProfileTypeInPathIs400ListingValidOnes() {
    HttpResponse<Buffer> response = http.get("/baselines/checkout/heap");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("type");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("cpu", "alloc", "lock");
  }

  private static java.util.List<String> names(JsonArray rows) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      names.add(rows.getJsonObject(i).getString("functionName"));
    }
    return names;
  }
}
