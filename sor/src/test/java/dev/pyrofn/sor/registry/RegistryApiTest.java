package dev.pyrofn.sor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.DatabaseFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryApiTest {
  @RegisterExtension
  static final DatabaseFunction FUNCTION = new DatabaseFunction(RegistryVerticle.SPEC);
  private final Http http = FUNCTION.http();

  static JsonObject checkout() {
    return new JsonObject().put("appName", "bank-order-service").put("teamOwner", "team-orders")
        .put("tier", "critical").put("environment", "prod").put("notificationChannel", "#orders-oncall")
        .put("pyroscopeLabels", new JsonObject().put("env", "prod"))
        .put("metadata", new JsonObject().put("repo", "git@example:orders.git"));
  }

  @Test
  void upsertCreatesThenReplaces() {
    HttpResponse<Buffer> created = http.post("/services", checkout());
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject row = created.bodyAsJsonObject();
    assertThat(row.getString("tier")).isEqualTo("critical");
    assertThat(row.getJsonObject("pyroscopeLabels").getString("env")).isEqualTo("prod");
    assertThat(row.getJsonObject("metadata").getString("repo")).isEqualTo("git@example:orders.git");

    HttpResponse<Buffer> replaced = http.post("/services",
        new JsonObject().put("appName", "bank-order-service").put("teamOwner", "team-core"));
    assertThat(replaced.statusCode()).isEqualTo(200);
    JsonObject after = replaced.bodyAsJsonObject();
    assertThat(after.getLong("id")).isEqualTo(row.getLong("id"));
    assertThat(after.getString("teamOwner")).isEqualTo("team-core");
    assertThat(after.getString("tier")).as("a replace resets omitted fields to defaults").isEqualTo("standard");
    assertThat(after.getJsonObject("metadata")).isEqualTo(new JsonObject());
  }

  @Test
  void listFiltersByTier() {
    http.post("/services", checkout());
    http.post("/services", new JsonObject().put("appName", "bank-fraud-service").put("tier", "high"));
    http.post("/services", new JsonObject().put("appName", "bank-loan-service"));

    JsonObject all = http.get("/services").bodyAsJsonObject();
    assertThat(all.getInteger("count")).isEqualTo(3);
    assertThat(all.getJsonArray("services").getJsonObject(0).getString("appName")).isEqualTo("bank-fraud-service");

    JsonObject critical = http.get("/services?tier=CRITICAL").bodyAsJsonObject();
    assertThat(critical.getInteger("count")).isEqualTo(1);
    assertThat(critical.getJsonArray("services").getJsonObject(0).getString("appName"))
        .isEqualTo("bank-order-service");
    assertThat(http.get("/services?tier=standard").bodyAsJsonObject().getInteger("count")).isEqualTo(1);
    assertThat(http.get("/services?limit=1").bodyAsJsonObject().getInteger("count")).isEqualTo(1);
  }

  @Test
  void findPartialUpdateAndDelete() {
    http.post("/services", checkout());
    assertThat(http.get("/services/bank-order-service").bodyAsJsonObject().getString("teamOwner"))
        .isEqualTo("team-orders");
    assertThat(http.get("/services/nope").statusCode()).isEqualTo(404);

    HttpResponse<Buffer> updated = http.put("/services/bank-order-service",
        new JsonObject().put("notificationChannel", "#payments"));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getString("notificationChannel")).isEqualTo("#payments");
    assertThat(updated.bodyAsJsonObject().getString("tier")).isEqualTo("critical");

    assertThat(http.put("/services/nope", new JsonObject().put("tier", "low")).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> empty = http.put("/services/bank-order-service", new JsonObject());
    assertThat(empty.statusCode()).isEqualTo(400);

    assertThat(http.delete("/services/bank-order-service").statusCode()).isEqualTo(204);
    assertThat(http.delete("/services/bank-order-service").statusCode()).isEqualTo(404);
  }

  @Test
  void appNamesWithSpecialCharactersRoundTrip() {
    String name = "team/app \"quoted\" {x}";
    assertThat(http.post("/services", new JsonObject().put("appName", name)).statusCode()).isEqualTo(201);
    String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    assertThat(http.get("/services/" + encoded).bodyAsJsonObject().getString("appName")).isEqualTo(name);
  }
}
