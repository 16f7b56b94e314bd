package dev.pyrofn.bor.triage;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static dev.pyrofn.runtime.testing.PyroscopeStub.ALLOC;
import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.testing.JsonSubset;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Triage v1 and v2 end to end against the real SOR functions. */
class TriageFunctionTest {

  @RegisterExtension
  static final BorStack STACK = new BorStack();
  private final Http v1 = STACK.bor(TriageVerticle.SPEC_V1);
  private final Http v2 = STACK.bor(TriageVerticle.SPEC_V2);

  @BeforeEach
  void script() {
    STACK.pyroscope().profile("checkout", CPU, Map.of(
        "main;handle;java/util/regex/Pattern.compile", 30L,
        "main;handle;work", 50L,
        "main;idle", 20L));
  }

  @Test
  void v1DiagnosesEachTypeAndSummarises() {
    JsonObject body = ok(v1, "/triage/checkout?" + WINDOW + "&limit=2");

    assertThat(body.getString("appName")).isEqualTo("checkout");
    assertThat(body.getLong("from")).isEqualTo(1_748_700_000L);
    assertThat(body.getLong("to")).isEqualTo(1_748_703_600L);
    JsonObject cpu = body.getJsonObject("profiles").getJsonObject("cpu");
    assertThat(cpu.getString("profileTypeId")).isEqualTo(CPU);
    assertThat(cpu.getString("diagnosis")).isEqualTo("regex_compilation");
    assertThat(cpu.getLong("totalSamples")).isEqualTo(100L);
    assertThat(cpu.getJsonArray("topFunctions")).containsExactly(
        new JsonObject().put("name", "work").put("selfPercent", 50.0).put("selfSamples", 50).put("totalPercent", 50.0),
        new JsonObject().put("name", "java/util/regex/Pattern.compile").put("selfPercent", 30.0)
            .put("selfSamples", 30).put("totalPercent", 30.0));
    JsonObject finding = cpu.getJsonArray("findings").getJsonObject(0);
    assertThat(finding.getString("rule")).isEqualTo("regex_compilation");
    assertThat(finding.getDouble("percent")).isEqualTo(30.0);
    assertThat(finding.getJsonArray("functions").getJsonObject(0).getString("name"))
        .isEqualTo("java/util/regex/Pattern.compile");
    assertThat(body.getJsonObject("summary").getString("primaryIssue")).isEqualTo("regex_compilation");
    assertThat(body.getJsonObject("summary").getString("severity")).isIn("medium", "high", "critical");
    assertThat(body.containsKey("historyId")).isFalse();
    assertThat(cpu.containsKey("baselineViolations")).isFalse();
  }

  @Test
  void v2AddsBaselineViolationsAndAHistoryRecordToTheV1Answer() {
    approve("checkout", "cpu", "java/util/regex/Pattern.compile", 15);
    JsonObject one = ok(v1, "/triage/checkout?" + WINDOW);
    JsonObject two = ok(v2, "/triage/checkout?" + WINDOW);

    JsonSubset.assertSubset(one, two);
    JsonObject violation = new JsonObject().put("function", "java/util/regex/Pattern.compile")
        .put("currentPercent", 30.0).put("threshold", 15.0).put("exceededBy", 15.0).put("severity", "warning")
        .put("message", "java/util/regex/Pattern.compile is at 30.0% which exceeds the approved baseline of 15%");
    assertThat(two.getJsonObject("profiles").getJsonObject("cpu").getJsonArray("baselineViolations"))
        .containsExactly(violation);
    assertThat(two.getJsonObject("summary").getJsonArray("baselineViolations"))
        .containsExactly(violation.copy().put("profileType", "cpu"));
    JsonObject history = ok(STACK.historySor(), "/history/checkout");
    assertThat(history.getInteger("count")).isEqualTo(1);
    JsonObject record = history.getJsonArray("history").getJsonObject(0);
    assertThat(two.getLong("historyId")).isEqualTo(record.getLong("id"));
    assertThat(record.getString("diagnosis")).isEqualTo("regex_compilation");
    assertThat(record.getJsonArray("profileTypes")).containsExactly("cpu");
  }

  @Test
  void aRetriedRequestWithTheSameRequestIdWritesOneHistoryRecord() {
    HttpResponse<Buffer> first = v2.get("/triage/checkout?" + WINDOW);
    String generated = first.getHeader("X-Request-Id");
    JsonObject a = getWithRequestId("/triage/checkout?" + WINDOW, "retry-42");
    JsonObject b = getWithRequestId("/triage/checkout?" + WINDOW, "retry-42");

    assertThat(generated).isNotBlank();
    assertThat(a.getLong("historyId")).isEqualTo(b.getLong("historyId"));
    assertThat(ok(STACK.historySor(), "/history/checkout").getInteger("count")).isEqualTo(2);
  }

