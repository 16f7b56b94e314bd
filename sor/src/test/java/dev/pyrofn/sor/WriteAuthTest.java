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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteAuthTest {
  private static RunningFunction baselines;
  private static RunningFunction registry;
  private static RunningFunction history;
  private static RunningFunction rules;

  @BeforeAll
  static void start() {
    Map<String, String> env = new HashMap<>(TestDatabase.get().env());
    env.put("AUTH_TOKENS", "first-token, second-token");
    baselines = RunningFunction.start(BaselineVerticle.SPEC, env);
    registry = RunningFunction.start(RegistryVerticle.SPEC, env);
    history = RunningFunction.start(HistoryVerticle.SPEC, env);
    rules = RunningFunction.start(AlertRuleVerticle.SPEC, env);
  }

  @AfterAll
  static void stop() {
    baselines.close();
    registry.close();
    history.close();
    rules.close();
  }

  @BeforeEach
  void emptyTables() {
    TestDatabase.get().reset();
  }

  private static JsonObject baseline() {
    return new JsonObject().put("appName", "checkout").put("profileType", "cpu").put("functionName", "f")
        .put("maxSelfPercent", 10);
  }

  @Test
  void writeWithoutTokenIs401AndWritesNothing() {
    Http anonymous = baselines.http();
    HttpResponse<Buffer> response = anonymous.post("/baselines", baseline());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UNAUTHORIZED");
    assertThat(anonymous.get("/baselines/checkout").bodyAsJsonObject().getJsonArray("baselines")).isEmpty();
  }

  @Test
  void wrongTokenIs401OnEveryWriteMethod() {
    Http wrong = baselines.http().withBearer("first-token-but-longer");
    assertThat(wrong.post("/baselines", baseline()).statusCode()).isEqualTo(401);
    assertThat(wrong.put("/baselines/1", new JsonObject().put("severity", "info")).statusCode()).isEqualTo(401);
    assertThat(wrong.delete("/baselines/1").statusCode()).isEqualTo(401);
    Http registryWrong = registry.http().withBearer("nope");
    assertThat(registryWrong.post("/services", new JsonObject().put("appName", "a")).statusCode()).isEqualTo(401);
  }

  @Test
  void everyWriteRouteOfTheOtherSorsIs401WithoutAToken() {
    JsonObject any = new JsonObject().put("appName", "checkout");
    Http historyWrites = history.http();
    Http registryWrites = registry.http();
    Http ruleWrites = rules.http();

    assertThat(historyWrites.post("/history", any).statusCode()).isEqualTo(401);
    assertThat(historyWrites.delete("/history/1").statusCode()).isEqualTo(401);
    assertThat(registryWrites.put("/services/checkout", any).statusCode()).isEqualTo(401);
    assertThat(registryWrites.delete("/services/checkout").statusCode()).isEqualTo(401);
    assertThat(ruleWrites.post("/rules", any).statusCode()).isEqualTo(401);
    assertThat(ruleWrites.put("/rules/1", new JsonObject().put("enabled", false)).statusCode()).isEqualTo(401);
    assertThat(ruleWrites.delete("/rules/1").statusCode()).isEqualTo(401);
    assertThat(historyWrites.get("/history/checkout").statusCode()).as("reads stay open").isEqualTo(200);
  }

  @Test
  void anyConfiguredTokenWritesAndReadsStayOpen() {
    assertThat(baselines.http().withBearer("second-token").post("/baselines", baseline()).statusCode())
        .isEqualTo(201);
    assertThat(baselines.http().withBearer("first-token").post("/baselines", baseline()).statusCode())
        .isEqualTo(200);
    assertThat(baselines.http().get("/baselines/checkout").statusCode()).isEqualTo(200);
  }
}
