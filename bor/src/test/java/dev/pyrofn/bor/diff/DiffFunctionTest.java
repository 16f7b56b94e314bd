package dev.pyrofn.bor.diff;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
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

/** Diff Report v1 and v2 end to end against the real SOR functions. */
class DiffFunctionTest {
  /** Current window 1748700000..1748703600; the default baseline is the hour before. */

  @RegisterExtension
  static final BorStack STACK = new BorStack();
  private final Http v1 = STACK.bor(DiffVerticle.SPEC_V1);
  private final Http v2 = STACK.bor(DiffVerticle.SPEC_V2);

  @BeforeEach
  void script() {
    STACK.pyroscope().baselineBefore(1_748_700_000_000L)
        // Sample counts a one-hour window can hold: with 100 samples no change would be beyond noise.
        .baselineProfile("checkout", CPU, Map.of("main;work", 8001L, "main;serialize", 1999L))
        .profile("checkout", CPU, Map.of("main;work", 6001L, "main;serialize", 999L,
            "main;java/util/regex/Pattern.compile", 3000L));
  }

  @Test
  void v1ListsRegressionsAndImprovementsWithAVerdict() {
    JsonObject body = v1.ok("/diff/checkout?" + WINDOW);

    assertThat(body.getString("profileType")).isEqualTo("cpu");
    assertThat(body.getJsonObject("baseline").getLong("from")).isEqualTo(1_748_696_400L);
    assertThat(body.getJsonObject("baseline").getLong("totalSamples")).isEqualTo(10_000L);
    assertThat(body.getJsonObject("current").getLong("totalSamples")).isEqualTo(10_000L);
    JsonObject regression = body.getJsonArray("regressions").getJsonObject(0);
    assertThat(regression.getString("function")).isEqualTo("java/util/regex/Pattern.compile");
    assertThat(regression.getString("status")).isEqualTo("new");
    assertThat(regression.getDouble("deltaPercent")).isEqualTo(30.0);
    assertThat(body.getJsonArray("improvements").getJsonObject(0).getString("function")).isEqualTo("work");
    JsonObject summary = body.getJsonObject("summary");
    assertThat(summary.getInteger("regressionsCount")).isEqualTo(1);
    assertThat(summary.getInteger("improvementsCount")).isEqualTo(2);
    assertThat(summary.getString("verdict")).isEqualTo("fail");
    assertThat(summary.getJsonObject("topRegression").getString("function"))
        .isEqualTo("java/util/regex/Pattern.compile");
    assertThat(regression.containsKey("approvedThreshold")).isFalse();
  }

  @Test
  void aNewCallPathIsOneChangeAtItsEntryFrameWithTotalsPerSecond() {
    Map<String, Long> current = new java.util.HashMap<>(Map.of("main;handler;work", 8001L,
        "main;handler;serialize", 1999L));
    for (int leaf = 0; leaf < 20; leaf++) {
      current.put("main;handler;Receipt.render;java/lang/String.format;java/util/Formatter.spec" + leaf, 151L);
    }
    STACK.pyroscope().baselineProfile("checkout", CPU, Map.of("main;handler;work", 8001L,
        "main;handler;serialize", 1999L)).profile("checkout", CPU, current);

    for (Http version : new Http[] {v1, v2}) {
      JsonObject body = version.ok("/diff/checkout?" + WINDOW);

      JsonObject group = body.getJsonArray("groups").getJsonObject(0);
      assertThat(group.getJsonObject("entry").getString("function")).isEqualTo("Receipt.render");
      assertThat(group.getJsonObject("entry").getDouble("inclusiveDeltaPercent")).isEqualTo(23.2);
      assertThat(group.getString("level")).isEqualTo("fail");
      assertThat(group.getInteger("frames")).isEqualTo(22);
      assertThat(body.getJsonArray("groups")).hasSize(1);
      JsonObject summary = body.getJsonObject("summary");
      assertThat(summary.getString("verdict")).isEqualTo("fail");
      assertThat(summary.getJsonArray("reasons")).hasSize(1);
      assertThat(summary.getJsonArray("reasons").getString(0)).startsWith("Receipt.render (new call path, 22 frames)");
      assertThat(summary.getJsonObject("topChange").getJsonObject("entry").getString("function"))
          .isEqualTo("Receipt.render");
      assertThat(summary.getBoolean("groupedByCalls")).isTrue();
      JsonObject rates = body.getJsonObject("rates");
      assertThat(rates.getString("unit")).isEqualTo("cores");
      assertThat(rates.getDouble("changePercent")).isEqualTo(30.2);
      assertThat(rates.getDouble("baselineSeconds")).isEqualTo(3600.0);
    }
    String markdown = v2.get("/diff/checkout?" + WINDOW + "&format=markdown").bodyAsString();
    assertThat(markdown).contains("**Total cost per second:**").contains("cores (+30%)")
        .contains("| 1 | `Receipt.render` | +23.2 pts incl. (0.0% → 23.2%) | +0.0 pts self |");
    assertThat(markdown.indexOf("#### Top changes")).isLessThan(markdown.indexOf("#### Regressions by function"));
  }

