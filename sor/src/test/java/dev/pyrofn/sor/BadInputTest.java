package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.registry.RegistryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every route of the four PostgreSQL SORs: each case gets the documented 4xx with a JSON error
 * (naming the field where there is one), none gives a 500, and nothing is written.
 */
class BadInputTest {
  private static final String JSON = "application/json";
  private static final String TEN_KB = "x".repeat(10 * 1024);
  private static final Map<String, RunningFunction> FUNCTIONS = new HashMap<>();

  @BeforeAll
  static void start() {
    TestDatabase.get().reset();
    for (FunctionSpec spec : new FunctionSpec[] {BaselineVerticle.SPEC, HistoryVerticle.SPEC, RegistryVerticle.SPEC,
        AlertRuleVerticle.SPEC}) {
      FUNCTIONS.put(spec.name(), RunningFunction.start(spec, TestDatabase.get().env()));
    }
  }

  @AfterAll
  static void stop() {
    FUNCTIONS.values().forEach(RunningFunction::close);
    FUNCTIONS.clear();
  }

  private static final String B = "ReadPyroscopeBaseline.sor.v1";
  private static final String H = "CreatePyroscopeTriageHistory.sor.v1";
  private static final String R = "ReadPyroscopeServiceRegistry.sor.v1";
  private static final String A = "ReadPyroscopeAlertRule.sor.v1";

  static String baseline(String field, Object value) {
    JsonObject body = new JsonObject().put("appName", "checkout").put("profileType", "cpu")
        .put("functionName", "f").put("maxSelfPercent", 10);
    return value == null ? without(body, field) : body.put(field, value).encode();
  }

  static String history(String field, Object value) {
    JsonObject body = new JsonObject().put("appName", "checkout").put("diagnosis", "gc_pressure")
        .put("severity", "high");
    return value == null ? without(body, field) : body.put(field, value).encode();
  }

  static String service(String field, Object value) {
    JsonObject body = new JsonObject().put("appName", "checkout");
    return value == null ? without(body, field) : body.put(field, value).encode();
  }

  static String rule(String field, Object value) {
    JsonObject body = new JsonObject().put("appName", "checkout").put("profileType", "cpu")
        .put("thresholdPercent", 20);
    return value == null ? without(body, field) : body.put(field, value).encode();
  }

