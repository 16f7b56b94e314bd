package dev.pyrofn.bor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.diff.DiffVerticle;
import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every route rejects bad input with a 400 naming the parameter, before any upstream call: the functions point at
 * SORs that do not exist, so anything but a 400 here would be a 503.
 */
class BadInputTest {
  @RegisterExtension
  static final BorStack STACK = new BorStack();
  private static final Map<String, Http> BY_ROUTE = new HashMap<>();

  @BeforeAll
  static void start() {
    BY_ROUTE.put("triage", start(TriageVerticle.SPEC_V2));
    BY_ROUTE.put("diff", start(DiffVerticle.SPEC_V2));
    BY_ROUTE.put("search", start(FleetVerticle.SPEC_V2));
    BY_ROUTE.put("fleet", BY_ROUTE.get("search"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "/triage/checkout?types=bogus | types",
      "/triage/checkout?types=,%20, | types",
      "/triage/checkout?from=yesterday | from",
      "/triage/checkout?from=1748703600&to=1748700000 | from",
      "/triage/checkout?from=1700000000&to=1748700000 | from",
      "/triage/checkout?limit=0 | limit",
      "/triage/checkout?limit=101 | limit",
      "/triage/checkout?limit=ten | limit",
      "/diff/checkout?type=nope | type",
      "/diff/checkout?format=pdf | format",
      "/diff/checkout?minDelta=-1 | minDelta",
      "/diff/checkout?warnDelta=9&failDelta=3 | warnDelta",
      "/diff/checkout?baselineFrom=garbage | baselineFrom",
      "/diff/checkout?baselineFrom=1748703600&baselineTo=1748700000 | baselineFrom",
      "/diff/checkout?limit=5000 | limit",
      "/diff/checkout?minZ=-1 | minZ",
      "/diff/checkout?minRateChange=abc | minRateChange",
      "/diff/checkout?totalWarn=20000 | totalWarn",
      "/diff/checkout?to=now-2x | to",
      "/search | function",
      "/search?function=%20%20 | function",
      "/search?function=(unclosed&match=regex | function",
      "/search?function=x&match=fuzzy | match",
      "/search?function=x&type=heap | type",
      "/search?function=x&apps=a,b,c,d | apps",
      "/search?function=x&limit=0 | limit",
      "/fleet/hotspots?limit=0 | limit",
      "/fleet/hotspots?minSelfPercent=200 | minSelfPercent",
      "/fleet/hotspots?type=bogus | type",
      "/fleet/hotspots?apps=a,b,c,d | apps"})
  void badInputIs400NamingTheParameter(String uri, String field) {
    Http http = BY_ROUTE.get(uri.substring(1).split("[/?]")[0]);

    HttpResponse<Buffer> response = http.get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(body.getString("field")).isEqualTo(field);
    assertThat(body.getString("error")).contains(field);
  }

  @Test
  void anUnusableRequestIdIs400NamingTheHeader() {
    HttpResponse<Buffer> response = BY_ROUTE.get("triage").get("/triage/checkout",
        Map.of("X-Request-Id", "has spaces and / slashes"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("X-Request-Id");
  }

  @Test
  void unknownTypeListsTheValidOnes() {
    HttpResponse<Buffer> response = BY_ROUTE.get("triage").get("/triage/checkout?types=cpu,heap");

    assertThat(response.bodyAsJsonObject().getString("error")).contains("heap").contains("alloc").contains("lock");
  }

  private static Http start(FunctionSpec spec) {
    Map<String, String> env = new HashMap<>();
    env.put("PROFILE_DATA_URL", FreePort.deadUrl());
    env.put("MAX_WINDOW_HOURS", "720");
    env.put("FLEET_MAX_APPS", "3");
    return STACK.isolated(spec, env);
  }
}
