package dev.pyrofn.bor.reliability;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.diff.DiffVerticle;
import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Windows the BORs fill in themselves (a default {@code from}, a baseline of the current window's length) are held
 * to the rules of the ones a caller gives, against the real Profile Data SOR: a SOR 400 caused by a value the BOR
 * made up would come back as a 502, and no combination of edge values may produce one.
 */
class DerivedWindowTest {
  private static final List<String> ROUTES = Arrays.asList("/triage/checkout?", "/diff/checkout?",
      "/search?function=work&", "/fleet/hotspots?");
  private static final List<String> WINDOWS = Arrays.asList("to=0", "to=1", "to=3599", "to=3600", "to=3601",
      "from=0", "from=0&to=1", "from=0&to=3600", "to=1000&from=0", "to=253402214399", "from=253402214398",
      "to=9999999999999999", "baselineFrom=0", "baselineFrom=1", "baselineTo=0", "baselineTo=1800",
      "baselineTo=3600", "from=0&to=3600&baselineTo=3600", "baselineFrom=253402214399", "from=3600&to=7200",
      "from=1800&to=7200", "baselineFrom=0&baselineTo=3600", "to=1970-01-01T00:30:00Z", "to=now-2d");

  @RegisterExtension
  static final BorStack STACK = new BorStack().scriptedOnce();
  private static Map<String, Http> functions;

  @BeforeAll
  static void start() {
    STACK.pyroscope().profile("checkout", CPU, Map.of("main;work", 60L, "main;idle", 40L));
    functions = Map.of(
        "/triage", STACK.bor(TriageVerticle.SPEC_V2, Map.of()),
        "/diff", STACK.bor(DiffVerticle.SPEC_V2, Map.of()),
        "/search", STACK.bor(FleetVerticle.SPEC_V2, Map.of()),
        "/fleet", STACK.bor(FleetVerticle.SPEC_V1, Map.of()));
  }

  @Test
  void aDefaultFromBeforeTheEpochIs400NamingTo() {
    HttpResponse<Buffer> triage = functions.get("/triage").get("/triage/checkout?to=0");

    assertThat(triage.statusCode()).as(triage.bodyAsString()).isEqualTo(400);
    assertThat(triage.bodyAsJsonObject().getString("field")).isEqualTo("to");
  }

  @Test
  void aBaselineFilledInFromBaselineFromAloneIsAnsweredNotRefusedUpstream() {
    HttpResponse<Buffer> diff = functions.get("/diff").get("/diff/checkout?baselineFrom=0");

    assertThat(diff.statusCode()).as(diff.bodyAsString()).isIn(200, 404);
  }

  @Test
  void noEdgeWindowMakesAnyRouteAnswer5xx() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String route : ROUTES) {
      Http http = functions.get(route.substring(0, route.indexOf('/', 1) > 0 ? route.indexOf('/', 1)
          : route.indexOf('?')));
      for (String window : WINDOWS) {
        String uri = route + window;
        HttpResponse<Buffer> response = http.get(uri);
        checked++;
        int status = response.statusCode();
        if (status == 400) {
          String field = response.bodyAsJsonObject().getString("field");
          if (field == null || !window.contains(field + "=")) {
            wrong.add(uri + " → 400 naming '" + field + "', a parameter the caller did not send");
          }
        } else if (status != 200 && status != 404) {
          wrong.add(uri + " → " + status + " " + response.bodyAsString());
        }
      }
    }
    assertThat(checked).isEqualTo(ROUTES.size() * WINDOWS.size());
    assertThat(wrong).isEmpty();
  }

  static JsonObject body(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject();
  }
}