  private static String without(JsonObject body, String field) {
    body.remove(field);
    return body.encode();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // function, method, uri, content type, body, status, field named in the error (or null)
        Arguments.of(B, "POST", "/baselines", JSON, "{\"appName\": ", 400, null),
        Arguments.of(B, "POST", "/baselines", "text/plain", baseline("x", 1), 415, null),
        Arguments.of(B, "POST", "/baselines", null, baseline("x", 1), 415, null),
        Arguments.of(B, "POST", "/baselines", JSON, "[1,2]", 400, null),
        Arguments.of(B, "POST", "/baselines", JSON, "", 400, null),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("appName", null), 400, "appName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("appName", 42), 400, "appName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("appName", TEN_KB), 400, "appName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("appName", "a\nb"), 400, "appName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("appName", ".."), 400, "appName"),
        Arguments.of(H, "POST", "/history", JSON, history("appName", "."), 400, "appName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("functionName", null), 400, "functionName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("functionName", TEN_KB), 400, "functionName"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("profileType", "heap"), 400, "profileType"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercent", null), 400, "maxSelfPercent"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercent", "15"), 400, "maxSelfPercent"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercent", 0), 400, "maxSelfPercent"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercent", 100.01), 400, "maxSelfPercent"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercent", -5), 400, "maxSelfPercent"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("severity", "urgent"), 400, "severity"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("createdBy", TEN_KB), 400, "createdBy"),
        Arguments.of(B, "POST", "/baselines", JSON, baseline("maxSelfPercentage", 5), 400, "maxSelfPercentage"),
        Arguments.of(B, "POST", "/baselines", JSON, "{\"functionName\":\"" + "y".repeat(100_000) + "\"}", 413,
            null),
        Arguments.of(H, "POST", "/history", JSON, "{\"appName\":\"" + "y".repeat(100_000) + "\"}", 413, null),
        Arguments.of(R, "POST", "/services", JSON, "{\"appName\":\"" + "y".repeat(100_000) + "\"}", 413, null),
        Arguments.of(A, "POST", "/rules", JSON, "{\"appName\":\"" + "y".repeat(100_000) + "\"}", 413, null),
        Arguments.of(B, "PUT", "/baselines/abc", JSON, "{\"severity\":\"info\"}", 400, "id"),
        Arguments.of(B, "PUT", "/baselines/-3", JSON, "{\"severity\":\"info\"}", 400, "id"),
        Arguments.of(B, "PUT", "/baselines/99999999999999999999", JSON, "{\"severity\":\"info\"}", 400, "id"),
        Arguments.of(B, "PUT", "/baselines/1", JSON, "{\"maxSelfPercent\": 101}", 400, "maxSelfPercent"),
        Arguments.of(B, "PUT", "/baselines/1", JSON, "{\"severity\": true}", 400, "severity"),
        Arguments.of(B, "PUT", "/baselines/1", JSON, "{}", 400, null),
        Arguments.of(B, "DELETE", "/baselines/1.5", null, null, 400, "id"),
        Arguments.of(B, "GET", "/baselines/checkout/heap", null, null, 400, "type"),
        Arguments.of(B, "GET", "/baselines/" + "a".repeat(300), null, null, 400, "app"),

        Arguments.of(H, "POST", "/history", JSON, "not json", 400, null),
        Arguments.of(H, "POST", "/history", "application/xml", history("x", 1), 415, null),
        Arguments.of(H, "POST", "/history", JSON, history("appName", null), 400, "appName"),
        Arguments.of(H, "POST", "/history", JSON, history("diagnosis", null), 400, "diagnosis"),
        Arguments.of(H, "POST", "/history", JSON, history("diagnosis", "GC Pressure!"), 400, "diagnosis"),
        Arguments.of(H, "POST", "/history", JSON, history("severity", null), 400, "severity"),
        Arguments.of(H, "POST", "/history", JSON, history("severity", "extreme"), 400, "severity"),
        Arguments.of(H, "POST", "/history", JSON, history("profileTypes", "cpu"), 400, "profileTypes"),
        Arguments.of(H, "POST", "/history", JSON, history("profileTypes", new io.vertx.core.json.JsonArray().add(1)),
            400, "profileTypes"),
        Arguments.of(H, "POST", "/history", JSON, history("topFunctions", "f"), 400, "topFunctions"),
        Arguments.of(H, "POST", "/history", JSON, history("recommendation", TEN_KB), 400, "recommendation"),
        Arguments.of(H, "POST", "/history", JSON, history("requestId", "has spaces"), 400, "requestId"),
        Arguments.of(H, "POST", "/history", JSON, history("requestedBy", TEN_KB), 400, "requestedBy"),
        Arguments.of(H, "GET", "/history/checkout?limit=0", null, null, 400, "limit"),
        Arguments.of(H, "GET", "/history/checkout?limit=501", null, null, 400, "limit"),
        Arguments.of(H, "GET", "/history/checkout?limit=ten", null, null, 400, "limit"),
        Arguments.of(H, "GET", "/history/checkout?offset=-1", null, null, 400, "offset"),
        Arguments.of(H, "GET", "/history/checkout?from=yesterday", null, null, 400, "from"),
        Arguments.of(H, "DELETE", "/history/xyz", null, null, 400, "id"),

        Arguments.of(R, "POST", "/services", JSON, "{", 400, null),
        Arguments.of(R, "POST", "/services", "text/html", service("x", 1), 415, null),
        Arguments.of(R, "POST", "/services", JSON, service("appName", null), 400, "appName"),
        Arguments.of(R, "POST", "/services", JSON, service("tier", "gold"), 400, "tier"),
        Arguments.of(R, "POST", "/services", JSON, service("teamOwner", TEN_KB), 400, "teamOwner"),
        Arguments.of(R, "POST", "/services", JSON, service("teamOwner", 7), 400, "teamOwner"),
        Arguments.of(R, "POST", "/services", JSON, service("pyroscopeLabels", "env=prod"), 400, "pyroscopeLabels"),
        Arguments.of(R, "POST", "/services", JSON, service("metadata", new io.vertx.core.json.JsonArray()), 400,
            "metadata"),
        Arguments.of(R, "POST", "/services", JSON, service("metadata", new JsonObject().put("blob", TEN_KB + TEN_KB)),
            400, "metadata"),
        Arguments.of(R, "GET", "/services?tier=gold", null, null, 400, "tier"),
        Arguments.of(R, "GET", "/services?limit=0", null, null, 400, "limit"),
        Arguments.of(R, "PUT", "/services/checkout", JSON, "{\"tier\": 5}", 400, "tier"),
        Arguments.of(R, "PUT", "/services/checkout", JSON, "{\"appName\": \"other\"}", 400, "appName"),
        Arguments.of(R, "PUT", "/services/checkout", JSON, "{}", 400, null),

        Arguments.of(A, "POST", "/rules", JSON, "{\"a\":}", 400, null),
        Arguments.of(A, "POST", "/rules", "text/plain", rule("x", 1), 415, null),
        Arguments.of(A, "POST", "/rules", JSON, rule("thresholdPercent", null), 400, "thresholdPercent"),
        Arguments.of(A, "POST", "/rules", JSON, rule("thresholdPercent", 0), 400, "thresholdPercent"),
        Arguments.of(A, "POST", "/rules", JSON, rule("thresholdPercent", 1e9), 400, "thresholdPercent"),
        Arguments.of(A, "POST", "/rules", JSON, rule("profileType", null), 400, "profileType"),
        Arguments.of(A, "POST", "/rules", JSON, rule("profileType", "gpu"), 400, "profileType"),
        Arguments.of(A, "POST", "/rules", JSON, rule("functionPattern", "^java/.*"), 400, "functionPattern"),
        Arguments.of(A, "POST", "/rules", JSON, rule("functionPattern", "rule:gc_presure"), 400, "functionPattern"),
        Arguments.of(A, "POST", "/rules", JSON, rule("functionPattern", "*"), 400, "functionPattern"),
        Arguments.of(A, "PUT", "/rules/1", JSON, "{\"functionPattern\": \"rule:nope\"}", 400, "functionPattern"),
        Arguments.of(A, "POST", "/rules", JSON, rule("functionPattern", TEN_KB), 400, "functionPattern"),
        Arguments.of(A, "POST", "/rules", JSON, rule("enabled", "yes"), 400, "enabled"),
        Arguments.of(A, "POST", "/rules", JSON, rule("severity", "fatal"), 400, "severity"),
        Arguments.of(A, "GET", "/rules/abc", null, null, 400, "id"),
        Arguments.of(A, "GET", "/rules?limit=5000", null, null, 400, "limit"),
        Arguments.of(A, "GET", "/rules?appName=" + "a".repeat(300), null, null, 400, "appName"),
        Arguments.of(A, "GET", "/rules/active/" + "a".repeat(300), null, null, 400, "app"),
        Arguments.of(A, "PUT", "/rules/1", JSON, "{\"enabled\": \"no\"}", 400, "enabled"),
        Arguments.of(A, "PUT", "/rules/0", JSON, "{\"enabled\": false}", 400, "id"),
        Arguments.of(A, "DELETE", "/rules/1e3", null, null, 400, "id"));
  }

  @ParameterizedTest(name = "{1} {2} -> {5}")
  @MethodSource("cases")
  void rejectedWithJsonError(String function, String method, String uri, String contentType, String body,
      int status, String field) {
    Http http = FUNCTIONS.get(function).http();
    HttpResponse<Buffer> response = http.send(HttpMethod.valueOf(method), uri, contentType, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("error")).isNotBlank();
    assertThat(error.getString("code")).isNotBlank();
    if (field != null) {
      assertThat(error.getString("field")).isEqualTo(field);
      assertThat(error.getString("error")).contains(field);
    }
  }

  @Test
  void unknownRouteIsAJson404() {
    HttpResponse<Buffer> response = FUNCTIONS.get(B).http().get("/nothing/here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
  }

  @AfterAll
  static void nothingWasWritten() throws Exception {
    try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM performance_baseline) "
          + "+ (SELECT count(*) FROM triage_history) + (SELECT count(*) FROM service_registry) "
          + "+ (SELECT count(*) FROM alert_rule)");
      rows.next();
      assertThat(rows.getLong(1)).as("rows written by rejected requests").isZero();
    }
  }
}
