package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL stopped, every route of the four PostgreSQL SORs answers the 503 its contract documents, as a
 * JSON error (each answer is held to the contract by {@link RunningFunction#http()}), and none a 500.
 */
class DatabaseDownAnswersTest {
  private static final String JSON = "application/json";

  @Test
  void everyRouteIsADocumented503WhileTheDatabaseIsDown() {
    TestDatabase db = TestDatabase.get();
    Assumptions.assumeTrue(db.canStopAndStart(), "needs the embedded PostgreSQL (TEST_DB_HOST is set)");
    try (RunningFunction baselines = RunningFunction.start(BaselineVerticle.SPEC, db.env());
        RunningFunction history = RunningFunction.start(HistoryVerticle.SPEC, db.env());
        RunningFunction registry = RunningFunction.start(RegistryVerticle.SPEC, db.env());
        RunningFunction rules = RunningFunction.start(AlertRuleVerticle.SPEC, db.env())) {
      List<String> wrong = new ArrayList<>();
      db.stop();
      try {
        expect503(baselines.http(), wrong, HttpMethod.GET, "/baselines/checkout", null);
        expect503(baselines.http(), wrong, HttpMethod.GET, "/baselines/checkout/cpu", null);
        expect503(baselines.http(), wrong, HttpMethod.PUT, "/baselines/1", "{\"severity\":\"info\"}");
        expect503(baselines.http(), wrong, HttpMethod.DELETE, "/baselines/1", null);
        expect503(history.http(), wrong, HttpMethod.GET, "/history/checkout", null);
        expect503(history.http(), wrong, HttpMethod.GET, "/history/checkout/latest", null);
        expect503(history.http(), wrong, HttpMethod.DELETE, "/history/1", null);
        expect503(registry.http(), wrong, HttpMethod.GET, "/services", null);
        expect503(registry.http(), wrong, HttpMethod.GET, "/services/checkout", null);
        expect503(registry.http(), wrong, HttpMethod.POST, "/services", new JsonObject().put("appName", "checkout")
            .put("teamOwner", "team-shop").encode());
        expect503(registry.http(), wrong, HttpMethod.PUT, "/services/checkout", new JsonObject()
            .put("teamOwner", "team-pay").encode());
        expect503(registry.http(), wrong, HttpMethod.DELETE, "/services/checkout", null);
        expect503(rules.http(), wrong, HttpMethod.GET, "/rules", null);
        expect503(rules.http(), wrong, HttpMethod.GET, "/rules/active/checkout", null);
        expect503(rules.http(), wrong, HttpMethod.GET, "/rules/1", null);
        expect503(rules.http(), wrong, HttpMethod.POST, "/rules", new JsonObject().put("appName", "checkout")
            .put("profileType", "cpu").put("thresholdPercent", 20).put("severity", "warning").encode());
        expect503(rules.http(), wrong, HttpMethod.PUT, "/rules/1", "{\"enabled\":false}");
        expect503(rules.http(), wrong, HttpMethod.DELETE, "/rules/1", null);
      } finally {
        db.start();
      }
      assertThat(wrong).isEmpty();
    }
  }

  private static void expect503(Http http, List<String> wrong, HttpMethod method, String uri, String body) {
    HttpResponse<Buffer> response = http.send(method, uri, body == null ? null : JSON, body);
    if (response.statusCode() != 503 || !response.getHeader("Content-Type").startsWith(JSON)
        || !"UPSTREAM_UNAVAILABLE".equals(response.bodyAsJsonObject().getString("code"))) {
      wrong.add(method + " " + uri + " → " + response.statusCode() + " " + response.bodyAsString());
    }
  }
}