  @Test
  void aTypeWithoutDataIsUnavailableAndTheRestStillAnswers() {
    JsonObject body = ok(v2, "/triage/checkout?" + WINDOW + "&types=cpu,alloc");

    JsonObject alloc = body.getJsonObject("profiles").getJsonObject("alloc");
    assertThat(alloc.getString("diagnosis")).isEqualTo("unavailable");
    assertThat(alloc.getString("code")).isEqualTo("NOT_FOUND");
    assertThat(alloc.getString("error")).contains("alloc").contains("checkout");
    assertThat(body.getJsonObject("profiles").getJsonObject("cpu").getString("diagnosis"))
        .isEqualTo("regex_compilation");
    assertThat(body.getJsonObject("summary").getString("primaryIssue")).isEqualTo("regex_compilation");
    assertThat(body.getLong("historyId")).isPositive();
  }

  @Test
  void pyroscopeFailingForEveryTypeIsTheUpstreamStatus() {
    STACK.pyroscope().profile("checkout", ALLOC, Map.of("main;alloc;java/util/ArrayList.grow", 10L));
    STACK.pyroscope().failing("checkout", 503);
    // Its own instance: the failures open this instance's Profile Data breaker, which must not leak into others.
    Http fresh = STACK.fresh(TriageVerticle.SPEC_V1, Map.of());

    HttpResponse<Buffer> response = fresh.get("/triage/checkout?" + WINDOW + "&types=cpu,alloc");
    HttpResponse<Buffer> afterBreakerOpened = fresh.get("/triage/checkout?" + WINDOW);

    assertThat(response.statusCode()).isIn(502, 503);
    assertThat(response.bodyAsJsonObject().getString("code")).startsWith("UPSTREAM_");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("Profile Data SOR");
    assertThat(afterBreakerOpened.statusCode()).isEqualTo(503);
    assertThat(afterBreakerOpened.bodyAsJsonObject().getString("error")).contains("circuit open");
  }

  @Test
  void baselineSorDownStillAnswersWithTheErrorAndWritesHistory() {
    Http degraded = STACK.bor(TriageVerticle.SPEC_V2, Map.of("BASELINE_URL", FreePort.deadUrl()));

    JsonObject body = ok(degraded, "/triage/checkout?" + WINDOW);

    JsonObject cpu = body.getJsonObject("profiles").getJsonObject("cpu");
    assertThat(cpu.getString("diagnosis")).isEqualTo("regex_compilation");
    assertThat(cpu.getJsonArray("baselineViolations")).isEmpty();
    assertThat(cpu.getString("baselineError")).contains("Baseline SOR");
    assertThat(body.getLong("historyId")).isPositive();
  }

  @Test
  void historySorDownIsReportedNeverSilentlyLost() {
    Http degraded = STACK.bor(TriageVerticle.SPEC_V2, Map.of("HISTORY_URL", FreePort.deadUrl()));

    JsonObject body = ok(degraded, "/triage/checkout?" + WINDOW);

    assertThat(body.containsKey("historyId")).isFalse();
    assertThat(body.getString("historyError")).contains("History SOR");
    assertThat(body.getJsonObject("profiles").getJsonObject("cpu").getString("diagnosis"))
        .isEqualTo("regex_compilation");
  }

