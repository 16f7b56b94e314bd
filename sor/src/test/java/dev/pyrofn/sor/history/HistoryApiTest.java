package dev.pyrofn.sor.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.DatabaseFunction;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryApiTest {
  @RegisterExtension
  static final DatabaseFunction FUNCTION = new DatabaseFunction(HistoryVerticle.SPEC);
  private final Http http = FUNCTION.http();

  static JsonObject record(String app, String diagnosis) {
    return new JsonObject().put("appName", app).put("diagnosis", diagnosis).put("severity", "high")
        .put("profileTypes", new JsonArray().add("cpu").add("alloc"))
        .put("topFunctions", new JsonArray().add(new JsonObject().put("name", "java/util/regex/Pattern.compile")
            .put("selfPercent", 31.5)))
        .put("recommendation", "Compile the pattern once").put("requestedBy", "oncall");
  }

  @Test
  void createAnswers201WithTheKeyFields() {
    HttpResponse<Buffer> response = http.post("/history", record("checkout", "regex_compilation"));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getLong("id")).isPositive();
    assertThat(body.getString("appName")).isEqualTo("checkout");
    assertThat(body.getString("diagnosis")).isEqualTo("regex_compilation");
    assertThat(body.getString("severity")).isEqualTo("high");
    assertThat(body.getString("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*(Z|[+-]\\d{2}:\\d{2})");
  }

  @Test
  void repeatedRequestIdReturnsTheFirstRecordWithoutWritingAgain() throws Exception {
    JsonObject first = http.post("/history", record("checkout", "gc_pressure").put("requestId", "triage-42"))
        .bodyAsJsonObject();
    HttpResponse<Buffer> repeat = http.post("/history",
        record("checkout", "lock_contention").put("requestId", "triage-42"));
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.bodyAsJsonObject().getLong("id")).isEqualTo(first.getLong("id"));
    assertThat(repeat.bodyAsJsonObject().getString("diagnosis")).isEqualTo("gc_pressure");
    assertThat(countRows()).isEqualTo(1);
  }

  @Test
  void listIsNewestFirstAndPaginated() {
    for (int i = 0; i < 5; i++) {
      http.post("/history", record("checkout", "diag_" + i));
    }
    http.post("/history", record("payments", "healthy"));

    JsonObject page = http.get("/history/checkout?limit=2").bodyAsJsonObject();
    assertThat(page.getString("appName")).isEqualTo("checkout");
    assertThat(page.getInteger("count")).isEqualTo(2);
    assertThat(diagnoses(page)).containsExactly("diag_4", "diag_3");

    JsonObject next = http.get("/history/checkout?limit=2&offset=2").bodyAsJsonObject();
    assertThat(diagnoses(next)).containsExactly("diag_2", "diag_1");

    JsonObject full = http.get("/history/checkout").bodyAsJsonObject();
    assertThat(full.getInteger("count")).isEqualTo(5);
    JsonObject row = full.getJsonArray("history").getJsonObject(0);
    assertThat(row.getJsonArray("profileTypes")).containsExactly("cpu", "alloc");
    assertThat(row.getJsonArray("topFunctions").getJsonObject(0).getDouble("selfPercent")).isEqualTo(31.5);
    assertThat(row.getString("recommendation")).isEqualTo("Compile the pattern once");
  }

  @Test
  void callSitesAreKeptAndDefaultToEmpty() {
    JsonArray sites = new JsonArray().add(new JsonObject().put("rule", "regex_compilation").put("profileType", "cpu")
        .put("function", "com/acme/signup/SignupService.validEmail").put("percent", 25.0));
    http.post("/history", record("checkout", "regex_compilation").put("callSites", sites));
    JsonObject latest = http.get("/history/checkout/latest").bodyAsJsonObject();
    assertThat(latest.getJsonArray("callSites")).isEqualTo(sites);

    http.post("/history", record("payments", "healthy"));
    assertThat(http.get("/history/payments/latest").bodyAsJsonObject().getJsonArray("callSites")).isEmpty();
    assertThat(http.post("/history", record("checkout", "gc_pressure").put("callSites", "x")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void listHonoursTheTimeWindow() {
    http.post("/history", record("checkout", "gc_pressure"));
    assertThat(http.get("/history/checkout?from=now-1h&to=4102444800")
        .bodyAsJsonObject().getInteger("count")).isEqualTo(1);
    assertThat(http.get("/history/checkout?to=2000-01-01T00:00:00Z").bodyAsJsonObject().getInteger("count"))
        .isZero();
    HttpResponse<Buffer> inverted = http.get("/history/checkout?from=now&to=now-1h");
    assertThat(inverted.statusCode()).isEqualTo(400);
    assertThat(inverted.bodyAsJsonObject().getString("field")).isEqualTo("from");
  }

  @Test
  void latestIsTheNewestRecordOr404() {
    HttpResponse<Buffer> none = http.get("/history/checkout/latest");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("no triage history for checkout");

    http.post("/history", record("checkout", "gc_pressure"));
    http.post("/history", record("checkout", "lock_contention"));
    JsonObject latest = http.get("/history/checkout/latest").bodyAsJsonObject();
    assertThat(latest.getString("diagnosis")).isEqualTo("lock_contention");
  }

  @Test
  void deleteRemovesOnceThen404() {
    long id = http.post("/history", record("checkout", "gc_pressure")).bodyAsJsonObject().getLong("id");
    assertThat(http.delete("/history/" + id).statusCode()).isEqualTo(204);
    assertThat(http.delete("/history/" + id).statusCode()).isEqualTo(404);
  }

  private static java.util.List<String> diagnoses(JsonObject page) {
    java.util.List<String> result = new java.util.ArrayList<>();
    JsonArray rows = page.getJsonArray("history");
    for (int i = 0; i < rows.size(); i++) {
      result.add(rows.getJsonObject(i).getString("diagnosis"));
    }
    return result;
  }

  private static long countRows() throws Exception {
    try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
      var rs = statement.executeQuery("SELECT count(*) FROM triage_history");
      rs.next();
      return rs.getLong(1);
    }
  }
}