  @Test
  void eachGroupedRegressionNamesTheApplicationFrameItAppearedUnder() {
    String api = "java/lang/Thread.run;io/vertx/core/impl/ContextImpl.run;com/acme/web/Api.handle;";
    Map<String, Long> current = new java.util.HashMap<>(Map.of(api + "com/acme/Work.run", 8001L,
        api + "com/acme/Serializer.write", 1999L));
    for (int leaf = 0; leaf < 20; leaf++) {
      current.put(api + "com/acme/Receipt.render;java/lang/String.format;java/util/Formatter.spec" + leaf, 151L);
    }
    STACK.pyroscope().baselineProfile("checkout", CPU, Map.of(api + "com/acme/Work.run", 8001L,
        api + "com/acme/Serializer.write", 1999L)).profile("checkout", CPU, current);

    for (Http version : new Http[] {v1, v2}) {
      JsonObject body = version.ok("/diff/checkout?" + WINDOW);

      JsonObject group = body.getJsonArray("groups").getJsonObject(0);
      assertThat(group.getJsonObject("entry").getString("function")).isEqualTo("com/acme/Receipt.render");
      assertThat(group.getString("appearedUnder")).isEqualTo("com/acme/web/Api.handle");
      assertThat(group.getJsonArray("callSites").getJsonObject(0).getDouble("percent")).isEqualTo(23.2);
      assertThat(body.getJsonObject("summary").getJsonObject("topChange").getString("appearedUnder"))
          .isEqualTo("com/acme/web/Api.handle");
      assertThat(body.getJsonObject("applicationFrames").getString("source")).isEqualTo("heuristic");
    }
    String markdown = v1.get("/diff/checkout?" + WINDOW + "&format=markdown").bodyAsString();
    assertThat(markdown).contains("| Level | Called from |")
        .contains("| **fail** | `com/acme/web/Api.handle` (23.2%) |");
  }

  @Test
  void v2AddsApprovedThresholdsAndAHistoryRecord() {
    approve("work", 70);
    JsonObject one = v1.ok("/diff/checkout?" + WINDOW);
    JsonObject two = v2.ok("/diff/checkout?" + WINDOW);

    JsonSubset.assertSubset(one, two);
    JsonObject work = two.getJsonArray("improvements").getJsonObject(0);
    assertThat(work.getDouble("approvedThreshold")).isEqualTo(70.0);
    assertThat(work.getBoolean("exceedsThreshold")).isFalse();
    JsonObject regex = two.getJsonArray("regressions").getJsonObject(0);
    assertThat(regex.containsKey("approvedThreshold")).isTrue();
    assertThat(regex.getValue("approvedThreshold")).isNull();
    assertThat(two.getJsonObject("summary").getJsonArray("thresholdBreaches")).isEmpty();
    JsonObject history = STACK.historySor().get("/history/checkout").bodyAsJsonObject();
    assertThat(history.getInteger("count")).isEqualTo(1);
    assertThat(history.getJsonArray("history").getJsonObject(0).getString("diagnosis")).isEqualTo("diff_fail");
    assertThat(two.getLong("historyId")).isEqualTo(history.getJsonArray("history").getJsonObject(0).getLong("id"));
  }

