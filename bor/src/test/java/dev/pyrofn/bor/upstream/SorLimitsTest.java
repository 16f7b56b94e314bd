package dev.pyrofn.bor.upstream;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.bor.diff.DiffVerticle;
import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.testing.Profiles;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Across the BOR → SOR boundary, everything a BOR's configuration lets it send is something the SOR accepts: each
 * setting at its documented maximum, against the real SORs. A SOR that tightens a limit below what the BORs may
 * send fails here, instead of turning every answer into a 502 in production.
 */
class SorLimitsTest {
  private static final long TO = 1_748_703_600L;
  private static final String WINDOW = "from=1748700000&to=" + TO;

  @RegisterExtension
  static final BorStack STACK = new BorStack();

  @BeforeEach
  void script() {
    STACK.pyroscope().profile("checkout", CPU, Profiles.compilingRegexes());
  }

  @Test
  void profileRowsAtItsMaximumIsALimitProfileDataAccepts() {
    assertThatThrownBy(() -> BorConfig.from(Env.of(Map.of("PROFILE_DATA_URL", "http://localhost:1",
        "PROFILE_ROWS", "5001")))).isInstanceOf(ConfigException.class).hasMessageContaining("PROFILE_ROWS");
    Map<String, String> maximum = Map.of("PROFILE_ROWS", "5000");

    JsonObject triage = STACK.bor(TriageVerticle.SPEC_V2, maximum).ok("/triage/checkout?types=cpu&" + WINDOW);
    JsonObject diff = STACK.bor(DiffVerticle.SPEC_V2, maximum).ok("/diff/checkout?type=cpu&" + WINDOW);
    JsonObject search = STACK.bor(FleetVerticle.SPEC_V2, maximum)
        .ok("/search?function=Pattern.compile&apps=checkout&" + WINDOW);

    assertThat(triage.getJsonObject("profiles").getJsonObject("cpu").getString("diagnosis"))
        .isEqualTo("regex_compilation");
    assertThat(triage.containsKey("historyId")).as(triage.encode()).isTrue();
    assertThat(diff.getJsonObject("summary").getString("verdict")).isNotNull();
    assertThat(search.getInteger("matchCount")).isEqualTo(1);
  }

  @Test
  void theLongestWindowABorAcceptsIsOneProfileDataAccepts() {
    Http triage = STACK.bor(TriageVerticle.SPEC_V1, Map.of());
    long longest = 168 * 3600L; // MAX_WINDOW_HOURS defaults to 168 in both layers

    JsonObject answer = triage.ok("/triage/checkout?types=cpu&from=" + (TO - longest) + "&to=" + TO);
    HttpResponse<Buffer> tooLong = triage.get("/triage/checkout?types=cpu&from=" + (TO - longest - 1) + "&to=" + TO);

    assertThat(answer.getJsonObject("profiles").getJsonObject("cpu").getString("diagnosis"))
        .isEqualTo("regex_compilation");
    assertThat(tooLong.statusCode()).as("the BOR refuses it itself, not a 502 from the SOR").isEqualTo(400);
  }

  @Test
  void historyRecordsAtTheirBoundsAreStoredByTheHistorySor() {
    JsonArray top = new JsonArray();
    for (int i = 0; i < 200; i++) {
      top.add(new JsonObject().put("profileType", "cpu").put("name", "com/example/Handler$$Lambda$" + i + "."
          + "x".repeat(300)).put("selfPercent", 1.5));
    }
    String recommendation = "r".repeat(10_000);
    JsonObject record = HistoryRecord.of("checkout", "regex_compilation", "high", new JsonArray().add("cpu"), top,
        recommendation, "triage-limits-1").toJson();

    HttpResponse<Buffer> stored = STACK.historySor().post("/history", record);

    assertThat(stored.statusCode()).as(stored.bodyAsString()).isEqualTo(201);
    JsonArray kept = record.getJsonArray("topFunctions");
    assertThat(kept.size()).isBetween(1, 199);
    assertThat(kept.getJsonObject(0).getString("name")).startsWith("com/example/Handler$$Lambda$0.");
    assertThat(record.getString("recommendation")).hasSize(HistoryRecord.MAX_RECOMMENDATION);
    // The bounds are the SOR's own: one more is refused.
    JsonObject over = record.copy().put("requestId", "triage-limits-2")
        .put("recommendation", "r".repeat(HistoryRecord.MAX_RECOMMENDATION + 1));
    assertThat(STACK.historySor().post("/history", over).statusCode()).isEqualTo(400);
    JsonArray bigger = kept.copy().add(new JsonObject().put("name", "y".repeat(HistoryRecord.MAX_TOP_FUNCTIONS_CHARS)));
    assertThat(STACK.historySor().post("/history", record.copy().put("requestId", "triage-limits-3")
        .put("topFunctions", bigger)).statusCode()).isEqualTo(400);
  }
}