  @Test
  void profileDataDownIs503AndReadinessSaysWhy() {
    Http degraded = STACK.bor(TriageVerticle.SPEC_V2, Map.of("PROFILE_DATA_URL", FreePort.deadUrl(),
        "BASELINE_URL", FreePort.deadUrl()));

    HttpResponse<Buffer> response = degraded.get("/triage/checkout?" + WINDOW);
    HttpResponse<Buffer> ready = degraded.get("/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("Profile Data SOR");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("profileData")).startsWith("DOWN");
  }

  @Test
  void findingsNameTheApplicationCallSitesAndTheRecommendationTheTopOne() {
    STACK.pyroscope().profile("signup", CPU, signupStacks());

    JsonObject body = ok(v1, "/triage/signup?" + WINDOW);

    JsonObject finding = body.getJsonObject("profiles").getJsonObject("cpu").getJsonArray("findings").getJsonObject(0);
    assertThat(finding.getString("rule")).isEqualTo("regex_compilation");
    assertThat(finding.getJsonArray("callSites")).containsExactly(
        new JsonObject().put("function", "com/acme/signup/SignupService.validEmail").put("percent", 25.0),
        new JsonObject().put("function", "com/acme/signup/SignupService.tags").put("percent", 10.0));
    assertThat(finding.getString("recommendation"))
        .contains("Change it in com/acme/signup/SignupService.validEmail (25.0% of the profile), then "
            + "com/acme/signup/SignupService.tags (10.0%).");
    assertThat(body.getJsonObject("summary").getString("recommendation")).contains("SignupService.validEmail");
    assertThat(body.getJsonObject("applicationFrames").getString("source")).isEqualTo("heuristic");
  }

  @Test
  void v2UsesTheRegistrysAppPackagesAndKeepsCallSitesInHistory() {
    STACK.pyroscope().profile("signup", CPU, signupStacks());
    HttpResponse<Buffer> registered = STACK.registrySor().post("/services", new JsonObject().put("appName", "signup")
        .put("teamOwner", "identity").put("metadata", new JsonObject().put("appPackages",
            new io.vertx.core.json.JsonArray().add("com/acme/web/"))));
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);

    JsonObject body = ok(v2, "/triage/signup?" + WINDOW);

    JsonObject finding = body.getJsonObject("profiles").getJsonObject("cpu").getJsonArray("findings").getJsonObject(0);
    assertThat(finding.getJsonArray("callSites")).as("only com/acme/web/ is the application's code")
        .containsExactly(new JsonObject().put("function", "com/acme/web/SignupApi.post").put("percent", 35.0));
    assertThat(body.getJsonObject("applicationFrames")).isEqualTo(new JsonObject().put("source", "registry")
        .put("packages", new io.vertx.core.json.JsonArray().add("com.acme.web.")));
    JsonObject record = ok(STACK.historySor(), "/history/signup/latest");
    assertThat(record.getJsonArray("callSites").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("rule", "regex_compilation").put("profileType", "cpu").put("function", "com/acme/web/SignupApi.post")
        .put("percent", 35.0));
  }

  @Test
  void v2FallsBackToTheDefaultWhenTheRegistryIsDown() {
    STACK.pyroscope().profile("signup", CPU, signupStacks());
    Http degraded = STACK.bor(TriageVerticle.SPEC_V2, Map.of("REGISTRY_URL", FreePort.deadUrl(),
        "APP_PACKAGES", "com/acme/signup/"));

    JsonObject body = degraded.ok("/triage/signup?" + WINDOW);

    JsonObject frames = body.getJsonObject("applicationFrames");
    assertThat(frames.getString("source")).isEqualTo("APP_PACKAGES");
    assertThat(frames.getString("registryError")).contains("Registry SOR");
    assertThat(body.getJsonObject("profiles").getJsonObject("cpu").getJsonArray("findings").getJsonObject(0)
        .getJsonArray("callSites").getJsonObject(0).getString("function"))
        .isEqualTo("com/acme/signup/SignupService.validEmail");
  }

  private static Map<String, Long> signupStacks() {
    String web = "java/lang/Thread.run;io/vertx/core/impl/ContextImpl.run;com/acme/web/SignupApi.post;";
    return Map.of(
        web + "com/acme/signup/SignupService.validEmail;java/lang/String.matches;java/util/regex/Pattern.matches;"
            + "java/util/regex/Pattern.compile", 25L,
        web + "com/acme/signup/SignupService.tags;java/lang/String.split;java/util/regex/Pattern.compile", 10L,
        web + "com/acme/signup/SignupService.save", 65L);
  }

  @Test
  void anOptionalSorDownIsReportedWithoutMakingTheFunctionUnready() {
    Http degraded = STACK.bor(TriageVerticle.SPEC_V2, Map.of("HISTORY_URL", FreePort.deadUrl()));

    HttpResponse<Buffer> ready = degraded.get("/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
    assertThat(checks.getString("profileData")).isEqualTo("UP");
    assertThat(checks.getString("baseline")).isEqualTo("UP");
    assertThat(checks.getString("history")).startsWith("DOWN");
  }

  @Test
  void anAppWithoutAnyDataIs404() {
    HttpResponse<Buffer> response = v2.get("/triage/nobody?" + WINDOW);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("nobody");
    assertThat(ok(STACK.historySor(), "/history/nobody").getInteger("count")).isZero();
  }

  private JsonObject getWithRequestId(String uri, String requestId) {
    HttpResponse<Buffer> response = v2.get(uri, Map.of("X-Request-Id", requestId));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo(requestId);
    return response.bodyAsJsonObject();
  }

  static void approve(String app, String type, String function, double max) {
    HttpResponse<Buffer> created = STACK.baselineSor().post("/baselines", new JsonObject().put("appName", app)
        .put("profileType", type).put("functionName", function).put("maxSelfPercent", max));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
  }

  static JsonObject ok(Http http, String uri) {
    HttpResponse<Buffer> response = http.get(uri);
    assertThat(response.statusCode()).as(uri + " → " + response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

}
