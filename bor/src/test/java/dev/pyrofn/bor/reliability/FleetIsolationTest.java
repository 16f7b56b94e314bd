package dev.pyrofn.bor.reliability;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One 200-app Fleet search against a slow but healthy Pyroscope (1 s per call, under the 2.5 s deadline) on a
 * Profile Data SOR with 16 connections to it: single-app Triage calls made meanwhile all answer, the search's own
 * breaker stays closed (no app is "circuit open", a single-app search right after answers), and the search answers
 * partial results when its budget runs out instead of timing apps out in its own queue.
 */
class FleetIsolationTest {
  private static final int APPS = 200;
  private static final long PYROSCOPE_DELAY_MS = 1_000;

  @RegisterExtension
  static final BorStack STACK = new BorStack().scriptedOnce()
      .withProfileDataEnv(Map.of("PYROSCOPE_MAX_CONNECTIONS", "16", "PYROSCOPE_TIMEOUT_MS", "10000"));

  @BeforeAll
  static void start() {
    for (int i = 0; i < APPS; i++) {
      String app = String.format("svc-%03d", i);
      STACK.pyroscope().profile(app, CPU, Map.of("main;work", 70L, "main;java/util/regex/Pattern.compile", 30L))
          .delay(app, PYROSCOPE_DELAY_MS);
    }
  }

  @Test
  void aBigSearchNeitherStarvesTriageNorOpensItsBreaker() throws Exception {
    Map<String, String> slowButHealthy = new HashMap<>();
    slowButHealthy.put("UPSTREAM_TIMEOUT_MS", "2500");
    slowButHealthy.put("UPSTREAM_MAX_CONNECTIONS", "16");
    slowButHealthy.put("FLEET_APP_TIMEOUT_MS", "2500");
    slowButHealthy.put("FLEET_MAX_APPS", String.valueOf(APPS));
    slowButHealthy.put("FLEET_BUDGET_MS", "6000");
    Http fleet = STACK.bor(FleetVerticle.SPEC_V1, slowButHealthy);
    Http triage = STACK.bor(TriageVerticle.SPEC_V1, Map.of("UPSTREAM_TIMEOUT_MS", "2500"));

    // Warm both functions and the SOR up (first connections, class loading) so only queueing is measured.
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> warmFleet = fleet.get("/search?function=x&apps=svc-000,svc-001,svc-002&" + WINDOW);
      HttpResponse<Buffer> warmTriage = triage.get("/triage/svc-007?" + WINDOW);
      System.out.printf("warm-up: fleet %d, triage %d %s%n", warmFleet.statusCode(), warmTriage.statusCode(),
          warmTriage.statusCode() == 200 ? "" : warmTriage.bodyAsString());
    }
    CompletableFuture<HttpResponse<Buffer>> search = CompletableFuture.supplyAsync(() ->
        fleet.get("/search?function=Pattern.compile&" + WINDOW));
    Thread.sleep(500);
    List<Integer> triageStatuses = new ArrayList<>();
    List<Long> triageMillis = new ArrayList<>();
    while (!search.isDone()) {
      long started = System.currentTimeMillis();
      HttpResponse<Buffer> answer = triage.get("/triage/svc-007?" + WINDOW);
      triageMillis.add(System.currentTimeMillis() - started);
      triageStatuses.add(answer.statusCode());
    }
    HttpResponse<Buffer> response = search.get();
    long afterwardsStarted = System.currentTimeMillis();
    HttpResponse<Buffer> afterwards = fleet.get("/search?function=Pattern.compile&apps=svc-001&" + WINDOW);
    long afterwardsMillis = System.currentTimeMillis() - afterwardsStarted;

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    Map<String, Integer> errorCodes = new TreeMap<>();
    for (Object error : body.getJsonArray("errors", new JsonArray())) {
      errorCodes.merge(((JsonObject) error).getString("code"), 1, Integer::sum);
    }
    System.out.printf("fleet isolation: %d apps matched, error codes %s, partial %s; %d triage calls meanwhile, "
        + "statuses %s, durations %s ms; single-app search afterwards %d in %d ms%n", body.getInteger("matchCount"),
        errorCodes, body.getBoolean("partial"), triageStatuses.size(), triageStatuses,
        triageMillis, afterwards.statusCode(), afterwardsMillis);

    assertThat(triageStatuses).isNotEmpty().containsOnly(200);
    assertThat(errorCodes.keySet()).as("only the budget cut the search short").containsOnly("BUDGET_EXCEEDED");
    assertThat(body.getBoolean("partial")).isTrue();
    assertThat(body.getInteger("appsUnfinished")).isEqualTo(errorCodes.get("BUDGET_EXCEEDED"));
    assertThat(body.getInteger("matchCount")).isPositive();
    assertThat(body.getInteger("matchCount") + body.getInteger("appsUnfinished")).isEqualTo(APPS);
    assertThat(afterwards.statusCode()).as(afterwards.bodyAsString()).isEqualTo(200);
    assertThat(afterwards.bodyAsJsonObject().getInteger("matchCount")).isEqualTo(1);
  }
}