  @Test
  void aBreachedApprovedThresholdFailsTheVerdictEvenBelowTheDeltaLevels() {
    approve("work", 50);

    JsonObject body = v2.ok("/diff/checkout?" + WINDOW + "&failDelta=90&warnDelta=80");

    JsonObject summary = body.getJsonObject("summary");
    assertThat(summary.getString("verdict")).isEqualTo("fail");
    assertThat(summary.getJsonArray("thresholdBreaches").getJsonObject(0).getString("function")).isEqualTo("work");
    assertThat(summary.getJsonArray("reasons").getString(0)).contains("work").contains("50");
    assertThat(v1.ok("/diff/checkout?" + WINDOW + "&failDelta=90&warnDelta=80").getJsonObject("summary")
        .getString("verdict")).isEqualTo("pass");
  }

  @Test
  void markdownIsReadyForAPullRequest() {
    HttpResponse<Buffer> response = v2.get("/diff/checkout?" + WINDOW + "&format=markdown");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/markdown");
    assertThat(response.bodyAsString()).contains("### Profile diff: `checkout`").contains("FAIL")
        .contains("| `java/util/regex/Pattern.compile` |").contains("Recorded as triage history #");
  }

  @Test
  void baselineSorDownKeepsTheDiffAndSaysThresholdsWereNotChecked() {
    Http degraded = STACK.bor(DiffVerticle.SPEC_V2, Map.of("BASELINE_URL", FreePort.deadUrl()));

    JsonObject body = degraded.ok("/diff/checkout?" + WINDOW);

    assertThat(body.getString("baselineError")).contains("Baseline SOR");
    assertThat(body.getJsonObject("summary").getString("verdict")).isEqualTo("fail");
    assertThat(body.getJsonArray("regressions").getJsonObject(0).getBoolean("exceedsThreshold")).isFalse();
  }

  @Test
  void baselineSorDownTurnsABlindPassIntoWarn() {
    Http degraded = STACK.bor(DiffVerticle.SPEC_V2, Map.of("BASELINE_URL", FreePort.deadUrl()));

    JsonObject summary = degraded.ok("/diff/checkout?" + WINDOW + "&failDelta=90&warnDelta=80")
        .getJsonObject("summary");

    assertThat(summary.getString("verdict")).isEqualTo("warn");
    assertThat(summary.getJsonArray("reasons").encode()).contains("approved thresholds could not be checked");
    assertThat(v2.ok("/diff/checkout?" + WINDOW + "&failDelta=90&warnDelta=80").getJsonObject("summary")
        .getString("verdict")).as("with the Baseline SOR up the same diff is judged on its thresholds")
        .isNotEqualTo("warn");
  }

  @Test
  void historySorDownIsReported() {
    Http degraded = STACK.bor(DiffVerticle.SPEC_V2, Map.of("HISTORY_URL", FreePort.deadUrl()));

    JsonObject body = degraded.ok("/diff/checkout?" + WINDOW);

    assertThat(body.getString("historyError")).contains("History SOR");
    assertThat(body.getBoolean("historyPending")).as("retried in the background").isTrue();
    assertThat(body.containsKey("historyId")).isFalse();
  }

  @Test
  void anEmptyWindowIs404NamingIt() {
    STACK.pyroscope().baselineProfile("retired", CPU, Map.of("main;work", 10L));

    for (Http version : new Http[] {v1, v2}) {
      HttpResponse<Buffer> response = version.get("/diff/retired?" + WINDOW);

      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("error")).contains("current window").contains("retired");
    }
  }

  @Test
  void profileDataDownIs503() {
    Http degraded = STACK.bor(DiffVerticle.SPEC_V1, Map.of("PROFILE_DATA_URL", FreePort.deadUrl()));

    HttpResponse<Buffer> response = degraded.get("/diff/checkout?" + WINDOW);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
  }

  private static void approve(String function, double max) {
    HttpResponse<Buffer> created = STACK.baselineSor().post("/baselines", new JsonObject().put("appName", "checkout")
        .put("profileType", "cpu").put("functionName", function).put("maxSelfPercent", max));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
  }
}
